using System.Net;
using Campaigns.Search;
using Campaigns.Tests.Infrastructure;
using Campaigns.Timelines;
using Microsoft.Extensions.DependencyInjection;
using CampaignSnapshot = Campaigns.Campaigns.Campaign;
using CampaignCorrected = Campaigns.Campaigns.CampaignCorrected;
using CampaignChanges = Campaigns.Campaigns.CampaignChanges;

namespace Campaigns.Tests.Campaigns;

/// <summary>
/// A manager fixes a campaign's name, goal, end or themes, on screen or through the API: only what changes is recorded,
/// with the reason, and the campaign, its timeline and search read the corrected campaign.
/// </summary>
public class correcting_a_campaign(AppFixture fixture) : FormationContext(fixture)
{
    [Fact]
    public async Task a_correction_records_only_what_changes_and_every_view_reads_it()
    {
        await Post($"/api/campaigns/{_formation.CampaignId}/corrections", new
        {
            name = "Kabinetsformatie 2025: Gemaakt in Nederland!", goal = "Wensen van de MKB-maakindustrie in het coalitieakkoord",
            endsOn = "2026-06-30", themes = new[] { "netcongestie", "vakmensen" }, reason = "Regeldruk loopt via een eigen campagne"
        }, 204);

        var campaign = await Get<CampaignSnapshot>($"/api/campaigns/{_formation.CampaignId}");
        Assert.Equal(("Kabinetsformatie 2025: Gemaakt in Nederland!", new DateOnly(2026, 6, 30)), (campaign.Name, campaign.EndsOn));
        Assert.Equal(["netcongestie", "vakmensen"], campaign.Themes);
        await using (var session = Store.QuerySession())
        {
            var corrected = Assert.Single((await session.Events.FetchStreamAsync(_formation.CampaignId)).Select(e => e.Data).OfType<CampaignCorrected>());
            Assert.Null(corrected.Changes.Goal); // sent unchanged
            Assert.Equal("Kabinetsformatie 2025: Gemaakt in Nederland!", corrected.Changes.Name);
        }

        await Host.Services.GetRequiredService<TimelineProgress>().WaitForEverythingAsync(TimeSpan.FromSeconds(30));
        var entry = Assert.Single((await Get<TimelinePage>($"/api/timelines/campaigns/{_formation.CampaignId}?type=campaign-corrected")).Items);
        Assert.Equal("Campagne aangepast: Kabinetsformatie 2025: Gemaakt in Nederland!: Regeldruk loopt via een eigen campagne", entry.Summary);
        var found = await Get<SearchResults>("/api/search?q=2025&type=campaign");
        Assert.Contains(_formation.CampaignId, found.Groups.SelectMany(g => g.Hits).Select(h => h.Id));
    }

    [Fact]
    public async Task a_correction_that_changes_nothing_or_names_an_unknown_theme_is_refused_and_stores_nothing()
    {
        var before = await CountEvents();
        await Post($"/api/campaigns/{_formation.CampaignId}/corrections", new { name = "Kabinetsformatie: Gemaakt in Nederland!", reason = "nog eens" }, 400);
        await Post($"/api/campaigns/{_formation.CampaignId}/corrections", new { themes = new[] { "bestaat-niet" }, reason = "nieuw thema" }, 400);
        await Post($"/api/campaigns/{_formation.CampaignId}/corrections", new { endsOn = "2020-01-01", reason = "te vroeg" }, 400);
        await Post($"/api/campaigns/{_formation.CampaignId}/corrections", new { name = "Nieuw" }, 400);
        await Post($"/api/campaigns/{Guid.NewGuid()}/corrections", new { name = "Nieuw", reason = "bestaat niet" }, 404);
        Assert.Equal(before, await CountEvents());
    }

    [Fact]
    public async Task a_manager_corrects_a_campaign_on_its_own_form()
    {
        var dashboard = WebUtility.HtmlDecode(await (await Scenario(x => x.Get.Url($"/campagnes/{_formation.CampaignId}"))).ReadAsTextAsync());
        Assert.Contains($"href=\"/campagnes/{_formation.CampaignId}/aanpassen\">Campagne aanpassen</a>", dashboard);
        var form = WebUtility.HtmlDecode(await (await Scenario(x => x.Get.Url($"/campagnes/{_formation.CampaignId}/aanpassen"))).ReadAsTextAsync());
        Assert.Contains("value=\"Kabinetsformatie: Gemaakt in Nederland!\"", form);

        var unchanged = await Host.PostFormAsync($"/campagnes/{_formation.CampaignId}/aanpassen", null,
            ("Version", "1"), ("Name", "Kabinetsformatie: Gemaakt in Nederland!"), ("Goal", "Wensen van de MKB-maakindustrie in het coalitieakkoord"),
            ("Themes[0]", "netcongestie"), ("Themes[1]", "vakmensen"), ("Themes[2]", "regeldruk"), ("Reason", "Niets"));
        Assert.Contains("Noem minstens één veld dat verandert.", WebUtility.HtmlDecode(await unchanged.ReadAsTextAsync()));

        var saved = await Host.PostFormAsync($"/campagnes/{_formation.CampaignId}/aanpassen", null,
            ("Version", "1"), ("Name", "Formatie 2025"), ("Goal", "Wensen van de MKB-maakindustrie in het coalitieakkoord"),
            ("Themes[0]", "netcongestie"), ("Themes[1]", "vakmensen"), ("Themes[2]", "regeldruk"), ("Reason", "Kortere naam"));
        Assert.Equal(302, saved.Context.Response.StatusCode);
        await using var session = Store.QuerySession();
        var corrected = Assert.Single((await session.Events.FetchStreamAsync(_formation.CampaignId)).Select(e => e.Data).OfType<CampaignCorrected>());
        Assert.Equal(new CampaignChanges(Name: "Formatie 2025"), corrected.Changes);
    }
}
