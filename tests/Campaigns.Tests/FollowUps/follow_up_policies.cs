using Campaigns.Contacts;
using Campaigns.FollowUps;
using Campaigns.Interactions;

namespace Campaigns.Tests.FollowUps;

public class follow_up_policies
{
    private static readonly FollowUpPolicyOptions Options = new();
    private static readonly Guid Campaign = Guid.NewGuid();
    private static readonly Contact VanZwol = Contact.Create(new ContactRegistered(Guid.NewGuid(), "Van Zwol", ContactKind.Informateur, "Kabinetsformatie", new DateOnly(2025, 11, 1), null, null, null));
    private static readonly Contact Official = Contact.Create(new ContactRegistered(Guid.NewGuid(), "Beleidsmedewerker", ContactKind.Ambtenaar, "EZ", new DateOnly(2020, 1, 1), null, null, null));

    [Theory]
    [InlineData("2025-11-21", "2025-11-26")] // Friday: Monday, Tuesday, Wednesday
    [InlineData("2025-04-17", "2025-04-24")] // Thursday before Easter: Goede Vrijdag and Paasmaandag do not count
    [InlineData("2025-12-24", "2025-12-31")] // Kerst
    [InlineData("2026-04-24", "2026-04-30")] // Koningsdag 27 April
    public void three_working_days_skip_weekends_and_dutch_holidays(string from, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), WorkingDays.Add(DateOnly.Parse(from), 3));

    [Fact]
    public void a_meeting_calls_for_a_thank_you_letter_from_whoever_logged_it()
    {
        var held = Meeting(VanZwol.Id, new DateOnly(2025, 11, 21));

        var scheduled = Assert.Single(FollowUpPolicies.AfterInteraction(held, [VanZwol], "anna.officer", Options));

        Assert.Equal(FollowUpKind.ThankYou, scheduled.Kind);
        Assert.Equal(new DateOnly(2025, 11, 26), scheduled.DueOn);
        Assert.Equal("anna.officer", scheduled.Assignee);
        Assert.Equal(held.InteractionId, scheduled.OriginInteractionId);
        Assert.Equal(scheduled.FollowUpId, Assert.Single(FollowUpPolicies.AfterInteraction(held, [VanZwol], "anna.officer", Options)).FollowUpId);
    }

    [Fact]
    public void a_letter_to_an_informateur_is_chased_after_14_days_but_one_to_an_official_is_not()
    {
        var toInformateur = Letter([VanZwol.Id, Official.Id], new DateOnly(2025, 11, 10));
        var chaser = Assert.Single(FollowUpPolicies.AfterInteraction(toInformateur, [VanZwol, Official], "anna", Options));
        Assert.Equal((FollowUpKind.Chaser, new DateOnly(2025, 11, 24)), (chaser.Kind, chaser.DueOn));
        Assert.Equal([VanZwol.Id], chaser.ContactIds);

        Assert.Empty(FollowUpPolicies.AfterInteraction(Letter([Official.Id], new DateOnly(2025, 11, 10)), [Official], "anna", Options));
        Assert.Empty(FollowUpPolicies.AfterInteraction(toInformateur, [VanZwol], "anna", new FollowUpPolicyOptions { ChaseUnansweredLetters = false }));
    }

    [Fact]
    public void a_later_contact_on_the_same_campaign_settles_the_chaser_but_an_earlier_or_unrelated_one_does_not()
    {
        var letter = Letter([VanZwol.Id], new DateOnly(2025, 11, 10));
        var chaser = FollowUp.Create(FollowUpPolicies.AfterInteraction(letter, [VanZwol], "anna", Options)[0]);

        Assert.Single(FollowUpPolicies.SettledBy(Meeting(VanZwol.Id, new DateOnly(2025, 11, 20)), [chaser]));
        Assert.Empty(FollowUpPolicies.SettledBy(Meeting(VanZwol.Id, new DateOnly(2025, 11, 5)), [chaser]));
        Assert.Empty(FollowUpPolicies.SettledBy(Meeting(Official.Id, new DateOnly(2025, 11, 20)), [chaser]));
        Assert.Empty(FollowUpPolicies.SettledBy(Meeting(VanZwol.Id, new DateOnly(2025, 11, 20)) with { CampaignId = Guid.NewGuid() }, [chaser]));
    }

    [Fact]
    public void the_in_app_list_groups_overdue_today_this_week_and_later()
    {
        var today = new DateOnly(2025, 11, 26); // a Wednesday
        FollowUp Due(int days) => FollowUp.Create(new FollowUpScheduled(Guid.NewGuid(), FollowUpKind.Manual, $"{days}", today.AddDays(days), "anna", null, [], [], null, null, null));

        var mine = FollowUpQueries.Group("anna", [Due(-2), Due(0), Due(4), Due(5)], today);

        Assert.Equal(["-2"], mine.Overdue.Select(f => f.Description));
        Assert.Equal(["0"], mine.DueToday.Select(f => f.Description));
        Assert.Equal(["4"], mine.ThisWeek.Select(f => f.Description));
        Assert.Equal(["5"], mine.Later.Select(f => f.Description));
    }

    private static MeetingHeld Meeting(Guid contact, DateOnly on) => new()
    {
        InteractionId = Guid.NewGuid(), CampaignId = Campaign, ContactIds = [contact], Subject = "Gesprek over praktijkleren", HappenedOn = on, OurSide = ["anna"]
    };

    private static LetterSent Letter(IReadOnlyList<Guid> contacts, DateOnly on) => new()
    {
        InteractionId = Guid.NewGuid(), CampaignId = Campaign, ContactIds = contacts, Subject = "Wensen voor de formatie", HappenedOn = on, OurSide = ["anna"]
    };
}
