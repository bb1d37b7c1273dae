using Marten;
using Npgsql;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Campaigns.Timelines;

/// <summary>
/// Which timelines an entry is on, and was on: one narrow row per (timeline key, entry, revision) in
/// <c>timeline_keys</c>, in timeline order, with the span of recorded time in which that revision was the entry's
/// latest. The current timeline is the rows still valid; the timeline as of a moment is the rows valid then. Either way a
/// page, however deep, is one index range scan: a GIN match on the entries' key lists cannot give timeline order, so
/// PostgreSQL would fetch and sort every entry of a busy theme, and an as-of read would have to load them all.
/// The subscription writes an entry's rows in the same batch as the entry (<see cref="Replace"/>): one statement per
/// page of events, not one trigger call per document.
/// </summary>
public static class TimelineKeys
{
    public static string Theme(string slug) => "theme:" + slug;
    public static string Contact(Guid id) => "contact:" + id;
    public static string Campaign(Guid id) => "campaign:" + id;
    public static string Demand(Guid id) => "demand:" + id;

    public const string TableName = "timeline_keys";
    private const long AdvisoryLock = 0x7469_6d65_6b65_7973; // "timekeys"

    public static string Table(string schema) => $"\"{schema}\".{TableName}";

    /// <summary>The table and its indexes, as a Marten schema object: created and migrated with the store.</summary>
    public static void AddTimelineKeys(this StoreOptions options)
    {
        var table = new Table(new PostgresqlObjectName(options.DatabaseSchemaName, TableName, SchemaUtils.IdentifierUsage.General));
        table.AddColumn<string>("key").NotNull();
        table.AddColumn("happened_on", "date").NotNull();
        table.AddColumn("recorded_at", "timestamp with time zone").NotNull();
        table.AddColumn<Guid>("entry_id").NotNull();
        table.AddColumn("valid_from", "timestamp with time zone").NotNull();
        table.AddColumn("valid_until", "timestamp with time zone").AllowNulls();
        table.AddColumn<bool>("retracted").NotNull();
        table.AddColumn("campaign_id", "uuid").AllowNulls();
        // Page order, with what the filters read in the index itself: a page is an index-only range scan.
        table.Indexes.Add(new IndexDefinition($"ix_{TableName}_page")
        {
            IsUnique = true,
            Columns = ["key", "happened_on", "recorded_at", "entry_id", "valid_from"],
            IncludeColumns = ["valid_until", "retracted", "campaign_id"]
        });
        table.Indexes.Add(new IndexDefinition($"ix_{TableName}_entry") { Columns = ["entry_id"] });
        options.Storage.ExtendedSchemaObjects.Add(table);
    }

    private sealed record Row(string Key, DateOnly HappenedOn, DateTimeOffset RecordedAt, Guid EntryId, DateTimeOffset ValidFrom,
        DateTimeOffset? ValidUntil, bool Retracted, Guid? CampaignId);

    /// <summary>The rows of one entry: each revision that was ever the latest, for each key it had.</summary>
    private static IEnumerable<Row> RowsOf(TimelineEntry entry)
    {
        var revisions = entry.Revisions;
        for (var i = 0; i < revisions.Count; i++)
        {
            var revision = revisions[i];
            DateTimeOffset? until = i + 1 < revisions.Count ? revisions[i + 1].RecordedAt : null;
            // Two revisions recorded in one transaction share a moment: the earlier one was never visible on its own.
            if (until == revision.RecordedAt) continue;
            foreach (var key in KeysOf(revision))
                yield return new Row(key, revision.HappenedOn, entry.RecordedAt.ToUniversalTime(), entry.Id,
                    revision.RecordedAt.ToUniversalTime(), until?.ToUniversalTime(), revision.Retracted, revision.CampaignId);
        }
    }

    private static IEnumerable<string> KeysOf(TimelineRevision revision) =>
        revision.Themes.Select(Theme)
            .Concat(revision.ContactIds.Select(Contact))
            .Concat(revision.DemandIds.Select(Demand))
            .Concat(revision.CampaignId is { } campaign ? [Campaign(campaign)] : [])
            .Distinct();

