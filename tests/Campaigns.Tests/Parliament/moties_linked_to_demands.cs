using Campaigns.Accounts;
using Campaigns.Contacts;
using Campaigns.Demands;
using Campaigns.FollowUps;
using Campaigns.Imports;
using Campaigns.Parliament;
using Campaigns.Tests.Infrastructure;
using Campaigns.Timelines;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using static Campaigns.Tests.Parliament.ParliamentFixtures;

namespace Campaigns.Tests.Parliament;

/// <summary>
/// The "done when": the fixtures imported twice, then the second week's file in which motie 29023-612 passed and
/// the netcongestie debate moved; the motie is proposed on demand 3a, linked, and adopted in one step with its credits.
/// </summary>
public class moties_linked_to_demands(AppFixture fixture) : FormationContext(fixture)
{
    private Task<TkImportOutcome> Import(string path) =>
        Host.Services.GetRequiredService<TkImporter>().ImportAsync(TkDataSet.FromPath(path), "tk-import");

    private async Task<(Guid Eva, Guid Bram)> KamerledenAndScope()
    {
        await Import(Path.Combine(AppContext.BaseDirectory, "Imports", "Fixtures", "tk-2025"));
        var kamerleden = await Get<List<ContactView>>("/api/contacts?kind=kamerlid");
        await BearerFor("mark.manager", Roles.Manager);
        await Post("/api/themes/netcongestie/parliament",
            new { committees = new[] { "KGG" }, dossiers = new[] { "29023" }, keywords = new[] { "netaansluiting" }, owner = "mark.manager" }, 204);
        return (kamerleden.Single(c => c.TkPersoonId == Eva).Id, kamerleden.Single(c => c.TkPersoonId == Bram).Id);
    }

    private object MeetingWith(Guid contact, string heldOn, string subject) => new
    {
        campaignId = _formation.CampaignId, contactIds = new[] { contact }, themes = new[] { "netcongestie" }, demandIds = new[] { _formation.Demand3a },
        subject, summary = "Netcapaciteit voor het mkb", heldOn, location = "Den Haag"
    };

    [Fact]
    public async Task a_passed_motie_is_proposed_linked_and_adopts_the_demand_in_one_step_with_its_credits()
    {
        var (eva, bram) = await KamerledenAndScope();
        await Import(PathOf(November));
        // The vragen on the theme's keyword go on its timeline in the background: one event on the theme.
        Assert.Equal(1, await WaitForEvents<WrittenQuestionsNoted>(1, TimeSpan.FromSeconds(20)));
        var events = await CountEvents();
        Assert.Equal(0, (await Import(PathOf(November))).Result!.Parliament!.Events);
        Assert.Equal(events, await CountEvents());
        var before = await Create("/api/meetings", MeetingWith(eva, "2026-11-10", "Motie over netcapaciteit voorbereid"));
        var after = await Create("/api/meetings", MeetingWith(eva, "2026-11-27", "Na de stemming"));

        await Import(PathOf(December));

        var parliament = await Get<DemandParliament>($"/api/demands/{_formation.Demand3a}/parliament");
        Assert.Empty(parliament.Linked);
        var proposal = parliament.Proposed.First();
        Assert.Equal((MotieNetcapaciteit, "29023-612"), (proposal.Item.Id, proposal.Reference));
        Assert.Contains("dossier 29023", proposal.Reasons);
        Assert.Contains("tekst", proposal.Reasons);
        Assert.Contains(parliament.Proposed, p => p.Item.Id == VragenWachtlijst && p.Reasons.Contains("trefwoord netaansluiting"));
        Assert.DoesNotContain(parliament.Proposed, p => p.Item.Kind == ParliamentKinds.Activiteit);

        await Post($"/api/demands/{_formation.Demand3a}/parliament-links", new { tkId = MotieNetcapaciteit, action = "link" }, 204);
        await Post($"/api/demands/{_formation.Demand3a}/parliament-links", new { tkId = VragenWachtlijst, action = "dismiss" }, 204);
        await Post($"/api/demands/{_formation.Demand3a}/parliament-links", new { tkId = MotieNetcapaciteit, action = "link" }, 409);
        await Post($"/api/demands/{_formation.Demand3a}/parliament-links", new { tkId = DebatNetcongestie, action = "link" }, 400);
        await Post($"/api/demands/{_formation.Demand3a}/parliament-links", new { tkId = MotieNetcapaciteit, action = "maybe" }, 400);

        parliament = await Get<DemandParliament>($"/api/demands/{_formation.Demand3a}/parliament");
        Assert.DoesNotContain(parliament.Proposed, p => p.Item.Id == MotieNetcapaciteit || p.Item.Id == VragenWachtlijst);
        var linked = Assert.Single(parliament.Linked);
        Assert.Equal("aangenomen", linked.Outcome);
        Assert.Equal([("Indiener", "E. Mulder", (Guid?)eva), ("Medeindiener", "A. Jansen", bram)],
            linked.Indieners.Select(i => (i.Relatie, i.Naam!, i.ContactId)));
        Assert.Equal(["CDA Voor", "D66 Voor", "GroenLinks-PvdA Voor", "NSC Voor", "VVD Tegen"], linked.Votes.Select(v => $"{v.Fractie} {v.Soort}"));
        var offer = linked.Offer!;
        Assert.Equal(("Aangenomen via motie 29023-612", AdoptionVenue.Motion, "Motie 29023-612", new DateOnly(2026, 11, 25)),
            (offer.Label, offer.Venue, offer.Reference, offer.OccurredOn));
        Assert.Equal([eva, bram], offer.CreditedContactIds);
        Assert.Equal([before], offer.CreditedInteractionIds);
        Assert.DoesNotContain(after, offer.CreditedInteractionIds);

        // The vote matrix: fracties × the campaign's linked moties, beside our last contact with each fractie.
        var votes = await Get<CampaignVotes>($"/api/campaigns/{_formation.CampaignId}/votes");
        var column = Assert.Single(votes.Moties);
        Assert.Equal(("29023-612", "aangenomen"), (column.Reference, column.Outcome));
        Assert.Equal([_formation.Demand3a], column.DemandIds);
        Assert.Equal(["CDA Voor", "D66 Voor", "GroenLinks-PvdA Voor", "NSC Voor", "VVD Tegen"], votes.Fracties.Select(r => $"{r.Fractie} {r.Votes.Single()}"));
        var groenLinksPvda = votes.Fracties.Single(r => r.Fractie == "GroenLinks-PvdA");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam")).DateTime);
        Assert.Equal((new DateOnly(2026, 11, 27), today.DayNumber - new DateOnly(2026, 11, 27).DayNumber),
            (groenLinksPvda.LastContactOn!.Value, groenLinksPvda.DaysSinceContact!.Value));
        Assert.Null(votes.Fracties.Single(r => r.Fractie == "VVD").LastContactOn);
        await Scenario(x => { x.Get.Url($"/api/campaigns/{Guid.NewGuid()}/votes"); x.StatusCodeShouldBe(404); });

        // One step: the demand's own adoption command, with what the offer filled in.
        await Post($"/api/demands/{_formation.Demand3a}/adoption", new
        {
            venue = "motion", reference = offer.Reference, partial = false, occurredOn = offer.OccurredOn, note = offer.Note,
            creditedInteractionIds = offer.CreditedInteractionIds, creditedContactIds = offer.CreditedContactIds
        }, 204);
        await using var session = Store.QuerySession();
        var demand = (await session.LoadAsync<Demand>(_formation.Demand3a))!;
        var adoption = Assert.Single(demand.Adoptions);
        Assert.Equal((DemandStatus.Adopted, AdoptionVenue.Motion, "Motie 29023-612", new DateOnly(2026, 11, 25)),
            (demand.Status, adoption.Venue, adoption.Reference, adoption.OccurredOn));
        Assert.Equal([eva, bram], adoption.CreditedContactIds);
        Assert.Equal([MotieNetcapaciteit], demand.ParliamentLinks);
        Assert.Equal([VragenWachtlijst], demand.ParliamentDismissed);
        Assert.Null((await Get<DemandParliament>($"/api/demands/{_formation.Demand3a}/parliament")).Linked.Single().Offer);

        // The moved debate moved the theme's follow-up.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        FollowUp? followUp;
        do
        {
            await Task.Delay(100);
            followUp = await session.LoadAsync<FollowUp>(AgendaSubscription.IdFor(DebatNetcongestie, "netcongestie"));
        } while (followUp?.DueOn != new DateOnly(2027, 1, 27) && DateTime.UtcNow < deadline);
        Assert.Equal(new DateOnly(2027, 1, 27), followUp!.DueOn);
    }

