using System.Text.RegularExpressions;
using Alba;
using Campaigns.Accounts;
using Campaigns.FollowUps;
using Campaigns.Tests.Infrastructure;
using Npgsql;

namespace Campaigns.Tests.FollowUps;

/// <summary>A calendar feed is its owner's (or a manager's) to read, and opens with a feed secret, never an API token.</summary>
public partial class calendar_feeds(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Officer = "jan.devries", OtherOfficer = "piet.officer", Manager = "mia.manager";

    private static string Feed(string user) => $"/api/follow-ups/calendar/{user}.ics";

    [Fact]
    public async Task signed_in_a_user_reads_their_own_feed_and_a_manager_anyones()
    {
        var officer = await BearerFor(Officer, Roles.Officer);
        var manager = await BearerFor(Manager, Roles.Manager);
        await BearerFor(OtherOfficer, Roles.Officer);

        await Scenario(x => { x.Get.Url(Feed(Officer)); x.WithRequestHeader("Authorization", officer); x.StatusCodeShouldBe(200); });
        await Scenario(x => { x.Get.Url(Feed(AppFixture.Officer)); x.WithRequestHeader("Authorization", officer); x.StatusCodeShouldBe(403); });
        await Scenario(x => { x.Get.Url(Feed(OtherOfficer)); x.WithRequestHeader("Authorization", officer); x.StatusCodeShouldBe(403); });
        await Scenario(x => { x.Get.Url(Feed(Officer)); x.WithRequestHeader("Authorization", manager); x.StatusCodeShouldBe(200); });
    }

    [Fact]
    public async Task a_feed_secret_opens_only_its_owners_feed_an_api_token_opens_none_and_renewing_stops_the_old_one()
    {
        var officer = await BearerFor(Officer, Roles.Officer);
        var apiToken = officer["Bearer ".Length..];
        await Scenario(x => { x.Get.Url($"{Feed(Officer)}?token={apiToken}"); x.Anonymous(); x.StatusCodeShouldBe(401); });

        var first = await NewSecret(officer);
        await Scenario(x => { x.Get.Url($"{Feed(Officer)}?token={first}"); x.Anonymous(); x.StatusCodeShouldBe(200); });
        await Scenario(x => { x.Get.Url($"{Feed(AppFixture.Officer)}?token={first}"); x.Anonymous(); x.StatusCodeShouldBe(401); });
        // Read-only: the secret is no bearer token for the rest of the API.
        await Scenario(x => { x.Get.Url("/api/follow-ups/mine"); x.WithRequestHeader("Authorization", "Bearer " + first); x.StatusCodeShouldBe(401); });

        var second = await NewSecret(officer);
        Assert.NotEqual(first, second);
        await Scenario(x => { x.Get.Url($"{Feed(Officer)}?token={first}"); x.Anonymous(); x.StatusCodeShouldBe(401); });
        await Scenario(x => { x.Get.Url($"{Feed(Officer)}?token={second}"); x.Anonymous(); x.StatusCodeShouldBe(200); });

        // Stored as a hash only.
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            $"select count(*) from \"{Store.Options.DatabaseSchemaName}\".mt_doc_calendarfeedsecret where data::text like @secret", connection);
        count.Parameters.AddWithValue("secret", $"%{second[CalendarFeed.SecretPrefix.Length..]}%");
        Assert.Equal(0L, await count.ExecuteScalarAsync());

        // A disabled account's feed stops.
        await Scenario(x => { x.Post.Json(new { }).ToUrl($"/api/users/{Officer}/disable"); x.StatusCodeShouldBe(204); });
        await Scenario(x => { x.Get.Url($"{Feed(Officer)}?token={second}"); x.Anonymous(); x.StatusCodeShouldBe(401); });
    }

    [Fact]
    public async Task the_follow_ups_page_makes_a_new_link_and_the_old_one_stops()
    {
        var page = await Scenario(x => x.Get.Url("/follow-ups"));
        var html = await page.ReadAsTextAsync();
        Assert.Contains("Nieuwe link maken", html);
        Assert.DoesNotContain("?token=", html);
        var antiforgery = TokenPattern().Match(html).Groups[1].Value;
        var cookie = string.Join("; ", page.Context.Response.Headers.SetCookie.Select(c => c!.Split(';')[0]));

        async Task<string> Renew()
        {
            var result = await Scenario(x =>
            {
                x.Post.Url("/follow-ups?handler=Feed");
                x.ConfigureHttpContext(c => c.WriteFormData([new("__RequestVerificationToken", antiforgery)]));
                x.WithRequestHeader("Cookie", cookie);
                x.StatusCodeShouldBe(200);
            });
            var link = LinkPattern().Match(await result.ReadAsTextAsync());
            Assert.True(link.Success, "the page shows the new link");
            return System.Net.WebUtility.HtmlDecode(link.Groups[1].Value);
        }

        var old = new Uri(await Renew());
        Assert.Equal(Feed(AppFixture.Officer), old.AbsolutePath);
        await Scenario(x => { x.Get.Url(old.PathAndQuery); x.Anonymous(); x.StatusCodeShouldBe(200); });
        var renewed = new Uri(await Renew());
        await Scenario(x => { x.Get.Url(old.PathAndQuery); x.Anonymous(); x.StatusCodeShouldBe(401); });
        await Scenario(x => { x.Get.Url(renewed.PathAndQuery); x.Anonymous(); x.StatusCodeShouldBe(200); });
    }

    private async Task<string> NewSecret(string authorization)
    {
        var result = await Scenario(x =>
        {
            x.Post.Json(new { }).ToUrl("/api/follow-ups/calendar/secret");
            x.WithRequestHeader("Authorization", authorization);
            x.StatusCodeShouldBe(200);
        });
        var url = Read<CalendarSubscription>(await result.ReadAsTextAsync()).Url;
        return url[(url.IndexOf("?token=", StringComparison.Ordinal) + "?token=".Length)..];
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("id=\"feed-url\" type=\"text\" readonly value=\"([^\"]+)\"")]
    private static partial Regex LinkPattern();
}
