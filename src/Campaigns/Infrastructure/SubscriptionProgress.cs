namespace Campaigns.Infrastructure;

public static class SubscriptionProgress
{
    /// <summary>
    /// After a rebuild by hand: moves a subscription's row in <c>mt_event_progression</c> forward to <paramref name="sequence"/>,
    /// never back (a running subscription that is further along would otherwise fail its next progress update), so the
    /// subscription carries on from there instead of processing the whole log again.
    /// </summary>
    public static async Task AdvanceAsync(IDocumentStore store, string progressName, long sequence, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        session.QueueSqlCommand(
            $"insert into \"{store.Options.Events.DatabaseSchemaName}\".mt_event_progression (name, last_seq_id, last_updated) values (?, ?, now()) " +
            "on conflict (name) do update set last_seq_id = greatest(mt_event_progression.last_seq_id, excluded.last_seq_id), last_updated = excluded.last_updated",
            progressName, sequence);
        await session.SaveChangesAsync(ct);
    }
}