    [Fact]
    public async Task a_verworpen_motie_is_shown_but_never_rejects_the_demand_and_offers_no_adoption()
    {
        await KamerledenAndScope();
        await Import(PathOf(November));

        await Post($"/api/demands/{_formation.Demand3a}/parliament-links", new { tkId = MotieRapportageplicht, action = "link" }, 204);

        var linked = Assert.Single((await Get<DemandParliament>($"/api/demands/{_formation.Demand3a}/parliament")).Linked);
        Assert.Equal(("verworpen", (AdoptionOffer?)null), (linked.Outcome, linked.Offer));
        await using var session = Store.QuerySession();
        Assert.NotEqual(DemandStatus.Rejected, (await session.LoadAsync<Demand>(_formation.Demand3a))!.Status);
        await Post($"/api/demands/{Guid.NewGuid()}/parliament-links", new { tkId = MotieRapportageplicht, action = "link" }, 404);
    }
}

public class toezeggingen_on_a_demand(AppFixture fixture) : FormationContext(fixture)
{
    [Fact]
    public async Task a_linked_toezegging_shows_on_the_demands_timeline_and_asks_to_check_it_was_kept_on_its_datum_nakoming()
    {
        await Host.Services.GetRequiredService<TkImporter>().ImportAsync(TkDataSet.FromPath(PathOf(November)), "tk-import");

        await TrackedHttpCall(x =>
        {
            x.Post.Json(new { tkId = Toezegging, action = "link" }).ToUrl($"/api/demands/{_formation.Demand3a}/parliament-links");
            x.StatusCodeShouldBe(204);
        });

        await using var session = Store.QuerySession();
        var check = await session.Query<FollowUp>().SingleAsync(f => f.DemandId == _formation.Demand3a && f.Kind == FollowUpKind.ImplementationCheck);
        Assert.Equal((new DateOnly(2027, 6, 30), AppFixture.Officer), (check.DueOn, check.Assignee));
        Assert.StartsWith("Nakoming van toezegging TZ202611-031 controleren", check.Description);
        await Host.Services.GetRequiredService<TimelineProgress>().WaitForEverythingAsync(TimeSpan.FromSeconds(30));
        var timeline = await Get<TimelinePage>($"/api/timelines/demands/{_formation.Demand3a}");
        var entry = Assert.Single(timeline.Items, e => e.EventType == "parliament-item-linked");
        Assert.StartsWith("Gekoppeld aan de Kamer: Toezegging TZ202611-031", entry.Summary);
        Assert.EndsWith("(nakoming uiterlijk 30 juni 2027)", entry.Summary);
    }
}