    /// <summary>
    /// Queues, in the batch that stores <paramref name="entries"/>, the replacement of their key rows: one delete and one
    /// insert from arrays, whatever the number of entries. <paramref name="hasRows"/> names the entries that may have key
    /// rows already (by default all); the others get theirs without a delete.
    /// </summary>
    public static void Replace(IDocumentOperations operations, IReadOnlyCollection<TimelineEntry> entries, Func<Guid, bool>? hasRows = null)
    {
        if (entries.Count == 0) return;
        var schema = operations.DocumentStore.Options.DatabaseSchemaName;
        var replaced = entries.Select(e => e.Id).Where(hasRows ?? (_ => true)).ToArray();
        if (replaced.Length > 0)
            operations.QueueSqlCommand($"delete from {Table(schema)} where entry_id = any(?)", replaced);
        var rows = entries.SelectMany(RowsOf).ToList();
        if (rows.Count == 0) return;
        operations.QueueSqlCommand(
            $"""
            insert into {Table(schema)} (key, happened_on, recorded_at, entry_id, valid_from, valid_until, retracted, campaign_id)
            select * from unnest(?::text[], ?::date[], ?::timestamptz[], ?::uuid[], ?::timestamptz[], ?::timestamptz[], ?::boolean[], ?::uuid[])
            """,
            rows.Select(r => r.Key).ToArray(), rows.Select(r => r.HappenedOn).ToArray(), rows.Select(r => r.RecordedAt).ToArray(),
            rows.Select(r => r.EntryId).ToArray(), rows.Select(r => r.ValidFrom).ToArray(), rows.Select(r => r.ValidUntil).ToArray(),
            rows.Select(r => r.Retracted).ToArray(), rows.Select(r => r.CampaignId).ToArray());
    }

    /// <summary>Empties the table, in the batch of <paramref name="operations"/>: before a rebuild writes every entry again.</summary>
    public static void Clear(IDocumentOperations operations) =>
        operations.QueueSqlCommand($"truncate {Table(operations.DocumentStore.Options.DatabaseSchemaName)}");

    /// <summary>
    /// Creates the table (a Marten schema object), and fills it from the entries when it is empty while entries exist:
    /// a store whose keys were kept by the trigger of earlier versions, which this drops. Safe with several nodes starting.
    /// </summary>
    public static async Task EnsureAsync(IDocumentStore store, CancellationToken ct)
    {
        var schema = store.Options.DatabaseSchemaName;
        await store.Storage.Database.EnsureStorageExistsAsync(typeof(TimelineEntry), ct);
        // The timeline reads join the follow-ups by table name (TimelineQueries): a store without any follow-up yet has to
        // have the table too, or the first demand page of a fresh install fails.
        await store.Storage.Database.EnsureStorageExistsAsync(typeof(FollowUps.FollowUp), ct);

        await using (var connection = store.Storage.Database.CreateConnection())
        {
            await connection.OpenAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await Infrastructure.LockedTransaction.TakeAsync(connection, transaction, AdvisoryLock, ct);
            await using var legacy = new NpgsqlCommand(
                "select exists (select 1 from pg_trigger where tgname = 'timeline_keys_rows' and tgrelid = to_regclass(@entries))",
                connection, transaction);
            legacy.Parameters.AddWithValue("entries", $"\"{schema}\".mt_doc_timelineentry");
            if ((bool)(await legacy.ExecuteScalarAsync(ct))!)
            {
                // The rows it kept follow the same rules as Replace: they stay, under the indexes below.
                await using var drop = new NpgsqlCommand($"""
                    drop trigger timeline_keys_rows on "{schema}".mt_doc_timelineentry;
                    drop trigger if exists timeline_keys_truncate on "{schema}".mt_doc_timelineentry;
                    drop function if exists "{schema}".timeline_keys_sync();
                    drop function if exists "{schema}".timeline_revisions(jsonb);
                    drop function if exists "{schema}".timeline_keys_of(jsonb, uuid);
                    alter table {Table(schema)} drop constraint if exists timeline_keys_pkey;
                    drop index if exists "{schema}".timeline_keys_entry;
                    """, connection, transaction);
                await drop.ExecuteNonQueryAsync(ct);
            }
            await transaction.CommitAsync(ct);
        }

        await store.Storage.Database.EnsureStorageExistsAsync(typeof(Marten.Storage.StorageFeatures), ct);
        await RefillIfEmptyAsync(store, ct);
    }

    private static async Task RefillIfEmptyAsync(IDocumentStore store, CancellationToken ct)
    {
        var schema = store.Options.DatabaseSchemaName;
        await using var session = store.LightweightSession();
        var state = await session.AdvancedSql.QueryAsync<bool>(
            $"select not exists (select 1 from {Table(schema)}) and exists (select 1 from \"{schema}\".mt_doc_timelineentry)", ct);
        if (!state[0]) return;

        Guid after = Guid.Empty;
        while (true)
        {
            await using var page = store.LightweightSession();
            var entries = await page.QueryAsync<TimelineEntry>("where id > ? order by id limit 5000", ct, after);
            if (entries.Count == 0) break;
            Replace(page, entries);
            await page.SaveChangesAsync(ct);
            after = entries[^1].Id;
        }
    }
}

/// <summary>Runs before anything else writes entries: the demo data, Wolverine's handlers, the first request.</summary>
public sealed class TimelineKeysOnStartup(IDocumentStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => TimelineKeys.EnsureAsync(store, cancellationToken);
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
