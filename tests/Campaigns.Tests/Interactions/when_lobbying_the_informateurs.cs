using System.Text.Json;
using Alba;
using Campaigns.Campaigns;
using Campaigns.Contacts;
using Campaigns.Demands;
using Campaigns.Interactions;
using Campaigns.Tests.Infrastructure;
using Marten;

namespace Campaigns.Tests.Interactions;

public class when_lobbying_the_informateurs(AppFixture fixture) : FormationContext(fixture)
{
    [Fact]
    public async Task a_letter_to_both_informateurs_is_recorded_and_raises_its_demands()
    {
        var letter = await Create("/api/letters", _formation.Letter());

        var interaction = await Get<Interaction>($"/api/interactions/{letter}");
        Assert.Equal(InteractionKind.Letter, interaction.Kind);
        Assert.Equal([_formation.Dijkgraaf, _formation.VanZwol], interaction.ContactIds);
        Assert.Equal([AppFixture.Officer], interaction.OurSide);

        var demand = await Get<Demand>($"/api/demands/{_formation.Demand2d}");
        Assert.Equal(DemandStatus.Raised, demand.Status);
        Assert.Equal(new DateOnly(2025, 11, 10), demand.FirstRaisedOn);
        Assert.Equal(letter, demand.LastRaisedByInteractionId);
        Assert.Equal(1, demand.TimesRaised);

        await using var session = Store.QuerySession();
        var sent = Assert.Single(await session.Events.FetchStreamAsync(letter));
        Assert.IsType<LetterSent>(sent.Data);
        Assert.Equal(AppFixture.Officer, sent.UserName);
    }

    [Theory]
    [InlineData("/api/meetings", "heldOn", InteractionKind.Meeting)]
    [InlineData("/api/calls", "calledOn", InteractionKind.Call)]
    [InlineData("/api/emails", "sentOn", InteractionKind.Email)]
    [InlineData("/api/hearings", "heldOn", InteractionKind.Hearing)]
    public async Task every_kind_of_contact_moment_is_logged(string url, string dateField, InteractionKind kind)
    {
        var body = new Dictionary<string, object?>
        {
            ["campaignId"] = _formation.CampaignId,
            ["contactIds"] = new[] { _formation.VanZwol },
            ["themes"] = new[] { "netcongestie" },
            ["demandIds"] = new[] { _formation.Demand3a },
            ["subject"] = "Netcongestie bij mkb-maakbedrijven",
            [dateField] = "2025-12-02",
            ["ourSide"] = new[] { "Jan de Vries", "Anna Officer" }
        };
        var id = await Create(url, body);

        var interaction = await Get<Interaction>($"/api/interactions/{id}");
        Assert.Equal(kind, interaction.Kind);
        Assert.Equal(new DateOnly(2025, 12, 2), interaction.HappenedOn);
        Assert.Equal(["Jan de Vries", "Anna Officer"], interaction.OurSide);
    }

    [Fact]
    public async Task a_correction_is_a_new_fact_and_the_interaction_reads_corrected()
    {
        var meeting = await Create("/api/meetings", _formation.Meeting(_formation.VanZwol));
        await Post($"/api/interactions/{meeting}/corrections", new { happenedOn = "2025-11-21", reason = "Datum verkeerd overgenomen" }, 204);

        var interaction = await Get<Interaction>($"/api/interactions/{meeting}");
        Assert.Equal(new DateOnly(2025, 11, 21), interaction.HappenedOn);
        Assert.Equal("Gesprek over praktijkleren", interaction.Subject);

        await using var session = Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(meeting);
        Assert.Equal([typeof(MeetingHeld), typeof(InteractionCorrected)], events.Select(e => e.Data.GetType()));
    }

    [Fact]
    public async Task a_retracted_letter_cannot_be_corrected_or_retracted_again()
    {
        var letter = await Create("/api/letters", _formation.Letter());
        await Post($"/api/interactions/{letter}/retraction", new { reason = "Dubbel ingevoerd" }, 204);

        Assert.True((await Get<Interaction>($"/api/interactions/{letter}")).Retracted);
        await Post($"/api/interactions/{letter}/retraction", new { reason = "Nog eens" }, 409);
        await Post($"/api/interactions/{letter}/corrections", new { subject = "Anders", reason = "x" }, 409);
    }

