using Campaigns.FollowUps;
using Microsoft.Extensions.Options;

namespace Campaigns.Demands;

/// <summary>An interaction mentioned the demand: the demand records it on its own stream.</summary>
public record RaiseDemand(Guid DemandId, Guid InteractionId, DateOnly RaisedOn, IReadOnlyList<Guid> ContactIds);

public static class DemandStreams
{
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
