using Campaigns.Contacts;
using Campaigns.Demands;
using Campaigns.Interactions;
using Microsoft.Extensions.Options;

namespace Campaigns.FollowUps;

/// <summary>Fired on the due day; a stale or duplicate one finds nothing to do.</summary>
public record RemindFollowUp(Guid FollowUpId, DateOnly DueOn);

/// <summary>Fired a working day after the due day.</summary>
public record FlagOverdueFollowUp(Guid FollowUpId, DateOnly DueOn);

/// <summary>Fired when a mention of a demand has had no successor for the waiting period.</summary>
public record CheckDemandActivity(Guid DemandId, Guid LastMention, DateOnly RaisedOn, string RaisedBy);

/// <summary>A follow-up a policy decided on. Its id derives from its cause, so a replayed decision opens it once.</summary>
public record OpenFollowUp(FollowUpScheduled Scheduled);

/// <summary>A later contact made an open chaser pointless.</summary>
public record SettleChaser(Guid FollowUpId, string Reason, Guid InteractionId);

public static class FollowUpScheduling
{
    /// <summary>Starts a follow-up's stream and returns its reminder, which Wolverine's outbox stores in the same transaction.</summary>
    public static OutgoingMessages Start(FollowUpScheduled scheduled, IDocumentSession session, FollowUpPolicyOptions options)
    {
        session.Events.StartStream<FollowUp>(scheduled.FollowUpId, scheduled);
        return Remind(scheduled.FollowUpId, scheduled.DueOn, options);
    }

    public static OutgoingMessages Remind(Guid followUpId, DateOnly dueOn, FollowUpPolicyOptions options)
    {
        var messages = new OutgoingMessages();
        messages.Schedule(new RemindFollowUp(followUpId, dueOn), options.ReminderAt(dueOn));
        return messages;
    }

    public static OutgoingMessages AfterAdoption(DemandAdopted adopted, Demand demand, string adoptedBy, FollowUpPolicyOptions options) =>
        FollowUpPolicies.AfterAdoption(adopted, demand, adoptedBy, options) is { } scheduled ? [new OpenFollowUp(scheduled)] : [];
}

public static class OpenFollowUpHandler
{
    public static async Task<OutgoingMessages> Handle(
        OpenFollowUp message, IDocumentSession session, IOptions<FollowUpPolicyOptions> options, CancellationToken ct) =>
        await session.Events.FetchStreamStateAsync(message.Scheduled.FollowUpId, ct) is not null
            ? []
            : FollowUpScheduling.Start(message.Scheduled, session, options.Value);
}

public static class SettleChaserHandler
{
    public static void Handle(SettleChaser message, [WriteAggregate] IEventStream<FollowUp> stream)
    {
        if (stream.Aggregate is { IsOpen: true })
            stream.AppendOne(new FollowUpCancelled(message.FollowUpId, message.Reason, message.InteractionId));
    }
}

/// <summary>
/// The follow-up policies react to a logged contact moment: the interaction's handler sends its event here through the
/// outbox. One handler a kind, because each kind is its own message type.
/// </summary>
public static class FollowUpsAfterInteractionHandler
{
    public static Task<OutgoingMessages> Handle(LetterSent e, Envelope envelope, IQuerySession session, IOptions<FollowUpPolicyOptions> options, CancellationToken ct) =>
        ReactAsync(e, envelope, session, options.Value, ct);

    public static Task<OutgoingMessages> Handle(MeetingHeld e, Envelope envelope, IQuerySession session, IOptions<FollowUpPolicyOptions> options, CancellationToken ct) =>
        ReactAsync(e, envelope, session, options.Value, ct);

    public static Task<OutgoingMessages> Handle(CallMade e, Envelope envelope, IQuerySession session, IOptions<FollowUpPolicyOptions> options, CancellationToken ct) =>
        ReactAsync(e, envelope, session, options.Value, ct);

    public static Task<OutgoingMessages> Handle(EmailSent e, Envelope envelope, IQuerySession session, IOptions<FollowUpPolicyOptions> options, CancellationToken ct) =>
        ReactAsync(e, envelope, session, options.Value, ct);

    public static Task<OutgoingMessages> Handle(HearingAttended e, Envelope envelope, IQuerySession session, IOptions<FollowUpPolicyOptions> options, CancellationToken ct) =>
        ReactAsync(e, envelope, session, options.Value, ct);

    /// <summary>Reads what the policies need in one round trip (the contacts only when a policy looks at them) and decides.</summary>
    private static async Task<OutgoingMessages> ReactAsync(
        InteractionRecorded recorded, Envelope envelope, IQuerySession session, FollowUpPolicyOptions options, CancellationToken ct)
    {
        var campaignId = recorded.CampaignId;
        var batch = session.CreateBatchQuery();
        var openChasersQuery = batch.Query<FollowUp>()
            .Where(f => f.CampaignId == campaignId && f.Kind == FollowUpKind.Chaser && f.Status == FollowUpStatus.Open)
            .ToList();
        var contactsQuery = FollowUpPolicies.ReadsContacts(recorded, options)
            ? batch.LoadMany<Contact>().ById(recorded.ContactIds.ToArray())
            : Task.FromResult<IReadOnlyList<Contact>>([]);
        await batch.Execute(ct);

        var loggedBy = envelope.UserName ?? FollowUpReminderHandler.Actor;
        var messages = new OutgoingMessages();
        foreach (var settled in FollowUpPolicies.SettledBy(recorded, await openChasersQuery))
            messages.Add(new SettleChaser(settled.FollowUpId, settled.Reason, recorded.InteractionId));
        foreach (var scheduled in FollowUpPolicies.AfterInteraction(recorded, await contactsQuery, loggedBy, options))
            messages.Add(new OpenFollowUp(scheduled));
        if (options.FlagUntouchedDemands)
            foreach (var demandId in recorded.DemandIds)
                messages.Schedule(new CheckDemandActivity(demandId, recorded.InteractionId, recorded.HappenedOn, loggedBy),
                    options.ReminderAt(recorded.HappenedOn.AddDays(options.UntouchedDemandDays)));
        return messages;
    }
}
