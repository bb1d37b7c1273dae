using Campaigns.FollowUps;
using Microsoft.Extensions.Options;

namespace Campaigns.Demands;

/// <summary>An interaction mentioned the demand: the demand records it on its own stream.</summary>
public record RaiseDemand(Guid DemandId, Guid InteractionId, DateOnly RaisedOn, IReadOnlyList<Guid> ContactIds);

/// <summary>A contact moment no longer mentions the demand (retracted, or corrected without it).</summary>
public record WithdrawDemandMention(Guid DemandId, Guid InteractionId);

/// <summary>A correction moved a contact moment that still mentions the demand to another day.</summary>
public record RedateDemandMention(Guid DemandId, Guid InteractionId, DateOnly RaisedOn);

public static class DemandStreams
{
    /// <summary>The messages an interaction sends to the demands it no longer mentions, once per demand.</summary>
    public static IReadOnlyList<WithdrawDemandMention> Withdrawals(IEnumerable<Guid> demandIds, Guid interactionId) =>
        demandIds.Distinct().Select(id => new WithdrawDemandMention(id, interactionId)).ToList();

    /// <summary>The messages a contact moment moved to <paramref name="on"/> sends to the demands it still mentions.</summary>
    public static IReadOnlyList<RedateDemandMention> Redates(IEnumerable<Guid> demandIds, Guid interactionId, DateOnly on) =>
        demandIds.Distinct().Select(id => new RedateDemandMention(id, interactionId, on)).ToList();

    /// <summary>
    /// The withdrawal of one interaction's mention, from the demand's events: null when that interaction does not
    /// mention the demand (any more), so a message handled twice changes nothing.
    /// </summary>
    public static DemandMentionWithdrawn? Withdraw(Guid demandId, IReadOnlyList<IEvent> demandEvents, Guid interactionId)
    {
        var mentions = Mentions(demandEvents);
        if (!mentions.Remove(interactionId)) return null;
        return new DemandMentionWithdrawn(demandId, interactionId, mentions.Count, FirstDay(mentions), Latest(mentions));
    }

    /// <summary>
    /// The move of one interaction's mention to another day: null when that interaction does not mention the demand or
    /// already on that day, so a message handled twice changes nothing.
    /// </summary>
    public static DemandMentionRedated? Redate(Guid demandId, IReadOnlyList<IEvent> demandEvents, Guid interactionId, DateOnly on)
    {
        var mentions = Mentions(demandEvents);
        if (!mentions.TryGetValue(interactionId, out var mention) || mention.Mention.On == on) return null;
        mentions[interactionId] = mention with { Mention = mention.Mention with { On = on } };
        return new DemandMentionRedated(demandId, interactionId, on, FirstDay(mentions), Latest(mentions));
    }

    /// <summary>
    /// What the demands queue's handlers (and the demo seeder) do: decide from the demand's whole stream, and append the
    /// decision if there is one. A demand that does not exist (any more) has nothing to record.
    /// </summary>
    public static async Task DecideAsync(IEventStream<Demand> stream, IDocumentSession session, Func<IReadOnlyList<IEvent>, object?> decide,
        CancellationToken ct)
    {
        if (stream.Aggregate is null) return;
        if (decide(await session.Events.FetchStreamAsync(stream.Id, token: ct)) is { } decided) stream.AppendOne(decided);
    }

    /// <summary>The adoptions that stand, oldest first: each adoption's event, unless a later retraction took it back.</summary>
    public static IReadOnlyList<IEvent> StandingAdoptions(IReadOnlyList<IEvent> demandEvents)
    {
        var standing = new List<IEvent>();
        foreach (var e in demandEvents)
            if (e.Data is DemandAdopted) standing.Add(e);
            else if (e.Data is DemandAdoptionRetracted retracted) standing.RemoveAll(a => a.Id == retracted.AdoptedEventId);
        return standing;
    }

    /// <summary>
    /// The demand as its events leave it when the adoption <paramref name="withoutAdoption"/> and every retracted one had
    /// never been recorded, folded by the demand's own Apply methods: what a retraction restores (a rejection before it
    /// included).
    /// </summary>
    public static Demand? Fold(IReadOnlyList<IEvent> demandEvents, Guid? withoutAdoption = null)
    {
        var standing = StandingAdoptions(demandEvents).Select(a => a.Id).ToHashSet();
        Demand? demand = null;
        foreach (var e in demandEvents)
        {
            if (e.Data is DemandAdoptionRetracted || (e.Data is DemandAdopted && (!standing.Contains(e.Id) || e.Id == withoutAdoption))) continue;
            demand = (e.Data, demand) switch
            {
                (DemandFormulated formulated, _) => Demand.Create(formulated),
                (DemandRaised, { } d) => d.Apply((IEvent<DemandRaised>)e),
                (DemandMentionWithdrawn withdrawn, { } d) => d.Apply(withdrawn),
                (DemandMentionRedated redated, { } d) => d.Apply(redated),
                (DemandCorrected corrected, { } d) => d.Apply(corrected),
                (SupportRecorded support, { } d) => d.Apply(support),
                (DemandAdopted adopted, { } d) => d.Apply(adopted),
                (DemandRejected rejected, { } d) => d.Apply(rejected),
                (DemandWithdrawn withdrawn, { } d) => d.Apply(withdrawn),
                (Parliament.ParliamentItemLinked linked, { } d) => d.Apply(linked),
                (Parliament.ParliamentProposalDismissed dismissed, { } d) => d.Apply(dismissed),
                _ => throw new InvalidOperationException($"A demand's stream holds {e.Data.GetType().Name}, which Fold does not know.")
            };
        }
        return demand;
    }

    /// <summary>The demand's standing mentions by contact moment, with the stream version that first recorded each.</summary>
    private static Dictionary<Guid, (DemandMention Mention, long Version)> Mentions(IReadOnlyList<IEvent> demandEvents)
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
                case DemandMentionRedated redated when mentions.TryGetValue(redated.InteractionId, out var moved):
                    mentions[redated.InteractionId] = moved with { Mention = moved.Mention with { On = redated.RaisedOn } };
                    break;
            }
        return mentions;
    }

    private static DateOnly? FirstDay(Dictionary<Guid, (DemandMention Mention, long Version)> mentions) =>
        mentions.Count > 0 ? mentions.Values.Min(m => m.Mention.On) : null;

    /// <summary>The latest by day, on a tie the later logged one, as Demand.Apply(DemandRaised) keeps it.</summary>
    private static DemandMention? Latest(Dictionary<Guid, (DemandMention Mention, long Version)> mentions) =>
        mentions.Values.OrderBy(m => m.Mention.On).ThenBy(m => m.Version).Select(m => m.Mention).LastOrDefault();

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
    public static Task Handle(WithdrawDemandMention message, [WriteAggregate] IEventStream<Demand> stream, IDocumentSession session,
        CancellationToken ct) =>
        DemandStreams.DecideAsync(stream, session, events => DemandStreams.Withdraw(message.DemandId, events, message.InteractionId), ct);
}

/// <summary>On the same sequential queue as the mentions, so a move never races the mention it moves.</summary>
public static class RedateDemandMentionHandler
{
    public static Task Handle(RedateDemandMention message, [WriteAggregate] IEventStream<Demand> stream, IDocumentSession session,
        CancellationToken ct) =>
        DemandStreams.DecideAsync(stream, session, events => DemandStreams.Redate(message.DemandId, events, message.InteractionId, message.RaisedOn), ct);
}
