using Campaigns.Demands;
using Campaigns.Interactions;

namespace Campaigns.Tests.Domain;

public class logging_interactions
{
    private static readonly Guid Campaign = Guid.NewGuid(), VanZwol = Guid.NewGuid(), Demand2d = Guid.NewGuid();

    [Fact]
    public void a_meeting_is_held_and_raises_the_demands_it_concerns()
    {
        var command = new LogMeeting(Campaign, [VanZwol], ["vakmensen"], [Demand2d], " Gesprek over praktijkleren ", null,
            "Neemt het mee", new DateOnly(2025, 11, 20), "Den Haag", null);
        var id = Guid.NewGuid();

        var decision = LogInteraction.Decide<MeetingHeld>(command, id, "anna.officer");

        var held = Assert.IsType<MeetingHeld>(decision.Recorded);
        Assert.Equal("Gesprek over praktijkleren", held.Subject);
        Assert.Equal(["anna.officer"], held.OurSide);
        Assert.Equal(new DateOnly(2025, 11, 20), held.HappenedOn);
        var raised = Assert.Single(decision.Raised);
        Assert.Equal((Demand2d, id, new DateOnly(2025, 11, 20)), (raised.DemandId, raised.InteractionId, raised.RaisedOn));
        Assert.Equal([VanZwol], raised.ContactIds);
    }

    [Fact]
    public void a_correction_changes_only_the_named_fields_and_raises_added_demands()
    {
        var other = Guid.NewGuid();
        var interaction = Interaction.From(new LetterSent
        {
            InteractionId = Guid.NewGuid(), CampaignId = Campaign, ContactIds = [VanZwol], Themes = ["vakmensen"],
            DemandIds = [Demand2d], Subject = "Brief", HappenedOn = new DateOnly(2025, 11, 10), OurSide = ["anna"]
        });
        var command = new CorrectInteraction(null, null, null, null, null, new DateOnly(2025, 11, 9), null, null, [Demand2d, other], null, "Verkeerde datum");

        var (corrected, raised) = CorrectInteractionHandler.Decide(command, interaction);
        var after = interaction.Apply(corrected);

        Assert.Equal(new DateOnly(2025, 11, 9), after.HappenedOn);
        Assert.Equal("Brief", after.Subject);
        Assert.Equal("Verkeerde datum", Assert.Single(after.Corrections).Reason);
        Assert.Equal(other, Assert.Single(raised).DemandId);
    }
}
