using JasperFx.Events;
using Campaigns.Demands;

namespace Campaigns.Tests.Domain;

public class demand_lifecycle
{
    private static readonly Demand Formulated = Demand.Create(new DemandFormulated(
        Guid.NewGuid(), Guid.NewGuid(), "vakmensen", "Verhoog de Subsidieregeling Praktijkleren", "2d",
        "Minimaal EUR 2.700 per student", "Brief aan de informateurs", new DateOnly(2025, 11, 1)));

    [Fact]
    public void a_mention_raises_a_formulated_demand_and_remembers_the_first_date()
    {
        var demand = Formulated
            .Apply(Raised(new DateOnly(2025, 11, 20), "anna.officer"))
            .Apply(Raised(new DateOnly(2025, 11, 10), "jan.devries"));

        Assert.Equal(DemandStatus.Raised, demand.Status);
        Assert.Equal(new DateOnly(2025, 11, 10), demand.FirstRaisedOn);
        Assert.Equal(2, demand.TimesRaised);
        // The untouched check counts from the latest day, however late an earlier contact moment was logged.
        Assert.Equal((new DateOnly(2025, 11, 20), "anna.officer"), (demand.LatestMention!.On, demand.LatestMention.By));
    }

    private static Event<DemandRaised> Raised(DateOnly on, string by) =>
        new(new DemandRaised(Formulated.Id, Guid.NewGuid(), on, [])) { UserName = by };

    [Fact]
    public void a_mention_on_a_later_day_or_the_same_day_becomes_the_latest()
    {
        var first = Raised(new DateOnly(2025, 11, 10), "anna.officer");
        var sameDay = Raised(new DateOnly(2025, 11, 10), "jan.devries");
        var demand = Formulated.Apply(first).Apply(sameDay);
        Assert.Equal((sameDay.Data.InteractionId, "jan.devries"), (demand.LatestMention!.InteractionId, demand.LatestMention.By));
    }

    [Fact]
    public void a_withdrawn_demand_cannot_be_adopted()
    {
        var withdrawn = Formulated.Apply(new DemandWithdrawn(Formulated.Id, Formulated.CampaignId, "vakmensen", new DateOnly(2025, 12, 1), null));
        Assert.NotNull(DemandRules.CanAdopt(withdrawn));
        Assert.NotNull(DemandRules.CanRecordSupport(withdrawn));
        Assert.NotNull(DemandRules.CanWithdraw(withdrawn));
    }

    [Fact]
    public void a_partial_adoption_can_be_followed_by_a_full_one_but_not_the_other_way_round()
    {
        var partly = Formulated.Apply(Adopted(partial: true));
        Assert.Null(DemandRules.CanAdopt(partly));

        var fully = partly.Apply(Adopted(partial: false));
        Assert.True(fully.IsFullyAdopted);
        Assert.NotNull(DemandRules.CanAdopt(fully));
        Assert.NotNull(DemandRules.CanReject(fully));
        Assert.Equal(new DateOnly(2026, 1, 15), fully.ClosedOn);
    }

    [Fact]
    public void adopting_records_venue_reference_and_credits()
    {
        var interaction = Guid.NewGuid();
        var contact = Guid.NewGuid();
        var command = new AdoptDemand(AdoptionVenue.Motion, "36600-XIII-12", false, new DateOnly(2026, 1, 15), null, [interaction, interaction], [contact]);

        var adopted = AdoptDemandHandler.Decide(command, Formulated);

        Assert.Equal(AdoptionVenue.Motion, adopted.Venue);
        Assert.Equal("36600-XIII-12", adopted.Reference);
        Assert.Equal([interaction], adopted.CreditedInteractionIds);
        Assert.Equal([contact], adopted.CreditedContactIds);
    }

    private static DemandAdopted Adopted(bool partial) =>
        new(Formulated.Id, Formulated.CampaignId, "vakmensen", AdoptionVenue.CoalitionAgreement, "Coalitieakkoord 2026", partial, new DateOnly(2026, 1, 15), null, [], []);
}
