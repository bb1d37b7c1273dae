using Campaigns.Accounts;
using Campaigns.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.Tests.Web;

/// <summary>Pages apply the API's policies: an officer gets a Dutch "Geen toegang" page for the manager pages.</summary>
public class pages_by_role(AppFixture fixture) : FormationContext(fixture)
{
    private Guid _meeting, _followUp, _capturedEmail;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _meeting = await Create("/api/meetings", _formation.Meeting(_formation.VanZwol));
        _followUp = await Create("/api/follow-ups", new { description = "Nabellen", dueOn = "2026-03-01", assignee = AppFixture.Officer });
        _capturedEmail = Guid.NewGuid();
        await using var session = Store.LightweightSession();
        session.Store(new global::Campaigns.EmailCapture.CapturedEmail { Id = _capturedEmail, MessageKey = "test", Subject = "Wensen", SentOn = new DateOnly(2025, 11, 12) });
        await session.SaveChangesAsync();
        var kamer = await Host.Services.GetRequiredService<global::Campaigns.Imports.TkImporter>()
            .ImportAsync(global::Campaigns.Imports.TkDataSet.FromPath(Parliament.ParliamentFixtures.PathOf(Parliament.ParliamentFixtures.November)), "tk-import");
        Assert.False(kamer.Refused, string.Join("; ", kamer.Problems));
    }

    /// <summary>Every page route, with the least role that may open it (the contract of issues 12, 13 and 14).</summary>
    private Dictionary<string, (string Url, string Role)> Routes() => new()
    {
        [""] = ("/", Roles.Officer),
        ["contactmoment"] = ("/contactmoment", Roles.Officer),
        ["contactmomenten/{id:guid}"] = ($"/contactmomenten/{_meeting}", Roles.Officer),
        ["contactmomenten/{id:guid}/corrigeren"] = ($"/contactmomenten/{_meeting}/corrigeren", Roles.Officer),
        ["contactmomenten/{id:guid}/intrekken"] = ($"/contactmomenten/{_meeting}/intrekken", Roles.Officer),
        ["follow-ups"] = ("/follow-ups", Roles.Officer),
        ["follow-ups/nieuw"] = ("/follow-ups/nieuw", Roles.Officer),
        ["follow-ups/{id:guid}"] = ($"/follow-ups/{_followUp}", Roles.Officer),
        ["follow-ups/team"] = ("/follow-ups/team", Roles.Manager),
        ["te-verwerken"] = ("/te-verwerken", Roles.Officer),
        ["te-verwerken/{id:guid}"] = ($"/te-verwerken/{_capturedEmail}", Roles.Officer),
        ["contacten"] = ("/contacten", Roles.Officer),
        ["contacten/nieuw"] = ("/contacten/nieuw", Roles.Officer),
        ["contacten/{id:guid}"] = ($"/contacten/{_formation.VanZwol}", Roles.Officer),
        ["contacten/{id:guid}/gegevens"] = ($"/contacten/{_formation.VanZwol}/gegevens", Roles.Officer),
        ["contacten/{id:guid}/rol"] = ($"/contacten/{_formation.VanZwol}/rol", Roles.Officer),
        ["contacten/{id:guid}/rol-beeindigen"] = ($"/contacten/{_formation.Kamerlid}/rol-beeindigen", Roles.Officer),
        ["contacten/{id:guid}/vergeten"] = ($"/contacten/{_formation.VanZwol}/vergeten", Roles.Admin),
        ["themas"] = ("/themas", Roles.Officer),
        ["themas/{slug}"] = ("/themas/vakmensen", Roles.Officer),
        ["themas/{slug}/kamer"] = ("/themas/vakmensen/kamer", Roles.Manager),
        ["agenda"] = ("/agenda", Roles.Officer),
        ["kamer/{id:guid}"] = ($"/kamer/{Parliament.ParliamentFixtures.MotieNetcapaciteit}", Roles.Officer),
        ["campagnes"] = ("/campagnes", Roles.Officer),
        ["campagnes/nieuw"] = ("/campagnes/nieuw", Roles.Manager),
        ["campagnes/{id:guid}"] = ($"/campagnes/{_formation.CampaignId}", Roles.Manager),
        ["campagnes/{id:guid}/tijdlijn"] = ($"/campagnes/{_formation.CampaignId}/tijdlijn", Roles.Manager),
        ["campagnes/{id:guid}/aanpassen"] = ($"/campagnes/{_formation.CampaignId}/aanpassen", Roles.Manager),
        ["campagnes/{id:guid}/wensen/nieuw"] = ($"/campagnes/{_formation.CampaignId}/wensen/nieuw", Roles.Manager),
        ["wensen/{id:guid}"] = ($"/wensen/{_formation.Demand2d}", Roles.Manager),
        ["wensen/{id:guid}/{step:regex(^(steun|aangenomen|afgewezen|ingetrokken)$)}"] = ($"/wensen/{_formation.Demand2d}/steun", Roles.Manager),
        ["wensen/{id:guid}/kamer"] = ($"/wensen/{_formation.Demand2d}/kamer", Roles.Manager),
        ["wensen/{id:guid}/aanpassen"] = ($"/wensen/{_formation.Demand2d}/aanpassen", Roles.Manager),
        ["wensen/{id:guid}/overname-intrekken"] = ($"/wensen/{_formation.Demand2d}/overname-intrekken", Roles.Manager),
        ["dekking"] = ("/dekking", Roles.Manager),
        ["audit"] = ("/audit", Roles.Manager),
        ["import/kamerleden"] = ("/import/kamerleden", Roles.Manager),
        ["beheer/export"] = ("/beheer/export", Roles.Manager),
        ["beheer/gebruikers"] = ("/beheer/gebruikers", Roles.Admin),
        ["beheer/gebruikers/{name}"] = ($"/beheer/gebruikers/{AppFixture.Officer}", Roles.Admin),
        ["beheer/webhooks"] = ("/beheer/webhooks", Roles.Admin),
        ["niet-gevonden"] = ("/niet-gevonden", Roles.Officer),
        ["zoeken"] = ("/zoeken?q=praktijkleren", Roles.Officer),
    };

    private static int Rank(string role) => role switch { Roles.Admin => 2, Roles.Manager => 1, _ => 0 };

    [Fact]
    public void the_list_covers_every_page()
    {
        var pages = Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => e.RoutePattern.RawText!.Trim('/'))
            .Where(p => p != "Index")
            .ToHashSet();
        Assert.Equal(Routes().Keys.Order(), pages.Order());
    }

    [Theory]
    [InlineData(Roles.Officer)]
    [InlineData(Roles.Manager)]
    [InlineData(Roles.Admin)]
    public async Task each_role_opens_exactly_the_pages_its_policy_allows(string role)
    {
        var authorization = await BearerFor($"page.{role}", role);
        foreach (var (url, least) in Routes().Values)
        {
            var allowed = Rank(role) >= Rank(least);
            var result = await Scenario(x =>
            {
                x.Get.Url(url);
                x.WithRequestHeader("Authorization", authorization);
                x.IgnoreStatusCode();
            });
            var expected = !allowed ? 403 : url == "/niet-gevonden" ? 404 : 200;
            Assert.True(expected == result.Context.Response.StatusCode, $"{role} {url}: {result.Context.Response.StatusCode}");
            Assert.StartsWith("text/html", result.Context.Response.ContentType);
            var html = await result.ReadAsTextAsync();
            if (!allowed)
            {
                Assert.Contains("<h1>Geen toegang</h1>", html);
                Assert.Contains("<html lang=\"nl\">", html);
            }
            // Officers are not shown links to pages they may not open.
            if (role == Roles.Officer && allowed)
            {
                Assert.DoesNotContain("href=\"/dekking", html);
                Assert.DoesNotContain("href=\"/audit", html);
            }
        }
    }

    [Fact]
    public async Task the_api_still_answers_a_bare_403()
    {
        var result = await Scenario(x =>
        {
            x.Get.Url("/api/audit");
            x.WithRequestHeader("Authorization", "");
            x.IgnoreStatusCode();
        });
        Assert.Equal(401, result.Context.Response.StatusCode);
        var officer = await BearerFor("page.officer", Roles.Officer);
        var forbidden = await Scenario(x => { x.Get.Url("/api/audit"); x.WithRequestHeader("Authorization", officer); x.StatusCodeShouldBe(403); });
        Assert.DoesNotContain("Geen toegang", await forbidden.ReadAsTextAsync());
    }
}
