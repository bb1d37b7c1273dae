using System.Text.Json;
using Campaigns.Demands;
using Campaigns.Interactions;
using Campaigns.Tests.Infrastructure;

namespace Campaigns.Tests.Interactions;

/// <summary>
/// A contact moment retracted, or corrected without a demand, no longer counts as raising that demand: the scoreboard's
/// "ingebracht", the first and latest mention and the untouched-demand check read what is left.
/// </summary>
public class corrections_reach_the_demands(AppFixture fixture) : FormationContext(fixture)
{
    [Fact]
    public async Task a_retracted_or_corrected_contact_moment_no_longer_raises_its_demand()
    {
        var letter = await Create("/api/letters", _formation.Letter(demands: [_formation.Demand2d]));
        var meeting = await Create("/api/meetings", _formation.Meeting(_formation.VanZwol, heldOn: "2025-11-20"));
        var demand = await Get<Demand>($"/api/demands/{_formation.Demand2d}");
        Assert.Equal((2, new DateOnly(2025, 11, 20)), (demand.TimesRaised, demand.LatestMention!.On));

        await Post($"/api/interactions/{meeting}/corrections", new { demandIds = Array.Empty<Guid>(), reason = "Ging niet over 2d" }, 204);
        demand = await Get<Demand>($"/api/demands/{_formation.Demand2d}");
        Assert.Equal(DemandStatus.Raised, demand.Status);
        Assert.Equal(1, demand.TimesRaised);
        Assert.Equal(new DateOnly(2025, 11, 10), demand.FirstRaisedOn);
        Assert.Equal(letter, demand.LatestMention!.InteractionId);
        Assert.Equal(letter, demand.LastRaisedByInteractionId);

        await Post($"/api/interactions/{letter}/retraction", new { reason = "Dubbel ingevoerd" }, 204);
        demand = await Get<Demand>($"/api/demands/{_formation.Demand2d}");
        Assert.Equal(DemandStatus.Formulated, demand.Status);
        Assert.Equal(0, demand.TimesRaised);
        Assert.Null(demand.FirstRaisedOn);
        Assert.Null(demand.LatestMention);

        // Corrected back in, it is raised again, from that contact moment's day.
        await Post($"/api/interactions/{meeting}/corrections", new { demandIds = new[] { _formation.Demand2d }, reason = "Toch wel" }, 204);
        demand = await Get<Demand>($"/api/demands/{_formation.Demand2d}");
        Assert.Equal((DemandStatus.Raised, 1, new DateOnly(2025, 11, 20)), (demand.Status, demand.TimesRaised, demand.FirstRaisedOn));
        Assert.Equal(meeting, demand.LatestMention!.InteractionId);

        // What the timeline of the demand and a rebuild agree on: the events are on the demand's stream.
        var withdrawn = await EventsOf<DemandMentionWithdrawn>(_formation.Demand2d);
        Assert.Equal([meeting, letter], withdrawn.Select(w => w.InteractionId));
    }

    [Fact]
    public async Task a_contact_moment_moved_to_another_day_moves_its_mention_on_the_demand()
    {
        var letter = await Create("/api/letters", _formation.Letter(demands: [_formation.Demand2d], sentOn: "2025-11-10"));
        var meeting = await Create("/api/meetings", _formation.Meeting(_formation.VanZwol, heldOn: "2025-11-20"));

        // The letter went out later than the meeting: the meeting is now the first mention, the letter the latest.
        await Post($"/api/interactions/{letter}/corrections", new { happenedOn = "2025-11-25", reason = "Verkeerde datum" }, 204);
        var demand = await Get<Demand>($"/api/demands/{_formation.Demand2d}");
        Assert.Equal((2, new DateOnly(2025, 11, 20)), (demand.TimesRaised, demand.FirstRaisedOn));
        Assert.Equal((letter, new DateOnly(2025, 11, 25)), (demand.LatestMention!.InteractionId, demand.LatestMention.On));

        // Earlier than both after all.
        await Post($"/api/interactions/{letter}/corrections", new { happenedOn = "2025-11-05", reason = "Toch eerder" }, 204);
        demand = await Get<Demand>($"/api/demands/{_formation.Demand2d}");
        Assert.Equal(new DateOnly(2025, 11, 5), demand.FirstRaisedOn);
        Assert.Equal((meeting, new DateOnly(2025, 11, 20)), (demand.LatestMention!.InteractionId, demand.LatestMention.On));

        // A withdrawal afterwards counts from the moved day, not the logged one.
        await Post($"/api/interactions/{meeting}/retraction", new { reason = "Dubbel ingevoerd" }, 204);
        demand = await Get<Demand>($"/api/demands/{_formation.Demand2d}");
        Assert.Equal((1, new DateOnly(2025, 11, 5)), (demand.TimesRaised, demand.FirstRaisedOn));
        Assert.Equal((letter, new DateOnly(2025, 11, 5)), (demand.LatestMention!.InteractionId, demand.LatestMention.On));

        Assert.Equal([new DateOnly(2025, 11, 25), new DateOnly(2025, 11, 5)],
            (await EventsOf<DemandMentionRedated>(_formation.Demand2d)).Select(r => r.RaisedOn));
        // A correction that keeps the day moves nothing.
        await Post($"/api/interactions/{letter}/corrections", new { subject = "Andere titel", reason = "Titel" }, 204);
        Assert.Equal(2, (await EventsOf<DemandMentionRedated>(_formation.Demand2d)).Count);
    }

    [Fact]
    public async Task a_correction_that_repeats_the_current_values_is_refused_and_stores_nothing()
    {
        var meeting = await Create("/api/meetings", _formation.Meeting(_formation.VanZwol));
        var before = await CountEvents();

        var refused = await Post($"/api/interactions/{meeting}/corrections",
            new { subject = "Gesprek over praktijkleren ", contactIds = new[] { _formation.VanZwol }, reason = "nog eens" }, 400);
        using (var problem = JsonDocument.Parse(await refused.ReadAsTextAsync()))
            Assert.Equal("Noem minstens één veld dat verandert.", problem.RootElement.GetProperty("errors").GetProperty("changes")[0].GetString());
        Assert.Equal(before, await CountEvents());

        // Sent along with a real change, an unchanged field is left out of the correction.
        await Post($"/api/interactions/{meeting}/corrections", new { subject = "Gesprek over praktijkleren", outcome = "Komt erop terug", reason = "Uitkomst aangevuld" }, 204);
        var corrected = Assert.Single(await EventsOf<InteractionCorrected>(meeting));
        Assert.Equal(new InteractionChanges(Outcome: "Komt erop terug"), corrected.Changes);
    }

    private async Task<IReadOnlyList<T>> EventsOf<T>(Guid stream)
    {
        await using var session = Store.QuerySession();
        return (await session.Events.FetchStreamAsync(stream)).Select(e => e.Data).OfType<T>().ToList();
    }
}