    [Fact]
    public async Task a_demand_goes_from_support_to_adoption_crediting_the_meeting_that_led_there()
    {
        var meeting = await Create("/api/meetings", _formation.Meeting(_formation.Kamerlid));
        await Post($"/api/demands/{_formation.Demand2d}/support",
            new { contactId = _formation.Kamerlid, stance = "supports", note = "Initiatiefnota industriebeleid", occurredOn = "2025-11-25" }, 204);
        await Post($"/api/demands/{_formation.Demand2d}/adoption", new
        {
            venue = "coalition-agreement", reference = "Coalitieakkoord 2026, p. 12", partial = false, occurredOn = "2026-01-15",
            creditedInteractionIds = new[] { meeting }, creditedContactIds = new[] { _formation.Kamerlid }
        }, 204);

        var demand = await Get<Demand>($"/api/demands/{_formation.Demand2d}");
        Assert.Equal(DemandStatus.Adopted, demand.Status);
        Assert.Equal(Stance.Supports, Assert.Single(demand.Support).Stance);
        var adoption = Assert.Single(demand.Adoptions);
        Assert.Equal(AdoptionVenue.CoalitionAgreement, adoption.Venue);
        Assert.Equal([meeting], adoption.CreditedInteractionIds);
    }

    [Fact]
    public async Task adopting_a_withdrawn_demand_is_refused_and_nothing_is_stored()
    {
        await Post($"/api/demands/{_formation.Demand3a}/withdrawal", new { occurredOn = "2025-12-01", note = "Opgelost via netbeheerders" }, 204);
        var before = await CountEvents();

        var result = await Post($"/api/demands/{_formation.Demand3a}/adoption", new { venue = "motion", partial = false, occurredOn = "2026-01-15" }, 409);

        Assert.Contains("ingetrokken", await result.ReadAsTextAsync());
        Assert.Equal(before, await CountEvents());
        await Post($"/api/demands/{_formation.Demand3a}/rejection", new { occurredOn = "2026-01-15" }, 409);
    }

    [Fact]
    public async Task a_rejection_is_recorded_with_its_date()
    {
        await Post($"/api/demands/{_formation.Demand3a}/rejection", new { occurredOn = "2026-01-15", note = "Niet in het akkoord" }, 204);
        var demand = await Get<Demand>($"/api/demands/{_formation.Demand3a}");
        Assert.Equal(DemandStatus.Rejected, demand.Status);
        Assert.Equal(new DateOnly(2026, 1, 15), demand.ClosedOn);
    }

    [Fact]
    public async Task a_campaign_lists_its_demands_and_can_be_closed_once()
    {
        var demands = await Get<List<Demand>>($"/api/campaigns/{_formation.CampaignId}/demands");
        Assert.Equal(["2d", "3a"], demands.Select(d => d.Code));

        await Post($"/api/campaigns/{_formation.CampaignId}/closure", new { closedOn = "2026-02-01" }, 204);
        var campaign = await Get<Campaign>($"/api/campaigns/{_formation.CampaignId}");
        Assert.Equal(CampaignStatus.Closed, campaign.Status);
        await Post($"/api/campaigns/{_formation.CampaignId}/closure", new { closedOn = "2026-02-02" }, 409);

        var all = await Get<List<Campaign>>("/api/campaigns");
        Assert.Equal("Kabinetsformatie: Gemaakt in Nederland!", Assert.Single(all).Name);
    }

    [Fact]
    public async Task fifty_concurrent_interactions_at_one_demand_all_land()
    {
        var before = await CountEvents();
        await ConcurrentTrackedCalls(Enumerable.Range(1, 50).Select(i => (Action<Alba.Scenario>)(x =>
        {
            x.Post.Json(new
            {
                campaignId = _formation.CampaignId, contactIds = new[] { _formation.VanZwol }, demandIds = new[] { _formation.Demand2d },
                subject = $"Belronde {i}", calledOn = "2025-12-03"
            }).ToUrl("/api/calls");
            x.StatusCodeShouldBe(201);
        })));

        await using var session = Store.QuerySession();
        var demandStream = await session.Events.FetchStreamAsync(_formation.Demand2d);
        Assert.Equal(50, demandStream.Count(e => e.Data is DemandRaised));
        Assert.Equal(before + 100, await CountEvents());
        Assert.Equal(50, (await Get<Demand>($"/api/demands/{_formation.Demand2d}")).TimesRaised);
    }

    [Fact]
    public async Task concurrent_interactions_naming_two_demands_in_either_order_neither_deadlock_nor_lose_a_mention()
    {
        // Half name the demands one way round, half the other: each demand records its mentions on its own queue.
        await ConcurrentTrackedCalls(Enumerable.Range(1, 30).Select(i => (Action<Alba.Scenario>)(x =>
        {
            x.Post.Json(new
            {
                campaignId = _formation.CampaignId, contactIds = new[] { _formation.VanZwol },
                demandIds = i % 2 == 0 ? new[] { _formation.Demand2d, _formation.Demand3a } : new[] { _formation.Demand3a, _formation.Demand2d },
                subject = $"Overleg {i}", heldOn = "2025-12-03"
            }).ToUrl("/api/meetings");
            x.StatusCodeShouldBe(201);
        })));

        await using var session = Store.QuerySession();
        foreach (var demandId in new[] { _formation.Demand2d, _formation.Demand3a })
        {
            var raised = (await session.Events.FetchStreamAsync(demandId)).Count(e => e.Data is DemandRaised);
            Assert.Equal(30, raised);
            Assert.Equal(raised, (await Get<Demand>($"/api/demands/{demandId}")).TimesRaised);
        }
    }

