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
            .Apply(new DemandRaised(Formulated.Id, Guid.NewGuid(), new DateOnly(2025, 11, 20), []))
            .Apply(new DemandRaised(Formulated.Id, Guid.NewGuid(), new DateOnly(2025, 11, 10), []));

        Assert.Equal(DemandStatus.Raised, demand.Status);
        Assert.Equal(new DateOnly(2025, 11, 10), demand.FirstRaisedOn);
        Assert.Equal(2, demand.TimesRaised);
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
