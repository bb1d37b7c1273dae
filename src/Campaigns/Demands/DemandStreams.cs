using Campaigns.FollowUps;
using Microsoft.Extensions.Options;

namespace Campaigns.Demands;

/// <summary>An interaction mentioned the demand: the demand records it on its own stream.</summary>
public record RaiseDemand(Guid DemandId, Guid InteractionId, DateOnly RaisedOn, IReadOnlyList<Guid> ContactIds);

/// <summary>A contact moment no longer mentions the demand (retracted, or corrected without it).</summary>
public record WithdrawDemandMention(Guid DemandId, Guid InteractionId);

public static class DemandStreams
{
    /// <summary>The messages an interaction sends to the demands it no longer mentions, once per demand.</summary>
    public static IReadOnlyList<WithdrawDemandMention> Withdrawals(IEnumerable<Guid> demandIds, Guid interactionId) =>
        demandIds.Distinct().Select(id => new WithdrawDemandMention(id, interactionId)).ToList();

    /// <summary>
    /// The withdrawal of one interaction's mention, from the demand's events: null when that interaction does not
    /// mention the demand (any more), so a message handled twice changes nothing.
    /// </summary>
    public static DemandMentionWithdrawn? Withdraw(Guid demandId, IReadOnlyList<IEvent> demandEvents, Guid interactionId)
    {
        var mentions = new Dictionary<Guid, (DemandMention Mention, long Version)>();
        foreach (var e in demandEvents)
            switch (e.Data)
            {
                case DemandRaised raised:
                    mentions[raised.InteractionId] = (new DemandMention(raised.InteractionId, raised.RaisedOn, e.UserName), e.Version);
                    break;
                case DemandMentionWithdrawn withdrawn:
                    mentions.Remove(withdrawn.InteractionId);
                    break;
            }
        if (!mentions.Remove(interactionId)) return null;
        // The latest by day, on a tie the later logged one, as Demand.Apply(DemandRaised) keeps it.
        var latest = mentions.Values.OrderBy(m => m.Mention.On).ThenBy(m => m.Version).Select(m => m.Mention).LastOrDefault();
        return new DemandMentionWithdrawn(demandId, interactionId, mentions.Count,
            mentions.Count > 0 ? mentions.Values.Min(m => m.Mention.On) : null, latest);
    }

    /// <summary>The messages an interaction sends to the demands it mentions, once per demand.</summary>
    public static IReadOnlyList<RaiseDemand> Raises(IEnumerable<Guid> demandIds, Guid interactionId, DateOnly on, IReadOnlyList<Guid> contactIds) =>
        demandIds.Distinct().Select(id => new RaiseDemand(id, interactionId, on, contactIds)).ToList();
}

/// <summary>
/// Runs on its own sequential queue ("demands"), so mentions of one busy demand never race each other; a manager's
/// step on the same demand that races one is retried by the concurrency policy. Wolverine's inbox marks the message
/// handled in the same transaction as the append, so a mention is recorded once.
/// </summary>
public static class RaiseDemandHandler
{
    public const string Queue = "demands";

    public static OutgoingMessages Handle(RaiseDemand message, [WriteAggregate] IEventStream<Demand> stream,
        IOptions<FollowUpPolicyOptions> options, TimeProvider clock)
    {
        // A demand that does not exist (any more) has nothing to record.
        if (stream.Aggregate is not { } demand) return [];
        stream.AppendOne(new DemandRaised(message.DemandId, message.InteractionId, message.RaisedOn, message.ContactIds));
        return FollowUpScheduling.AfterMention(demand, message.RaisedOn, options.Value, clock);
    }
}

/// <summary>On the same sequential queue as the mentions, so a withdrawal never races the mention it withdraws.</summary>
public static class WithdrawDemandMentionHandler
{
    public static async Task Handle(WithdrawDemandMention message, [WriteAggregate] IEventStream<Demand> stream, IDocumentSession session,
        CancellationToken ct)
    {
        if (stream.Aggregate is null) return;
        var events = await session.Events.FetchStreamAsync(message.DemandId, token: ct);
        if (DemandStreams.Withdraw(message.DemandId, events, message.InteractionId) is { } withdrawn) stream.AppendOne(withdrawn);
    }
}
