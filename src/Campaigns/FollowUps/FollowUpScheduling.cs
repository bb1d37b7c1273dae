using Campaigns.Contacts;
using Campaigns.Demands;
using Campaigns.Interactions;
using System.Linq.Expressions;
using Microsoft.Extensions.Options;

namespace Campaigns.FollowUps;

/// <summary>Fired on the due day; a stale or duplicate one finds nothing to do.</summary>
public record RemindFollowUp(Guid FollowUpId, DateOnly DueOn);

/// <summary>Fired a working day after the due day.</summary>
public record FlagOverdueFollowUp(Guid FollowUpId, DateOnly DueOn);

/// <summary>Fired when the waiting period after a demand's mention on <paramref name="RaisedOn"/> has passed; one per demand is pending.</summary>
public record CheckDemandActivity(Guid DemandId, DateOnly RaisedOn);

/// <summary>A follow-up a policy decided on. Its id derives from its cause, so a replayed decision opens it once.</summary>
public record OpenFollowUp(FollowUpScheduled Scheduled);

/// <summary>An open follow-up that something made pointless: a later contact (the interaction named), or a retraction.</summary>
public record SettleFollowUp(Guid FollowUpId, string Reason, Guid? ByInteractionId);

/// <summary>The contact moment a follow-up came from was corrected: its due day, contacts or themes move with it.</summary>
public record RealignFollowUp(Guid FollowUpId, DateOnly? DueOn, IReadOnlyList<Guid>? ContactIds, IReadOnlyList<string>? Themes, string Reason);

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
        messages.At(new RemindFollowUp(followUpId, dueOn), options.ReminderAt(dueOn));
        return messages;
    }

    /// <summary>
    /// A mention of a demand: the demand's untouched check is scheduled unless one is still pending, which is the case
    /// while the waiting period after the latest mention before this one has not passed; that check moves itself on.
    /// </summary>
    public static OutgoingMessages AfterMention(Demand before, DateOnly raisedOn, FollowUpPolicyOptions options, TimeProvider clock)
    {
        if (!FollowUpPolicies.Watched(before, options)) return [];
        if (before.LatestMention is { } pending && FollowUpPolicies.ActivityCheckAt(pending.On, options) > clock.GetUtcNow()) return [];
        return CheckActivity(before.Id, before.LatestMention is { } latest && latest.On > raisedOn ? latest.On : raisedOn, options);
    }

    public static OutgoingMessages CheckActivity(Guid demandId, DateOnly raisedOn, FollowUpPolicyOptions options)
    {
        var messages = new OutgoingMessages();
        messages.At(new CheckDemandActivity(demandId, raisedOn), FollowUpPolicies.ActivityCheckAt(raisedOn, options));
        return messages;
    }

    /// <summary>
    /// Schedules the message, or sends it now when its moment has come: Wolverine stores a message scheduled for a past
    /// moment as scheduled all the same, and its polling then takes it up late and in batches. Compares with the same
    /// clock Wolverine does.
    /// </summary>
    public static void At(this OutgoingMessages messages, object message, DateTimeOffset at)
    {
        if (at > DateTimeOffset.UtcNow) messages.Schedule(message, at);
        else messages.Add(message);
    }

    public static OutgoingMessages AfterAdoption(DemandAdopted adopted, long adoptedAt, Demand demand, string adoptedBy, FollowUpPolicyOptions options) =>
        FollowUpPolicies.AfterAdoption(adopted, adoptedAt, demand, adoptedBy, options) is { } scheduled ? [new OpenFollowUp(scheduled)] : [];
}

public static class OpenFollowUpHandler
{
    public static async Task<OutgoingMessages> Handle(
        OpenFollowUp message, IDocumentSession session, IOptions<FollowUpPolicyOptions> options, CancellationToken ct) =>
        await session.Events.FetchStreamStateAsync(message.Scheduled.FollowUpId, ct) is not null
            ? []
            : FollowUpScheduling.Start(message.Scheduled, session, options.Value);
}

public static class SettleFollowUpHandler
{
    public static void Handle(SettleFollowUp message, [WriteAggregate] IEventStream<FollowUp> stream)
    {
        if (stream.Aggregate is { IsOpen: true })
            stream.AppendOne(new FollowUpCancelled(message.FollowUpId, message.Reason, message.ByInteractionId));
    }
}

public static class RealignFollowUpHandler
{
    public static OutgoingMessages Handle(RealignFollowUp message, [WriteAggregate] IEventStream<FollowUp> stream, IOptions<FollowUpPolicyOptions> options)
    {
        if (stream.Aggregate is not { IsOpen: true } followUp) return [];
        var messages = new OutgoingMessages();
        if (message.DueOn is { } dueOn && dueOn != followUp.DueOn)
        {
            stream.AppendOne(new FollowUpRescheduled(followUp.Id, dueOn, message.Reason));
            messages.AddRange(FollowUpScheduling.Remind(followUp.Id, dueOn, options.Value));
        }
        if (message.ContactIds is not null || message.Themes is not null)
            stream.AppendOne(new FollowUpRetargeted(followUp.Id, message.ContactIds ?? followUp.ContactIds, message.Themes ?? followUp.Themes, message.Reason));
        return messages;
    }
}

