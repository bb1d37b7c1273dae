using Campaigns.Accounts;
using Campaigns.Audit;
using Campaigns.FollowUps;
using Campaigns.Tests.Infrastructure;
using Campaigns.Timelines;
using Ical.Net;
using Marten;
using Wolverine.Tracking;

namespace Campaigns.Tests.FollowUps;

public class reminders_fire_once(AppFixture fixture) : FormationContext(fixture)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    private static string InDays(int days) => Today.AddDays(days).ToString("O");

    [Fact]
    public async Task a_meeting_produces_a_thank_you_follow_up_due_three_working_days_later_with_its_reminder_scheduled()
    {
        var monday = Today.AddDays(((int)DayOfWeek.Monday - (int)Today.DayOfWeek + 7) % 7 - 7); // last week's Monday: in the past
        var (tracked, _) = await TrackedHttpCall(x =>
        {
            x.Post.Json(_formation.Meeting(_formation.VanZwol, heldOn: monday.ToString("O"))).ToUrl("/api/meetings");
            x.StatusCodeShouldBe(201);
        });

        var followUp = Assert.Single(await Get<List<FollowUp>>($"/api/follow-ups?assignee={AppFixture.Officer}&status=open"));
        Assert.Equal((FollowUpKind.ThankYou, WorkingDays.Add(monday, 3)), (followUp.Kind, followUp.DueOn));
        Assert.Contains(new RemindFollowUp(followUp.Id, followUp.DueOn), tracked.Sent.MessagesOf<RemindFollowUp>().Concat(tracked.Scheduled.MessagesOf<RemindFollowUp>()));
    }

    [Fact]
    public async Task a_follow_up_due_in_the_future_waits_for_its_day_and_one_already_due_fires_at_once()
    {
        var (future, _) = await TrackedHttpCall(x => { x.Post.Json(new { description = "Verslag sturen", dueOn = InDays(10) }).ToUrl("/api/follow-ups"); x.StatusCodeShouldBe(201); });
        var reminder = Assert.Single(future.Scheduled.MessagesOf<RemindFollowUp>());
        Assert.Equal(Today.AddDays(10), reminder.DueOn);
        Assert.Equal(0, await CountEvents<FollowUpDue>());

        // A reminder whose moment has passed is sent at once, not stored as scheduled for Wolverine's polling to find:
        // it has fired by the time the command's cascade is done.
        var (lateCall, _) = await TrackedHttpCall(x => { x.Post.Json(new { description = "Al te laat", dueOn = InDays(-10) }).ToUrl("/api/follow-ups"); x.StatusCodeShouldBe(201); });
        Assert.Empty(lateCall.Scheduled.MessagesOf<RemindFollowUp>());
        var late = Assert.Single(lateCall.Executed.MessagesOf<RemindFollowUp>()).FollowUpId;
        Assert.Equal((1, 1), (await CountEvents<FollowUpDue>(), await CountEvents<FollowUpOverdue>()));

        // The audit names the user who scheduled the follow-up, and the system for what its reminders recorded.
        var audit = await Get<AuditPage>($"/api/audit?stream={late}");
        Assert.Equal(
            [("follow-up-scheduled", AppFixture.Officer), ("follow-up-due", FollowUpReminderHandler.Actor), ("follow-up-overdue", FollowUpReminderHandler.Actor)],
            audit.Items.Select(e => (e.Type, e.User)));
    }

    [Fact]
    public async Task a_reminder_for_a_follow_up_that_no_longer_exists_changes_nothing()
    {
        var before = await CountAllEvents();
        // Tracked: an exception in either handler would fail the call.
        await Host.InvokeMessageAndWaitAsync(new RemindFollowUp(Guid.NewGuid(), Today.AddDays(-3)));
        await Host.InvokeMessageAndWaitAsync(new FlagOverdueFollowUp(Guid.NewGuid(), Today.AddDays(-3)));
        Assert.Equal(before, await CountAllEvents());
    }

    [Fact]
    public async Task a_letter_chaser_is_cancelled_by_a_later_meeting_with_the_same_contact()
    {
        await Create("/api/letters", _formation.Letter(sentOn: "2025-11-10"));
        var chaser = Assert.Single(await Get<List<FollowUp>>("/api/follow-ups?status=open"), f => f.Kind == FollowUpKind.Chaser);
        Assert.Equal(new DateOnly(2025, 11, 24), chaser.DueOn);

        var meeting = await Create("/api/meetings", _formation.Meeting(_formation.VanZwol, heldOn: "2025-11-20"));

        var settled = await Get<FollowUp>($"/api/follow-ups/{chaser.Id}");
        Assert.Equal(FollowUpStatus.Cancelled, settled.Status);
        Assert.Equal(meeting, settled.SettledByInteractionId);
    }

    [Fact]
    public async Task a_reminder_delivered_twice_fires_once_and_schedules_the_overdue_flag()
    {
        var (tracked, _) = await TrackedHttpCall(x => { x.Post.Json(new { description = "Reactie Van Zwol nabellen", dueOn = InDays(5) }).ToUrl("/api/follow-ups"); x.StatusCodeShouldBe(201); });
        var reminder = Assert.Single(tracked.Scheduled.MessagesOf<RemindFollowUp>());

        var first = await Host.InvokeMessageAndWaitAsync(reminder);
        await Host.InvokeMessageAndWaitAsync(reminder);

        Assert.Equal(1, await CountEvents<FollowUpDue>());
        var overdue = Assert.Single(first.Scheduled.MessagesOf<FlagOverdueFollowUp>());
        await Host.InvokeMessageAndWaitAsync(overdue);
        await Host.InvokeMessageAndWaitAsync(overdue);
        Assert.Equal(1, await CountEvents<FollowUpOverdue>());
    }

    [Fact]
    public async Task completing_or_rescheduling_stops_the_pending_reminder()
    {
        var (tracked, _) = await TrackedHttpCall(x => { x.Post.Json(new { description = "Verslag sturen", dueOn = InDays(5) }).ToUrl("/api/follow-ups"); x.StatusCodeShouldBe(201); });
        var reminder = Assert.Single(tracked.Scheduled.MessagesOf<RemindFollowUp>());
        var withoutReason = await Post($"/api/follow-ups/{reminder.FollowUpId}/reschedule", new { dueOn = InDays(7) }, 400);
        Assert.Contains("\"reason\":[\"Verplicht veld.\"]", await withoutReason.ReadAsTextAsync());

        var (rescheduled, _) = await TrackedHttpCall(x => { x.Post.Json(new { dueOn = InDays(7), reason = "Na het debat" }).ToUrl($"/api/follow-ups/{reminder.FollowUpId}/reschedule"); x.StatusCodeShouldBe(204); });
        await Host.InvokeMessageAndWaitAsync(reminder);
        Assert.Equal(0, await CountEvents<FollowUpDue>());

        await Post($"/api/follow-ups/{reminder.FollowUpId}/completion", new { note = "Verstuurd" }, 204);
        await Host.InvokeMessageAndWaitAsync(Assert.Single(rescheduled.Scheduled.MessagesOf<RemindFollowUp>()));
        Assert.Equal(0, await CountEvents<FollowUpDue>());
        Assert.Equal(FollowUpStatus.Done, (await Get<FollowUp>($"/api/follow-ups/{reminder.FollowUpId}")).Status);
        await Post($"/api/follow-ups/{reminder.FollowUpId}/cancellation", new { reason = "Te laat" }, 409);
    }

    [Fact]
    public async Task an_officer_settles_only_their_own_follow_ups()
    {
        var annas = await Create("/api/follow-ups", new { description = "Verslag sturen", dueOn = InDays(3) });
        var jansBearer = await BearerFor("jan.devries", Roles.Officer);

        await Scenario(x =>
        {
            x.Post.Json(new { note = "Gedaan" }).ToUrl($"/api/follow-ups/{annas}/completion");
            x.WithRequestHeader("Authorization", jansBearer);
            x.StatusCodeShouldBe(403);
        });

        Assert.Equal(0, await CountEvents<FollowUpCompleted>());
        var jans = await Create("/api/follow-ups", new { description = "Nabellen", dueOn = InDays(3) }, user: "jan.devries", role: Roles.Officer);
        await Scenario(x =>
        {
            x.Post.Json(new { note = "Gedaan" }).ToUrl($"/api/follow-ups/{jans}/completion");
            x.WithRequestHeader("Authorization", jansBearer);
            x.StatusCodeShouldBe(204);
        });
    }

    [Fact]
    public async Task an_adoption_schedules_an_implementation_check_after_90_days()
    {
        await Post($"/api/demands/{_formation.Demand2d}/adoption", new { venue = "budget", reference = "Voorjaarsnota 2026", partial = false, occurredOn = "2026-04-15" }, 204);

        var check = Assert.Single(await Get<List<FollowUp>>("/api/follow-ups?status=open"));
        Assert.Equal((FollowUpKind.ImplementationCheck, new DateOnly(2026, 7, 14), _formation.Demand2d), (check.Kind, check.DueOn, check.DemandId!.Value));
    }

    [Fact]
    public async Task a_demand_has_one_pending_untouched_check_which_a_later_mention_moves_on()
    {
        // The first mention schedules the demand's check; a mention while it waits schedules none.
        var (first, _) = await TrackedHttpCall(x => { x.Post.Json(_formation.Meeting(_formation.VanZwol, heldOn: InDays(-2))).ToUrl("/api/meetings"); x.StatusCodeShouldBe(201); });
        var check = Assert.Single(first.Scheduled.MessagesOf<CheckDemandActivity>());
        Assert.Equal(new CheckDemandActivity(_formation.Demand2d, Today.AddDays(-2)), check);
        var (second, answer) = await TrackedHttpCall(x => { x.Post.Json(new { campaignId = _formation.CampaignId, contactIds = new[] { _formation.Kamerlid }, demandIds = new[] { _formation.Demand2d }, subject = "Praktijkleren", calledOn = InDays(-1) }).ToUrl("/api/calls"); x.StatusCodeShouldBe(201); });
        Assert.Empty(second.Scheduled.MessagesOf<CheckDemandActivity>());
        var call = Read<CreatedBody>(await answer.ReadAsTextAsync()).Id;

        // When it fires, the later mention moves it to that mention's waiting period instead of flagging the demand.
        var fired = await Host.InvokeMessageAndWaitAsync(check);
        var moved = Assert.Single(fired.Scheduled.MessagesOf<CheckDemandActivity>());
        Assert.Equal(new CheckDemandActivity(_formation.Demand2d, Today.AddDays(-1)), moved);
        Assert.DoesNotContain(await Get<List<FollowUp>>("/api/follow-ups"), f => f.Kind == FollowUpKind.StaleDemand);

        // Nothing mentioned it after that: the demand is flagged once, to the officer who logged the last mention.
        await Host.InvokeMessageAndWaitAsync(moved);
        await Host.InvokeMessageAndWaitAsync(moved);
        var stale = Assert.Single(await Get<List<FollowUp>>("/api/follow-ups"), f => f.Kind == FollowUpKind.StaleDemand);
        Assert.Equal((_formation.Demand2d, Today.AddDays(-1 + AppFixture.UntouchedDemandDays), call, AppFixture.Officer),
            (stale.DemandId!.Value, stale.DueOn, stale.OriginInteractionId!.Value, stale.Assignee));
    }

    [Fact]
    public async Task a_mention_logged_late_for_an_earlier_day_does_not_move_the_check_back()
    {
        var (recent, _) = await TrackedHttpCall(x => { x.Post.Json(_formation.Meeting(_formation.VanZwol, heldOn: InDays(-1), demands: [_formation.Demand3a])).ToUrl("/api/meetings"); x.StatusCodeShouldBe(201); });
        var check = Assert.Single(recent.Scheduled.MessagesOf<CheckDemandActivity>());
        await Create("/api/calls", new { campaignId = _formation.CampaignId, contactIds = new[] { _formation.Kamerlid }, demandIds = new[] { _formation.Demand3a }, subject = "Netcongestie", calledOn = InDays(-20) });

        var demand = await Get<global::Campaigns.Demands.Demand>($"/api/demands/{_formation.Demand3a}");
        Assert.Equal(Today.AddDays(-1), demand.LatestMention!.On);
        await Host.InvokeMessageAndWaitAsync(check);
        var stale = Assert.Single(await Get<List<FollowUp>>("/api/follow-ups"), f => f.Kind == FollowUpKind.StaleDemand);
        Assert.Equal(Today.AddDays(-1 + AppFixture.UntouchedDemandDays), stale.DueOn);
    }

    [Fact]
    public async Task the_calendar_feed_parses_back_with_the_open_follow_ups()
    {
        await Create("/api/follow-ups", new { description = "Verslag sturen aan Van Zwol", dueOn = "2025-12-01" });
        var done = await Create("/api/follow-ups", new { description = "Al gedaan", dueOn = "2025-12-02" });
        await Post($"/api/follow-ups/{done}/completion", new { }, 204);

        var result = await Scenario(x => x.Get.Url($"/api/follow-ups/calendar/{AppFixture.Officer}.ics"));
        Assert.StartsWith("text/calendar", result.Context.Response.ContentType);
        var calendar = Calendar.Load(await result.ReadAsTextAsync())!;

        var item = Assert.Single(calendar.Events);
        Assert.Equal("Verslag sturen aan Van Zwol", item.Summary);
        Assert.Equal(new DateOnly(2025, 12, 1), DateOnly.FromDateTime(item.DtStart!.Value));

        // A calendar app subscribes with the user's own calendar secret in the address (see calendar_feeds).
        var url = $"/api/follow-ups/calendar/{AppFixture.Officer}.ics";
        await Scenario(x => { x.Get.Url(url); x.Anonymous(); x.StatusCodeShouldBe(401); });
        var subscription = await Scenario(x => { x.Post.Json(new { }).ToUrl("/api/follow-ups/calendar/secret"); x.StatusCodeShouldBe(200); });
        var link = new Uri(Read<CalendarSubscription>(await subscription.ReadAsTextAsync()).Url);
        var subscribed = await Scenario(x => { x.Get.Url(link.PathAndQuery); x.Anonymous(); x.StatusCodeShouldBe(200); });
        Assert.Single(Calendar.Load(await subscribed.ReadAsTextAsync())!.Events);
    }

    [Fact]
    public async Task follow_ups_appear_on_the_contact_and_campaign_timelines()
    {
        await Create("/api/meetings", _formation.Meeting(_formation.VanZwol, heldOn: "2025-11-21"));

        var contact = await Get<TimelinePage>($"/api/timelines/contacts/{_formation.VanZwol}?type=follow-up-scheduled");
        var entry = Assert.Single(contact.Items);
        Assert.StartsWith($"Follow-up voor {AppFixture.Officer}: Bedankbrief", entry.Summary);
        Assert.Single((await Get<TimelinePage>($"/api/timelines/campaigns/{_formation.CampaignId}?type=follow-up-scheduled")).Items);
    }

    private async Task<int> CountEvents<T>() where T : notnull
    {
        await using var session = Store.QuerySession();
        return await session.Events.QueryRawEventDataOnly<T>().CountAsync();
    }
}
