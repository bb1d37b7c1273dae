using System.Net;
using System.Text.Json;
using Campaigns.Demands;
using Campaigns.Search;
using Campaigns.Tests.Infrastructure;
using Campaigns.Timelines;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.Tests.Demands;

/// <summary>
/// A manager fixes a demand's wording, on screen or through the API: only what changes is recorded, with the reason, and
/// the demand, its timeline and search read the corrected text.
/// </summary>
public class correcting_a_demand(AppFixture fixture) : FormationContext(fixture)
{
    [Fact]
    public async Task a_correction_records_only_what_changes_and_every_view_reads_it()
    {
        await Post($"/api/demands/{_formation.Demand2d}/corrections", new
        {
            text = "Verhoog de Subsidieregeling Praktijkleren naar drieduizend euro per student", target = "", code = "2d", reason = "Bedrag uit de ledenraadpleging"
        }, 204);

        var demand = await Get<Demand>($"/api/demands/{_formation.Demand2d}");
        Assert.Equal("Verhoog de Subsidieregeling Praktijkleren naar drieduizend euro per student", demand.Text);
        Assert.Null(demand.Target);
        Assert.Equal(("2d", "Brief aan de informateurs"), (demand.Code, demand.Source));
        await using (var session = Store.QuerySession())
        {
            var corrected = Assert.Single((await session.Events.FetchStreamAsync(_formation.Demand2d)).Select(e => e.Data).OfType<DemandCorrected>());
            Assert.Equal(new DemandChanges(Text: "Verhoog de Subsidieregeling Praktijkleren naar drieduizend euro per student", Target: ""), corrected.Changes);
            Assert.Equal("Bedrag uit de ledenraadpleging", corrected.Reason);
        }

        await Host.Services.GetRequiredService<TimelineProgress>().WaitForEverythingAsync(TimeSpan.FromSeconds(30));
        var timeline = await Get<TimelinePageBody>($"/api/timelines/demands/{_formation.Demand2d}?type=demand-corrected");
        Assert.Equal("Wens aangepast: Verhoog de Subsidieregeling Praktijkleren naar drieduizend euro per student: Bedrag uit de ledenraadpleging",
            Assert.Single(timeline.Items).Summary);
        var found = await Get<SearchResults>("/api/search?q=" + "drieduizend");
        Assert.Equal([_formation.Demand2d], found.Groups.Single(g => g.Kind == SearchKinds.Demand).Hits.Select(h => h.Id));
    }

    [Fact]
    public async Task a_correction_that_changes_nothing_or_blanks_the_text_is_refused_and_stores_nothing()
    {
        var before = await CountEvents();
        var same = await Post($"/api/demands/{_formation.Demand2d}/corrections", new { text = " Verhoog de Subsidieregeling Praktijkleren ", reason = "nog eens" }, 400);
        Assert.Equal("Noem minstens één veld dat verandert.", Error(await same.ReadAsTextAsync(), "changes"));
        var blank = await Post($"/api/demands/{_formation.Demand2d}/corrections", new { text = "  ", reason = "leeg" }, 400);
        Assert.Equal("Mag niet leeg zijn.", Error(await blank.ReadAsTextAsync(), "text"));
        await Post($"/api/demands/{_formation.Demand2d}/corrections", new { code = "2e" }, 400);
        await Post($"/api/demands/{Guid.NewGuid()}/corrections", new { code = "2e", reason = "bestaat niet" }, 404);
        // A stale If-Match is a conflict, as for the other steps on a demand.
        await Post($"/api/demands/{_formation.Demand2d}/corrections", new { code = "2e", reason = "oude versie" }, 409, ifMatch: "\"7\"");
        Assert.Equal(before, await CountEvents());
    }

    [Fact]
    public async Task a_manager_corrects_a_demand_on_its_page()
    {
        var page = WebUtility.HtmlDecode(await (await Scenario(x => x.Get.Url($"/wensen/{_formation.Demand2d}"))).ReadAsTextAsync());
        Assert.Contains($"<a href=\"/wensen/{_formation.Demand2d}/aanpassen\">Wens aanpassen</a>", page);
        var form = WebUtility.HtmlDecode(await (await Scenario(x => x.Get.Url($"/wensen/{_formation.Demand2d}/aanpassen"))).ReadAsTextAsync());
        Assert.Contains(">Verhoog de Subsidieregeling Praktijkleren</textarea>", form);

        var refused = await Host.PostFormAsync($"/wensen/{_formation.Demand2d}/aanpassen", null,
            ("Version", "1"), ("Code", "2d"), ("Text", "Verhoog de Subsidieregeling Praktijkleren"), ("Target", "Subsidie Praktijkleren minimaal EUR 2.700 per student"),
            ("Source", "Brief aan de informateurs"), ("Reason", ""));
        Assert.Contains("Waarom: Verplicht veld.", WebUtility.HtmlDecode(await refused.ReadAsTextAsync()));
        var unchanged = await Host.PostFormAsync($"/wensen/{_formation.Demand2d}/aanpassen", null,
            ("Version", "1"), ("Code", "2d"), ("Text", "Verhoog de Subsidieregeling Praktijkleren"), ("Target", "Subsidie Praktijkleren minimaal EUR 2.700 per student"),
            ("Source", "Brief aan de informateurs"), ("Reason", "Niets"));
        Assert.Contains("Noem minstens één veld dat verandert.", WebUtility.HtmlDecode(await unchanged.ReadAsTextAsync()));

        var saved = await Host.PostFormAsync($"/wensen/{_formation.Demand2d}/aanpassen", null,
            ("Version", "1"), ("Code", "2d"), ("Text", "Verhoog de Subsidieregeling Praktijkleren fors"), ("Target", "Subsidie Praktijkleren minimaal EUR 2.700 per student"),
            ("Source", "Brief aan de informateurs"), ("Reason", "Tikfout"));
        Assert.Equal(302, saved.Context.Response.StatusCode);
        Assert.Equal($"/wensen/{_formation.Demand2d}", saved.Context.Response.Headers.Location.ToString());
        await using var session = Store.QuerySession();
        var corrected = Assert.Single((await session.Events.FetchStreamAsync(_formation.Demand2d)).Select(e => e.Data).OfType<DemandCorrected>());
        Assert.Equal(new DemandChanges(Text: "Verhoog de Subsidieregeling Praktijkleren fors"), corrected.Changes);
    }

    private static string Error(string json, string field)
    {
        using var problem = JsonDocument.Parse(json);
        return problem.RootElement.GetProperty("errors").GetProperty(field)[0].GetString()!;
    }

    private sealed record TimelinePageBody(IReadOnlyList<TimelineEntry> Items);
}
