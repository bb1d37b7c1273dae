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
        var check = await ImplementationCheckAsync(_formation.Demand2d);

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

        // Adopted again the right way, on the same day: it gets an implementation check of its own.
        await Post($"/api/demands/{_formation.Demand2d}/adoption", new { venue = "CoalitionAgreement", occurredOn = "2025-12-04" }, 204);
        Assert.Equal(DemandStatus.Adopted, (await Get<Demand>($"/api/demands/{_formation.Demand2d}")).Status);
        Assert.NotEqual(check.Id, (await ImplementationCheckAsync(_formation.Demand2d)).Id);

        // The audit dates the retraction on the day it was recorded, not on the adoption's day.
        var audit = await Get<global::Campaigns.Audit.AuditPage>($"/api/audit?stream={_formation.Demand2d}");
        Assert.Equal(Today, Assert.Single(audit.Items, e => e.Type == "demand-adoption-retracted").HappenedOn);
    }

    [Fact]
    public async Task a_rejection_before_the_adoption_stands_again()
    {
        await Post($"/api/demands/{_formation.Demand2d}/rejection", new { occurredOn = "2025-12-01", note = "Niet in het akkoord" }, 204);
        await Post($"/api/demands/{_formation.Demand2d}/adoption", new { venue = "Budget", occurredOn = "2025-12-10" }, 204);
        await Post($"/api/demands/{_formation.Demand2d}/adoption/retraction", new { reason = "Ging over een andere wens" }, 204);

        var demand = await Get<Demand>($"/api/demands/{_formation.Demand2d}");
        Assert.Equal((DemandStatus.Rejected, new DateOnly(2025, 12, 1)), (demand.Status, demand.ClosedOn));
        await AssertSnapshotIsTheFoldAsync(_formation.Demand2d);
    }

    [Fact]
    public async Task retracting_twice_takes_back_the_two_latest_adoptions_in_turn()
    {
        await Create("/api/meetings", _formation.Meeting(_formation.VanZwol, heldOn: "2025-11-20"));
        await Post($"/api/demands/{_formation.Demand2d}/adoption", new { venue = "Budget", partial = true, occurredOn = "2025-12-04" }, 204);
        var first = await ImplementationCheckAsync(_formation.Demand2d);
        await Post($"/api/demands/{_formation.Demand2d}/adoption", new { venue = "Law", partial = true, occurredOn = "2025-12-11" }, 204);

        await Post($"/api/demands/{_formation.Demand2d}/adoption/retraction", new { reason = "Wet nog niet aangenomen" }, 204);
        var demand = await Get<Demand>($"/api/demands/{_formation.Demand2d}");
        Assert.Equal((DemandStatus.Adopted, AdoptionVenue.Budget), (demand.Status, Assert.Single(demand.Adoptions).Venue));
        Assert.True((await Get<FollowUp>($"/api/follow-ups/{first.Id}")).IsOpen);

        await Post($"/api/demands/{_formation.Demand2d}/adoption/retraction", new { reason = "Begroting ook niet" }, 204);
        demand = await Get<Demand>($"/api/demands/{_formation.Demand2d}");
        Assert.Equal((DemandStatus.Raised, 0), (demand.Status, demand.Adoptions.Count));
        Assert.Equal(FollowUpStatus.Cancelled, (await Get<FollowUp>($"/api/follow-ups/{first.Id}")).Status);
        await Post($"/api/demands/{_formation.Demand2d}/adoption/retraction", new { reason = "Nog eens" }, 409);

        await Host.Services.GetRequiredService<TimelineProgress>().WaitForEverythingAsync(TimeSpan.FromSeconds(30));
        var entries = (await Get<TimelinePage>($"/api/timelines/demands/{_formation.Demand2d}?type=demand-adopted&includeRetracted=true")).Items;
        Assert.Equal([("Begroting ook niet", true), ("Wet nog niet aangenomen", true)],
            entries.Select(e => (e.RetractionReason!, e.Retracted)).OrderBy(e => e.Item1));
        await AssertSnapshotIsTheFoldAsync(_formation.Demand2d);
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

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, global::Campaigns.Web.Dutch.Amsterdam).DateTime);

    private async Task<FollowUp> ImplementationCheckAsync(Guid demandId) =>
        Assert.Single(await Get<List<FollowUp>>("/api/follow-ups?status=open"), f => f.Kind == FollowUpKind.ImplementationCheck && f.DemandId == demandId);

    /// <summary>The snapshot Marten keeps equals the demand folded from its events by DemandStreams.Fold, which the retraction relies on.</summary>
    private async Task AssertSnapshotIsTheFoldAsync(Guid demandId)
    {
        await using var session = Store.QuerySession();
        var folded = DemandStreams.Fold(await session.Events.FetchStreamAsync(demandId));
        var stored = await session.LoadAsync<Demand>(demandId);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(stored), System.Text.Json.JsonSerializer.Serialize(folded));
    }
}