    [Fact]
    public async Task concurrent_changes_to_one_demand_without_if_match_are_all_kept()
    {
        var contacts = new[] { _formation.Dijkgraaf, _formation.VanZwol, _formation.Kamerlid };
        // Untracked: recording support cascades nothing, and a message tracker can miss the end of an inline retry.
        await Task.WhenAll(contacts.Select(c => Scenario(x =>
        {
            x.Post.Json(new { contactId = c, stance = "neutral", occurredOn = "2025-12-01" }).ToUrl($"/api/demands/{_formation.Demand2d}/support");
            x.StatusCodeShouldBe(204);
        })));

        Assert.Equal(3, (await Get<Demand>($"/api/demands/{_formation.Demand2d}")).Support.Count);
    }

    [Fact]
    public async Task a_stale_if_match_gets_409_and_a_current_one_succeeds()
    {
        var read = await Scenario(x => x.Get.Url($"/api/demands/{_formation.Demand2d}"));
        var etag = read.Context.Response.Headers.ETag.ToString();
        Assert.Equal("\"1\"", etag);

        await Post($"/api/demands/{_formation.Demand2d}/support", new { contactId = _formation.VanZwol, stance = "supports", occurredOn = "2025-12-01" }, 204, ifMatch: etag);
        var before = await CountEvents();
        await Post($"/api/demands/{_formation.Demand2d}/support", new { contactId = _formation.Dijkgraaf, stance = "opposes", occurredOn = "2025-12-01" }, 409, ifMatch: etag);
        Assert.Equal(before, await CountEvents());
    }

    [Fact]
    public async Task a_repeated_idempotency_key_returns_the_first_answer_and_stores_nothing_more()
    {
        // Tracked: the letter's mentions on its demands are appended by cascaded messages, which must be done before counting.
        async Task<IScenarioResult> PostOnce() => (await TrackedHttpCall(x =>
        {
            x.Post.Json(_formation.Letter()).ToUrl("/api/letters");
            x.WithRequestHeader("Idempotency-Key", "letter-2025-11-10");
            x.StatusCodeShouldBe(201);
        })).Result;

        var first = await PostOnce();
        var before = await CountEvents();
        var second = await PostOnce();

        Assert.Equal(await first.ReadAsTextAsync(), await second.ReadAsTextAsync());
        Assert.Equal("true", second.Context.Response.Headers["Idempotent-Replay"].ToString());
        Assert.Equal(before, await CountEvents());
    }

    [Fact]
    public async Task contacts_are_found_by_name_and_kind_and_answer_what_they_were_on_a_date()
    {
        await Post($"/api/contacts/{_formation.Kamerlid}/roles", new { kind = "minister", organisation = "Ministerie van Economische Zaken", effectiveOn = "2026-02-23" }, 204);

        var informateurs = await Get<List<JsonElement>>("/api/contacts?kind=informateur");
        Assert.Equal(["Dijkgraaf", "Van Zwol"], informateurs.Select(c => c.GetProperty("name").GetString()));
        var found = await Get<List<JsonElement>>("/api/contacts?search=zwol");
        Assert.Equal("Van Zwol", Assert.Single(found).GetProperty("name").GetString());

        var then = await Get<ContactView>($"/api/contacts/{_formation.Kamerlid}?on=2025-06-01");
        Assert.Equal(ContactKind.Minister, then.Kind);
        Assert.Equal(ContactKind.Kamerlid, then.RoleOn!.Kind);
        Assert.Equal("CDA", then.RoleOn.Organisation);
        Assert.Equal(2, then.Roles.Count);
    }

    [Fact]
    public async Task unknown_ids_in_the_path_answer_404()
    {
        var unknown = Guid.NewGuid();
        await Scenario(x => { x.Get.Url($"/api/demands/{unknown}"); x.StatusCodeShouldBe(404); });
        await Scenario(x => { x.Get.Url($"/api/interactions/{unknown}"); x.StatusCodeShouldBe(404); });
        await Scenario(x => { x.Get.Url($"/api/contacts/{unknown}"); x.StatusCodeShouldBe(404); });
        await Post($"/api/demands/{unknown}/withdrawal", new { occurredOn = "2025-12-01" }, 404);
        await Post($"/api/campaigns/{unknown}/demands", new { theme = "vakmensen", text = "x" }, 404);
        await Post($"/api/interactions/{unknown}/retraction", new { reason = "x" }, 404);
    }
}
