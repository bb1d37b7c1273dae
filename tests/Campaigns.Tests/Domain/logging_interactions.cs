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

        var (result, start, messages) = LogInteraction.Start<MeetingHeld>(command with { InteractionId = id },
            new Wolverine.Envelope { UserName = "anna.officer" });

        // One stream: the interaction's. The demand and the follow-up policies hear of it through messages.
        Assert.Equal(id, result.Id);
        Assert.Equal(id, start.StreamId);
        var held = Assert.IsType<MeetingHeld>(Assert.Single(start.Events));
        Assert.Equal("Gesprek over praktijkleren", held.Subject);
        Assert.Equal(["anna.officer"], held.OurSide);
        Assert.Equal(new DateOnly(2025, 11, 20), held.HappenedOn);
        Assert.Same(held, messages.OfType<MeetingHeld>().Single());
        var raised = Assert.Single(messages.OfType<RaiseDemand>());
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

        var (corrected, raised, withdrawn, _) = CorrectInteractionHandler.Decide(command, interaction);
        var after = interaction.Apply(corrected);

        Assert.Equal(new DateOnly(2025, 11, 9), after.HappenedOn);
        Assert.Equal("Brief", after.Subject);
        Assert.Equal("Verkeerde datum", Assert.Single(after.Corrections).Reason);
        Assert.Equal(other, Assert.Single(raised).DemandId);
        Assert.Empty(withdrawn);
    }
}
