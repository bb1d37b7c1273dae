using Campaigns.Demands;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.Marten;

namespace Campaigns.FollowUps;

/// <summary>
/// Reminder handlers. Each checks the follow-up's state first, so a reminder for a completed, cancelled or rescheduled
/// follow-up, or one delivered twice, changes nothing; nor does one whose follow-up no longer exists (the event store
/// was reset, the message store was not). Two nodes racing on one reminder: the loser's append fails its
/// version check, is retried, and then finds the reminder already fired.
/// </summary>
public static class FollowUpReminderHandler
{
    /// <summary>
    /// Who the audit names for what a reminder records. Wolverine relays the scheduling request's user onto the
    /// message, but nobody acted when a reminder fires. The colon keeps it apart from every real user name.
    /// </summary>
    public const string Actor = "system:follow-ups";

    /// <summary>
    /// The due day's reminder. One that fires after the overdue moment has passed too (a follow-up planned late, or the
    /// app was down) records both facts at once and mails the assignee once, that it is overdue.
    /// </summary>
    [AggregateHandler]
    public static (Events, OutgoingMessages) Handle(RemindFollowUp message, FollowUp? followUp, IDocumentSession session,
        IOptions<FollowUpPolicyOptions> options, IOptions<SmtpOptions> smtp, TimeProvider clock)
    {
        session.LastModifiedBy = Actor;
        var events = new Events();
        var messages = new OutgoingMessages();
        if (followUp is not { IsOpen: true } || followUp.DueOn != message.DueOn || followUp.DueFiredFor == message.DueOn) return (events, messages);

        events.Add(new FollowUpDue(followUp.Id, followUp.DueOn, followUp.Assignee));
        var overdueAt = options.Value.ReminderAt(WorkingDays.Add(followUp.DueOn, 1));
        var overdue = overdueAt <= clock.GetUtcNow();
        if (overdue) events.Add(new FollowUpOverdue(followUp.Id, followUp.DueOn, followUp.Assignee));
        else messages.At(new FlagOverdueFollowUp(followUp.Id, followUp.DueOn), overdueAt);
        messages.AddRange(Notify(followUp, overdue, smtp.Value));
        return (events, messages);
    }

    [AggregateHandler]
    public static (Events, OutgoingMessages) Handle(FlagOverdueFollowUp message, FollowUp? followUp, IDocumentSession session,
        IOptions<SmtpOptions> smtp)
    {
        session.LastModifiedBy = Actor;
        var events = new Events();
        var messages = new OutgoingMessages();
        if (followUp is not { IsOpen: true } || followUp.DueOn != message.DueOn || followUp.OverdueFiredFor == message.DueOn) return (events, messages);

        events.Add(new FollowUpOverdue(followUp.Id, followUp.DueOn, followUp.Assignee));
        messages.AddRange(Notify(followUp, overdue: true, smtp.Value));
        return (events, messages);
    }

    /// <summary>The assignee's mail, only when mail is configured: without it a notification would be a message with nothing to do.</summary>
    private static IEnumerable<NotifyAssignee> Notify(FollowUp followUp, bool overdue, SmtpOptions smtp) =>
        string.IsNullOrWhiteSpace(smtp.Host) ? [] : [new NotifyAssignee(followUp.Id, followUp.Assignee, followUp.Description, followUp.DueOn, overdue)];

    public static async Task<OutgoingMessages> Handle(
        CheckDemandActivity message, IDocumentSession session, IOptions<FollowUpPolicyOptions> options, CancellationToken ct)
    {
        session.LastModifiedBy = Actor;
        if (await session.LoadAsync<Demand>(message.DemandId, ct) is not { } demand) return [];
        var (checkAgainFrom, flag) = FollowUpPolicies.UntouchedDemand(demand, message.RaisedOn, options.Value);
        if (checkAgainFrom is { } day) return FollowUpScheduling.CheckActivity(demand.Id, day, options.Value);
        if (flag is null || await session.Events.FetchStreamStateAsync(flag.FollowUpId, ct) is not null) return [];
        return FollowUpScheduling.Start(flag, session, options.Value);
    }
}
