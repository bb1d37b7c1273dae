using Marten;
using Marten.Services.BatchQuerying;

namespace Campaigns.Demands;

/// <summary>Interactions write "raised" facts onto the demands they mention.</summary>
public static class DemandStreams
{
    public static IReadOnlyList<DemandRaised> Raises(IEnumerable<Guid> demandIds, Guid interactionId, DateOnly on, IReadOnlyList<Guid> contactIds) =>
        demandIds.Distinct().Select(id => new DemandRaised(id, interactionId, on, contactIds)).ToList();

    /// <summary>Locks and appends in one round trip; for a handler with nothing else to read.</summary>
    public static async Task AppendRaisesAsync(IDocumentSession session, IReadOnlyList<DemandRaised> raises, CancellationToken ct)
    {
        if (raises.Count == 0) return;
        await session.BeginTransactionAsync(ct);
        var batch = session.CreateBatchQuery();
        var append = QueueRaises(batch, raises);
        await batch.Execute(ct);
        await append();
    }

    /// <summary>
    /// Queues each demand stream's row lock and snapshot (<c>FetchForExclusiveWriting</c>, in id order, so two requests never
    /// deadlock) on the caller's batch, which must run inside the session's transaction; after it ran, the returned step
    /// appends. Fifty officers logging calls about one demand queue up behind each other instead of failing and retrying,
    /// and the inline <see cref="Demand"/> snapshot loses no mention. The locks are held until the commit, so run the batch
    /// last before SaveChanges, after every read that can come earlier.
    /// </summary>
    public static Func<Task> QueueRaises(IBatchedQuery batch, IReadOnlyList<DemandRaised> raises)
    {
        var streams = raises.OrderBy(r => r.DemandId)
            .Select(raise => (raise, stream: batch.Events.FetchForExclusiveWriting<Demand>(raise.DemandId))).ToList();
        return async () =>
        {
            foreach (var (raise, stream) in streams) (await stream).AppendOne(raise);
        };
    }
}
