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

    [AggregateHandler]
    public static (Events, OutgoingMessages) Handle(RemindFollowUp message, FollowUp? followUp, IDocumentSession session, IOptions<FollowUpPolicyOptions> options)
    {
        session.LastModifiedBy = Actor;
        var events = new Events();
        var messages = new OutgoingMessages();
        if (followUp is not { IsOpen: true } || followUp.DueOn != message.DueOn || followUp.DueFiredFor == message.DueOn) return (events, messages);

        events.Add(new FollowUpDue(followUp.Id, followUp.DueOn, followUp.Assignee));
        messages.Schedule(new FlagOverdueFollowUp(followUp.Id, followUp.DueOn),
            options.Value.ReminderAt(WorkingDays.Add(followUp.DueOn, 1)));
        messages.Add(new NotifyAssignee(followUp.Id, followUp.Assignee, followUp.Description, followUp.DueOn, Overdue: false));
        return (events, messages);
    }

    [AggregateHandler]
    public static (Events, OutgoingMessages) Handle(FlagOverdueFollowUp message, FollowUp? followUp, IDocumentSession session)
    {
        session.LastModifiedBy = Actor;
        var events = new Events();
        var messages = new OutgoingMessages();
        if (followUp is not { IsOpen: true } || followUp.DueOn != message.DueOn || followUp.OverdueFiredFor == message.DueOn) return (events, messages);

        events.Add(new FollowUpOverdue(followUp.Id, followUp.DueOn, followUp.Assignee));
        messages.Add(new NotifyAssignee(followUp.Id, followUp.Assignee, followUp.Description, followUp.DueOn, Overdue: true));
        return (events, messages);
    }

    public static async Task<OutgoingMessages> Handle(
        CheckDemandActivity message, IDocumentSession session, IOptions<FollowUpPolicyOptions> options, CancellationToken ct)
    {
        session.LastModifiedBy = Actor;
        var demand = await session.LoadAsync<Demand>(message.DemandId, ct);
        if (demand is null) return [];
        var scheduled = FollowUpPolicies.UntouchedDemand(demand, message.LastMention, message.RaisedBy, message.RaisedOn, options.Value);
        if (scheduled is null || await session.Events.FetchStreamStateAsync(scheduled.FollowUpId, ct) is not null) return [];
        return FollowUpScheduling.Start(scheduled, session, options.Value);
    }
}
