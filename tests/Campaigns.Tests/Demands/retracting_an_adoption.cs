using System.Net;
using Campaigns.Demands;
using Campaigns.FollowUps;
using Campaigns.Tests.Infrastructure;
using Campaigns.Timelines;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.Tests.Demands;

/// <summary>
/// An adoption recorded by mistake is taken back, on screen or through the API: the demand reads as before it, its
/// implementation check is cancelled, and the timeline keeps the adoption as retracted with the reason.
/// </summary>
public class retracting_an_adoption(AppFixture fixture) : FormationContext(fixture)
{
    [Fact]
    public async Task the_demand_reads_as_before_and_the_timeline_keeps_the_adoption_as_retracted()
    {
        await Create("/api/meetings", _formation.Meeting(_formation.VanZwol, heldOn: "2025-11-20"));
        await Post($"/api/demands/{_formation.Demand2d}/adoption", new { venue = "Motion", reference = "Motie 36600-XIII-12", occurredOn = "2025-12-04" }, 204);
        var adopted = await Get<Demand>($"/api/demands/{_formation.Demand2d}");
        Assert.Equal((DemandStatus.Adopted, new DateOnly(2025, 12, 4)), (adopted.Status, adopted.ClosedOn));
        var check = await Get<FollowUp>($"/api/follow-ups/{FollowUpPolicies.ImplementationCheckId(new DemandAdopted(_formation.Demand2d, _formation.CampaignId, "vakmensen", AdoptionVenue.Motion, null, false, new DateOnly(2025, 12, 4), null, [], []))}");
        Assert.True(check.IsOpen);

        await Post($"/api/demands/{_formation.Demand2d}/adoption/retraction", new { reason = "Motie is verworpen, niet aangenomen" }, 204);

        var demand = await Get<Demand>($"/api/demands/{_formation.Demand2d}");
        Assert.Equal(DemandStatus.Raised, demand.Status);
        Assert.Empty(demand.Adoptions);
        Assert.Null(demand.ClosedOn);
        Assert.Equal(FollowUpStatus.Cancelled, (await Get<FollowUp>($"/api/follow-ups/{check.Id}")).Status);

        await Host.Services.GetRequiredService<TimelineProgress>().WaitForEverythingAsync(TimeSpan.FromSeconds(30));
        Assert.Empty((await Get<TimelinePage>($"/api/timelines/demands/{_formation.Demand2d}?type=demand-adopted")).Items);
        var trace = Assert.Single((await Get<TimelinePage>($"/api/timelines/demands/{_formation.Demand2d}?type=demand-adopted&includeRetracted=true")).Items);
        Assert.True(trace.Retracted);
        Assert.Equal("Motie is verworpen, niet aangenomen", trace.RetractionReason);

        // Adopted again, the right way this time.
        await Post($"/api/demands/{_formation.Demand2d}/adoption", new { venue = "CoalitionAgreement", occurredOn = "2026-01-15" }, 204);
        Assert.Equal(DemandStatus.Adopted, (await Get<Demand>($"/api/demands/{_formation.Demand2d}")).Status);
    }

    [Fact]
    public async Task only_a_standing_adoption_can_be_retracted_and_a_refusal_stores_nothing()
    {
        var before = await CountEvents();
        await Post($"/api/demands/{_formation.Demand3a}/adoption/retraction", new { reason = "Geen overname" }, 409);
        await Post($"/api/demands/{Guid.NewGuid()}/adoption/retraction", new { reason = "Bestaat niet" }, 404);
        Assert.Equal(before, await CountEvents());

        await Post($"/api/demands/{_formation.Demand3a}/adoption", new { venue = "Budget", partial = true, occurredOn = "2025-12-10" }, 204);
        await Post($"/api/demands/{_formation.Demand3a}/adoption/retraction", new { reason = "  " }, 400);
        await Post($"/api/demands/{_formation.Demand3a}/withdrawal", new { occurredOn = "2025-12-20", note = "Achterhaald" }, 204);
        var after = await CountEvents();
        var refused = await Post($"/api/demands/{_formation.Demand3a}/adoption/retraction", new { reason = "Te laat" }, 409);
        Assert.Contains("afgewezen of ingetrokken", await refused.ReadAsTextAsync());
        Assert.Equal(after, await CountEvents());
    }

    [Fact]
    public async Task a_manager_retracts_an_adoption_on_the_demand_page()
    {
        await Post($"/api/demands/{_formation.Demand2d}/adoption", new { venue = "Budget", occurredOn = "2025-12-04" }, 204);
        var page = WebUtility.HtmlDecode(await (await Scenario(x => x.Get.Url($"/wensen/{_formation.Demand2d}"))).ReadAsTextAsync());
        Assert.Contains($"<a href=\"/wensen/{_formation.Demand2d}/overname-intrekken\">Laatste overname intrekken</a>", page);

        var refused = await Host.PostFormAsync($"/wensen/{_formation.Demand2d}/overname-intrekken", null, ("Version", "2"), ("Reason", ""));
        Assert.Contains("Waarom: Verplicht veld.", WebUtility.HtmlDecode(await refused.ReadAsTextAsync()));

        var done = await Host.PostFormAsync($"/wensen/{_formation.Demand2d}/overname-intrekken", null, ("Version", "2"), ("Reason", "Verkeerde wens"));
        Assert.Equal(302, done.Context.Response.StatusCode);
        await using var session = Store.QuerySession();
        var retracted = Assert.Single((await session.Events.FetchStreamAsync(_formation.Demand2d)).Select(e => e.Data).OfType<DemandAdoptionRetracted>());
        Assert.Equal("Verkeerde wens", retracted.Reason);
        var after = WebUtility.HtmlDecode(await (await Scenario(x => x.Get.Url($"/wensen/{_formation.Demand2d}"))).ReadAsTextAsync());
        Assert.DoesNotContain("Laatste overname intrekken", after);
    }
}
