using Campaigns.Contacts;
using Campaigns.Demands;
using Campaigns.Interactions;
using Marten;
using Marten.Services.BatchQuerying;
using Wolverine;

namespace Campaigns.FollowUps;

/// <summary>Fired on the due day; a stale or duplicate one finds nothing to do.</summary>
public record RemindFollowUp(Guid FollowUpId, DateOnly DueOn);

/// <summary>Fired a working day after the due day.</summary>
public record FlagOverdueFollowUp(Guid FollowUpId, DateOnly DueOn);

/// <summary>Fired when a mention of a demand has had no successor for the waiting period.</summary>
public record CheckDemandActivity(Guid DemandId, Guid LastMention, DateOnly RaisedOn, string RaisedBy);

/// <summary>
/// The edge where policy decisions meet the store: loads what the policies need, appends what they decide and
/// returns the reminders as scheduled messages, which Wolverine's outbox stores in the same transaction.
/// </summary>
public static class FollowUpScheduling
{
    /// <summary>What the follow-up policies make of an interaction: chasers it settles, follow-ups it schedules.</summary>
    public sealed record AfterInteractionDecision(IReadOnlyList<FollowUpCancelled> Settled, IReadOnlyList<FollowUpScheduled> Scheduled);

    /// <summary>Reads what the policies need in one round trip (the contacts only when a policy looks at them) and decides.</summary>
    public static async Task<AfterInteractionDecision> DecideAfterInteractionAsync(
        InteractionRecorded recorded, string loggedBy, IQuerySession session, FollowUpPolicyOptions options, CancellationToken ct)
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
        return new AfterInteractionDecision(
            FollowUpPolicies.SettledBy(recorded, await openChasersQuery),
            FollowUpPolicies.AfterInteraction(recorded, await contactsQuery, loggedBy, options));
    }

    /// <summary>
    /// Queues the settled chasers' streams on the caller's batch; after it ran, the returned step appends the cancellations.
    /// Through the chaser's own stream version: two interactions settling one chaser at once must not both cancel it
    /// (the loser's request is retried and then finds the chaser settled).
    /// </summary>
    public static Func<Task> QueueSettles(IBatchedQuery batch, IReadOnlyList<FollowUpCancelled> settled)
    {
        var chasers = settled.Select(cancelled => (cancelled, stream: batch.Events.FetchForWriting<FollowUp>(cancelled.FollowUpId))).ToList();
        return async () =>
        {
            foreach (var (cancelled, stream) in chasers)
            {
                var chaser = await stream;
                if (chaser.Aggregate is { IsOpen: true }) chaser.AppendOne(cancelled);
            }
        };
    }

    /// <summary>Starts the scheduled follow-ups and returns their reminders, plus the untouched-demand checks.</summary>
    public static OutgoingMessages Schedule(
        AfterInteractionDecision decision, InteractionRecorded recorded, string loggedBy, IDocumentSession session, FollowUpPolicyOptions options)
    {
        var messages = new OutgoingMessages();
        foreach (var scheduled in decision.Scheduled)
            messages.AddRange(Start(scheduled, session, options));

        if (options.FlagUntouchedDemands)
            foreach (var demandId in recorded.DemandIds)
                messages.Schedule(new CheckDemandActivity(demandId, recorded.InteractionId, recorded.HappenedOn, loggedBy),
                    options.ReminderAt(recorded.HappenedOn.AddDays(options.UntouchedDemandDays)));
        return messages;
    }

    public static OutgoingMessages AfterAdoption(DemandAdopted adopted, Demand demand, string adoptedBy, IDocumentSession session, FollowUpPolicyOptions options)
    {
        var scheduled = FollowUpPolicies.AfterAdoption(adopted, demand, adoptedBy, options);
        var messages = new OutgoingMessages();
        if (scheduled is not null) messages.AddRange(Start(scheduled, session, options));
        return messages;
    }

    public static OutgoingMessages Start(FollowUpScheduled scheduled, IDocumentSession session, FollowUpPolicyOptions options)
    {
        session.Events.StartStream<FollowUp>(scheduled.FollowUpId, scheduled);
        return Remind(scheduled.FollowUpId, scheduled.DueOn, options);
    }

    /// <summary>
    /// For code outside a Wolverine handler (the web pages): sends what a handler would have cascaded, through a context
    /// enlisted in the session's outbox, so the reminders commit with the events.
    /// </summary>
    public static async Task SendAsync(this OutgoingMessages messages, IMessageContext context)
    {
        foreach (var message in messages)
        {
            if (message is ISendMyself self) await self.ApplyAsync(context);
            else await context.PublishAsync(message);
        }
    }

    public static OutgoingMessages Remind(Guid followUpId, DateOnly dueOn, FollowUpPolicyOptions options)
    {
        var messages = new OutgoingMessages();
        messages.Schedule(new RemindFollowUp(followUpId, dueOn), options.ReminderAt(dueOn));
        return messages;
    }
}
