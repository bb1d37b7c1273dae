using System.Text.Json;
using System.Text.RegularExpressions;
using Alba;
using Campaigns.Accounts;
using Campaigns.Contacts;
using Campaigns.FollowUps;
using Campaigns.Tests.Infrastructure;

namespace Campaigns.Tests.Web;

/// <summary>The officer's contact moment, contact and follow-up pages and commands, through Alba.</summary>
public partial class officer_pages_on_the_server(AppFixture fixture) : FormationContext(fixture)
{
    [Fact]
    public async Task the_error_summary_lists_the_fields_in_form_order()
    {
        var refused = await PostFormAsync("/contacten/nieuw", null,
            ("Name", ""), ("Kind", ""), ("Organisation", ""), ("Email", "geen-adres"), ("EffectiveOn", "1800-01-01"));
        Assert.Equal(200, refused.Context.Response.StatusCode);
        var summary = Regex.Match(await refused.ReadAsTextAsync(), "<div class=\"error-summary\".*?</div>", RegexOptions.Singleline).Value;
        var fields = Regex.Matches(summary, "href=\"#(\\w+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["Name", "Kind", "Organisation", "EffectiveOn", "Email"], fields);
    }

    [Fact]
    public async Task an_admin_records_that_a_person_was_informed_and_forgets_them_after_confirming()
    {
        var id = _formation.VanZwol;
        var informed = await PostFormAsync($"/contacten/{id}/gegevens", "Informed",
            ("InformedOn", "2025-11-03"), ("Channel", "Email"), ("InformNote", "Privacyverklaring gemaild"));
        Assert.True(informed.Context.Response.StatusCode == 302,
            Regex.Match(await informed.ReadAsTextAsync(), "<div class=\"error-summary\".*?</div>", RegexOptions.Singleline).Value);
        await using (var session = Store.QuerySession())
        {
            var events = await session.Events.FetchStreamAsync(id);
            Assert.Equal(new DataSubjectInformed(id, new DateOnly(2025, 11, 3), InformationChannel.Email, "Privacyverklaring gemaild"), events[^1].Data);
        }
        Assert.Contains("3 november 2025", await Page($"/contacten/{id}/gegevens", 200));

        var unconfirmed = await PostFormAsync($"/contacten/{id}/vergeten", null);
        Assert.Contains("Bevestig dat deze persoon vergeten moet worden.", await unconfirmed.ReadAsTextAsync());
        Assert.False((await Get<ContactView>($"/api/contacts/{id}")).Forgotten);

        var confirmed = await PostFormAsync($"/contacten/{id}/vergeten", null, ("Confirmed", "true"));
        Assert.Equal(302, confirmed.Context.Response.StatusCode);
        var forgotten = await Get<ContactView>($"/api/contacts/{id}");
        Assert.True(forgotten.Forgotten);
        Assert.Equal(Contact.ForgottenName, forgotten.Name);
    }

    [Fact]
    public async Task an_officer_may_not_open_the_forget_page()
    {
        var officer = await BearerFor("piet.officier", Roles.Officer);
        await Scenario(x =>
        {
            x.Get.Url($"/contacten/{_formation.VanZwol}/vergeten");
            x.WithRequestHeader("Authorization", officer);
            x.StatusCodeShouldBe(403);
        });
    }

    private Task<Alba.IScenarioResult> PostFormAsync(string url, string? handler, params (string Name, string Value)[] fields) =>
        Host.PostFormAsync(url, handler, fields);

    [Fact]
    public async Task a_contact_moment_page_shows_what_was_discussed_and_its_corrections()
    {
        var meeting = await Create("/api/meetings", _formation.Meeting(_formation.VanZwol));
        await Post($"/api/interactions/{meeting}/corrections", new { location = "Nieuwspoort", reason = "Locatie vergeten" }, 204);

        var html = await Page($"/contactmomenten/{meeting}", 200);
        Assert.Contains("Gesprek over praktijkleren", html);
        Assert.Contains("Nieuwspoort", html);
        Assert.Contains("Locatie vergeten", html);
        Assert.Contains("Informateur, Tweede Kamer", html); // Van Zwol's role on the day of the meeting
        Assert.Contains($"/contactmomenten/{meeting}/corrigeren", html);
        Assert.Contains("Bedankbrief en verslag sturen", html); // the thank-you follow-up the meeting scheduled
    }

    [Theory]
    [InlineData("/contactmomenten/{0}")]
    [InlineData("/campagnes/{0}")]
    [InlineData("/contacten/{0}")]
    [InlineData("/contacten/{0}/gegevens")]
    [InlineData("/follow-ups/{0}")]
    [InlineData("/contacten/geen-id")]
    public async Task an_unknown_page_is_a_dutch_page_not_json(string url)
    {
        var html = await Page(string.Format(url, Guid.NewGuid()), 404);
        Assert.Contains("<h1>Niet gevonden</h1>", html);
    }

    [Fact]
    public async Task registering_a_close_name_answers_the_possible_duplicates()
    {
        var result = await Scenario(x =>
        {
            x.Post.Json(new { name = "Van zwol", kind = "kamerlid", organisation = "VVD" }).ToUrl("/api/contacts");
            x.StatusCodeShouldBe(201);
        });
        using var body = JsonDocument.Parse(await result.ReadAsTextAsync());
        Assert.True(body.RootElement.TryGetProperty("id", out _));
        var duplicate = Assert.Single(body.RootElement.GetProperty("possibleDuplicates").EnumerateArray());
        Assert.Equal(_formation.VanZwol, duplicate.GetProperty("id").GetGuid());
        Assert.NotNull(result.Context.Response.Headers.Location.ToString());
    }

    [Fact]
    public async Task a_follow_up_is_assigned_only_to_an_active_team_member()
    {
        var result = await Scenario(x =>
        {
            x.Post.Json(new { description = "Nabellen", dueOn = "2026-03-01", assignee = "niet.bestaand" }).ToUrl("/api/follow-ups");
            x.StatusCodeShouldBe(400);
        });
        Assert.Contains("assignee", await result.ReadAsTextAsync());
        await BearerFor("jan.devries", Roles.Officer);
        var id = await Create("/api/follow-ups", new { description = "Nabellen", dueOn = "2026-03-01", assignee = "jan.devries" });
        Assert.Equal("jan.devries", (await Get<FollowUp>($"/api/follow-ups/{id}")).Assignee);
    }

    [Fact]
    public async Task a_follow_up_about_a_demand_shows_the_officer_what_the_demand_asks()
    {
        var officer = await BearerFor("jan.devries", Roles.Officer);
        var id = await Create("/api/follow-ups", new { description = "Wens 2d opnieuw aankaarten", dueOn = "2026-03-01", assignee = "jan.devries", demandId = _formation.Demand2d });

        var asOfficer = await Page($"/follow-ups/{id}", 200, officer);
        var demand = Regex.Match(asOfficer, "<dd class=\"follow-up-demand\">(.*?)</dd>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("<strong>2d</strong>", demand);
        Assert.Contains("Verhoog de Subsidieregeling Praktijkleren", demand);
        Assert.Contains("(Geformuleerd)", demand);
        Assert.DoesNotContain("/wensen/", demand); // the demand's page is a manager's

        var asManager = await Page($"/follow-ups/{id}", 200, await BearerFor("mia.manager", Roles.Manager));
        Assert.Contains($"<a href=\"/wensen/{_formation.Demand2d}\">Bekijk de wens</a>", asManager);
    }

    [Fact]
    public async Task a_role_cannot_start_before_the_current_one_except_as_a_correction_of_the_history()
    {
        await Post($"/api/contacts/{_formation.Kamerlid}/roles", new { kind = "minister", organisation = "EZ", effectiveOn = "2000-01-01" }, 400);
        await Post($"/api/contacts/{_formation.Kamerlid}/role-history/corrections",
            new { kind = "fractiemedewerker", organisation = "CDA", effectiveOn = "2000-01-01", reason = "Eerder fractiemedewerker" }, 204);
        var contact = await Get<ContactView>($"/api/contacts/{_formation.Kamerlid}");
        Assert.Equal(ContactKind.Fractiemedewerker, contact.Roles[0].Kind);
        await Post($"/api/contacts/{_formation.Kamerlid}/details", new { phone = "070 318 2211" }, 204);
        Assert.Equal("070 318 2211", (await Get<ContactView>($"/api/contacts/{_formation.Kamerlid}")).Phone);
        await Post($"/api/contacts/{_formation.Kamerlid}/details", new { phone = "070 318 2211" }, 400);

        // The audit shows both, with who recorded them.
        var audit = await Get<global::Campaigns.Audit.AuditPage>($"/api/audit?stream={_formation.Kamerlid}");
        Assert.Contains(audit.Items, e => e is { Type: "contact-role-history-corrected", User: AppFixture.Officer });
        Assert.Contains(audit.Items, e => e is { Type: "contact-details-changed", User: AppFixture.Officer });
    }

    private async Task<string> Page(string url, int status, string? authorization = null)
    {
        var result = await Scenario(x =>
        {
            x.Get.Url(url);
            x.WithRequestHeader("Accept", "text/html");
            if (authorization is not null) x.WithRequestHeader("Authorization", authorization);
            x.StatusCodeShouldBe(status);
        });
        return await result.ReadAsTextAsync();
    }
}