/// <summary>
/// The follow-up policies react to corrections and retractions: a retracted contact moment's open follow-ups are
/// cancelled with the reason; a correction that moves its day, contacts or themes moves them too.
/// </summary>
public static class FollowUpsAfterCorrectionHandler
{
    public static async Task<OutgoingMessages> Handle(InteractionRetracted e, IQuerySession session, CancellationToken ct) =>
        [.. (await OpenFrom(e.InteractionId, session, ct)).Select(f => new SettleFollowUp(f.Id, $"Contactmoment ingetrokken: {e.Reason}", null))];

    public static async Task<OutgoingMessages> Handle(InteractionCorrected e, IQuerySession session, CancellationToken ct)
    {
        var c = e.Changes;
        if (c.HappenedOn is null && c.ContactIds is null && c.Themes is null) return [];
        var reason = $"Contactmoment gecorrigeerd: {e.Reason}";
        return [.. (await OpenFrom(e.InteractionId, session, ct)).Select(f => new RealignFollowUp(f.Id,
            FollowUpPolicies.DueAfterCorrection(f, c.HappenedOn), c.ContactIds, c.Themes, reason))];
    }

    private static Task<IReadOnlyList<FollowUp>> OpenFrom(Guid interactionId, IQuerySession session, CancellationToken ct) =>
        session.Query<FollowUp>().Where(FollowUpLookups.OpenFrom(interactionId)).ToListAsync(ct);
}

/// <summary>
/// What the policies look up on every logged or corrected contact moment. Each has an index of its own
/// (StoreConfiguration), so the lookup does not grow with the number of follow-ups a campaign ever had.
/// </summary>
public static class FollowUpLookups
{
    public static Expression<Func<FollowUp, bool>> OpenChasers(Guid campaignId) =>
        f => f.CampaignId == campaignId && f.Kind == FollowUpKind.Chaser && f.Status == FollowUpStatus.Open;

    public static Expression<Func<FollowUp, bool>> OpenFrom(Guid interactionId) =>
        f => f.OriginInteractionId == interactionId && f.Status == FollowUpStatus.Open;
}

/// <summary>
/// The follow-up policies react to a logged contact moment: the interaction's handler sends its event here through the
/// outbox. The one follow-up a moment calls for (a thank-you after a meeting, a chaser after a letter) is started here, in
/// this handler's transaction; the chasers it settles are each told by a message to their own stream. One handler a kind,
/// because each kind is its own message type.
/// </summary>
public static class FollowUpsAfterInteractionHandler
{
    public static Task<OutgoingMessages> Handle(LetterSent e, Envelope envelope, IDocumentSession session, IOptions<FollowUpPolicyOptions> options, CancellationToken ct) =>
        ReactAsync(e, envelope, session, options.Value, ct);

    public static Task<OutgoingMessages> Handle(MeetingHeld e, Envelope envelope, IDocumentSession session, IOptions<FollowUpPolicyOptions> options, CancellationToken ct) =>
        ReactAsync(e, envelope, session, options.Value, ct);

    public static Task<OutgoingMessages> Handle(CallMade e, Envelope envelope, IDocumentSession session, IOptions<FollowUpPolicyOptions> options, CancellationToken ct) =>
        ReactAsync(e, envelope, session, options.Value, ct);

    public static Task<OutgoingMessages> Handle(EmailSent e, Envelope envelope, IDocumentSession session, IOptions<FollowUpPolicyOptions> options, CancellationToken ct) =>
        ReactAsync(e, envelope, session, options.Value, ct);

    public static Task<OutgoingMessages> Handle(HearingAttended e, Envelope envelope, IDocumentSession session, IOptions<FollowUpPolicyOptions> options, CancellationToken ct) =>
        ReactAsync(e, envelope, session, options.Value, ct);

    /// <summary>
    /// Reads what the policies need in one round trip (the contacts only when a policy looks at them, and whether the
    /// follow-up it would start exists already, so that a replayed fact starts it once) and decides.
    /// </summary>
    private static async Task<OutgoingMessages> ReactAsync(
        InteractionRecorded recorded, Envelope envelope, IDocumentSession session, FollowUpPolicyOptions options, CancellationToken ct)
    {
        var loggedBy = envelope.UserName ?? FollowUpReminderHandler.Actor;
        var batch = session.CreateBatchQuery();
        var openChasersQuery = batch.Query<FollowUp>().Where(FollowUpLookups.OpenChasers(recorded.CampaignId)).ToList();
        var contactsQuery = FollowUpPolicies.ReadsContacts(recorded, options)
            ? batch.LoadMany<Contact>().ById(recorded.ContactIds.ToArray())
            : Task.FromResult<IReadOnlyList<Contact>>([]);
        var existingQuery = batch.LoadMany<FollowUp>().ById(FollowUpPolicies.AfterInteractionIds(recorded));
        await batch.Execute(ct);

        var messages = new OutgoingMessages();
        foreach (var settled in FollowUpPolicies.SettledBy(recorded, await openChasersQuery))
            messages.Add(new SettleFollowUp(settled.FollowUpId, settled.Reason, recorded.InteractionId));
        var existing = (await existingQuery).Select(f => f.Id).ToHashSet();
        foreach (var scheduled in FollowUpPolicies.AfterInteraction(recorded, await contactsQuery, loggedBy, options))
            if (!existing.Contains(scheduled.FollowUpId))
                messages.AddRange(FollowUpScheduling.Start(scheduled, session, options));
        return messages;
    }
}
