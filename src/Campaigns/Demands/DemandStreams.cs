using Marten;

namespace Campaigns.Demands;

/// <summary>Interactions write "raised" facts onto the demands they mention.</summary>
public static class DemandStreams
{
    public static IReadOnlyList<DemandRaised> Raises(IEnumerable<Guid> demandIds, Guid interactionId, DateOnly on, IReadOnlyList<Guid> contactIds) =>
        demandIds.Distinct().Select(id => new DemandRaised(id, interactionId, on, contactIds)).ToList();

    /// <summary>
    /// Takes each demand stream's row lock (in id order, so two requests never deadlock) before appending:
    /// fifty officers logging calls about one demand queue up behind each other instead of failing and retrying.
    /// </summary>
    public static async Task AppendRaisesAsync(IDocumentSession session, IReadOnlyList<DemandRaised> raises, CancellationToken ct)
    {
        foreach (var raise in raises.OrderBy(r => r.DemandId))
        {
            var stream = await session.Events.FetchForExclusiveWriting<Demand>(raise.DemandId, ct);
            stream.AppendOne(raise);
        }
    }
}
