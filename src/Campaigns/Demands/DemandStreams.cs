using Marten;
using Npgsql;

namespace Campaigns.Demands;

/// <summary>Interactions write "raised" facts onto the demands they mention.</summary>
public static class DemandStreams
{
    public static IReadOnlyList<DemandRaised> Raises(IEnumerable<Guid> demandIds, Guid interactionId, DateOnly on, IReadOnlyList<Guid> contactIds) =>
        demandIds.Distinct().Select(id => new DemandRaised(id, interactionId, on, contactIds)).ToList();

    /// <summary>Appends and locks at once; for a handler that has nothing left to read.</summary>
    public static async Task AppendRaisesAsync(IDocumentSession session, IReadOnlyList<DemandRaised> raises, CancellationToken ct)
    {
        AppendRaises(session, raises);
        await LockAsync(session, raises, ct);
    }

    /// <summary>Only queues the events: nothing reaches the database before SaveChanges, and <see cref="LockAsync"/> must come too.</summary>
    public static void AppendRaises(IDocumentSession session, IReadOnlyList<DemandRaised> raises)
    {
        foreach (var raise in raises) session.Events.Append(raise.DemandId, raise);
    }

    /// <summary>
    /// Takes every mentioned demand stream's row lock in one statement (in the database's id order, so two requests never
    /// deadlock): fifty officers logging calls about one demand queue up behind each other instead of failing and retrying,
    /// and the inline <see cref="Demand"/> snapshot, read at SaveChanges under the lock, loses no mention.
    /// The lock is held until the commit, so call this last before SaveChanges, after every read that can come earlier.
    /// </summary>
    public static async Task LockAsync(IDocumentSession session, IReadOnlyList<DemandRaised> raises, CancellationToken ct)
    {
        if (raises.Count == 0) return;
        await session.BeginTransactionAsync(ct);
        var schema = session.DocumentStore.Options.Events.DatabaseSchemaName;
        await using var lockRows = new NpgsqlCommand($"select id from \"{schema}\".mt_streams where id = any(@ids) order by id for update");
        lockRows.Parameters.AddWithValue("ids", raises.Select(r => r.DemandId).Distinct().ToArray());
        await session.ExecuteAsync(lockRows, ct);
    }
}
