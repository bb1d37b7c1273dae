using Marten;
using Npgsql;

namespace Campaigns.Timelines;

/// <summary>
/// Which timelines an entry is on, and was on: one narrow row per (timeline key, entry, revision) in
/// <c>timeline_keys</c>, in timeline order, with the span of recorded time in which that revision was the entry's
/// latest. The current timeline is the rows still valid; the timeline as of a moment is the rows valid then. Either way a
/// page, however deep, is one index range scan: a GIN match on the entries' key lists cannot give timeline order, so
/// PostgreSQL would fetch and sort every entry of a busy theme, and an as-of read would have to load them all.
/// A trigger on the entries' table keeps the rows in step with every write, live or in a rebuild, in the same transaction.
/// </summary>
public static class TimelineKeys
{
    public static string Theme(string slug) => "theme:" + slug;
    public static string Contact(Guid id) => "contact:" + id;
    public static string Campaign(Guid id) => "campaign:" + id;
    public static string Demand(Guid id) => "demand:" + id;

    // Bump when the rows an entry yields change: the next start rebuilds the table from the entries.
    private const string Version = "timeline-keys v2";
    private const long AdvisoryLock = 0x7469_6d65_6b65_7973; // "timekeys"

    public static string Table(string schema) => $"\"{schema}\".timeline_keys";

    private static string Columns => "key, happened_on, recorded_at, entry_id, valid_from, valid_until, retracted, campaign_id";

    /// <summary>The rows of one entry: each revision that was ever the latest, for each key it had.</summary>
    private static string RowsOf(string schema, string entry, string from = "") =>
        $"""
        select k, r.happened_on, {entry}.recorded_at, {entry}.id, r.valid_from, r.valid_until, r.retracted, r.campaign_id
        from {from}"{schema}".timeline_revisions({entry}.data) r, "{schema}".timeline_keys_of(r.revision, r.campaign_id) k
        """;

    private static string Ddl(string schema)
    {
        var entries = $"\"{schema}\".mt_doc_timelineentry";
        var keys = Table(schema);
        return $$"""
            create table if not exists {{keys}} (
                key text not null,
                happened_on date not null,
                recorded_at timestamptz not null,
                entry_id uuid not null,
                valid_from timestamptz not null,
                valid_until timestamptz,
                retracted boolean not null,
                campaign_id uuid,
                primary key (key, happened_on, recorded_at, entry_id, valid_from) include (valid_until, retracted, campaign_id));
            create index if not exists timeline_keys_entry on {{keys}} (entry_id);

            create or replace function "{{schema}}".timeline_keys_of(data jsonb, campaign_id uuid) returns setof text
            language sql immutable as $f$
                select 'theme:' || t from jsonb_array_elements_text(data -> 'themes') t
                union select 'contact:' || c from jsonb_array_elements_text(data -> 'contactIds') c
                union select 'demand:' || d from jsonb_array_elements_text(data -> 'demandIds') d
                union select 'campaign:' || campaign_id where campaign_id is not null
            $f$;

            -- A revision is the latest from its recording until the next one's. Two recorded in one transaction share a
            -- moment: the earlier one was never visible on its own, so it yields no rows.
            create or replace function "{{schema}}".timeline_revisions(data jsonb)
            returns table (revision jsonb, happened_on date, valid_from timestamptz, valid_until timestamptz, retracted boolean, campaign_id uuid)
            language sql stable as $f$
                select * from (
                    select r, (r ->> 'happenedOn')::date, (r ->> 'recordedAt')::timestamptz,
                           lead((r ->> 'recordedAt')::timestamptz) over (order by n),
                           coalesce((r ->> 'retracted')::boolean, false), (r ->> 'campaignId')::uuid
                    from jsonb_array_elements(data -> 'revisions') with ordinality as revisions(r, n)
                ) v (revision, happened_on, valid_from, valid_until, retracted, campaign_id)
                where v.valid_until is distinct from v.valid_from
            $f$;

            create or replace function "{{schema}}".timeline_keys_sync() returns trigger language plpgsql as $f$
            begin
                if tg_op = 'TRUNCATE' then
                    truncate {{keys}};
                    return null;
                end if;
                if tg_op in ('UPDATE', 'DELETE') then
                    delete from {{keys}} where entry_id = old.id;
                end if;
                if tg_op in ('INSERT', 'UPDATE') then
                    insert into {{keys}} ({{Columns}}) {{RowsOf(schema, "new")}};
                end if;
                return null;
            end $f$;

            create or replace trigger timeline_keys_rows after insert or update or delete on {{entries}}
                for each row execute function "{{schema}}".timeline_keys_sync();
            create or replace trigger timeline_keys_truncate after truncate on {{entries}}
                for each statement execute function "{{schema}}".timeline_keys_sync();
            """;
    }

    private static string Backfill(string schema) => $"""
        insert into {Table(schema)} ({Columns}) {RowsOf(schema, "e", $"\"{schema}\".mt_doc_timelineentry e, ")};
        comment on table {Table(schema)} is '{Version}';
        """;

    /// <summary>
    /// Creates the table and its triggers, and fills it from the entries when it is new or its version changed (an
    /// upgrade, or a store whose entries were written before the app first started). Safe with several nodes starting.
    /// </summary>
    public static async Task EnsureAsync(IDocumentStore store, CancellationToken ct)
    {
        await store.Storage.Database.EnsureStorageExistsAsync(typeof(TimelineEntry), ct);
        var schema = store.Options.DatabaseSchemaName;

        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await Infrastructure.LockedTransaction.TakeAsync(connection, transaction, AdvisoryLock, ct);

        // Refill when the table is new or older, or when the entries' table lost its trigger (Marten recreated it):
        // entries may have been written meanwhile, e.g. by a `projections rebuild` before the app first started here.
        bool inStep;
        await using (var state = new NpgsqlCommand("""
            select obj_description(to_regclass(@keys), 'pg_class') is not distinct from @version
               and exists (select 1 from pg_trigger where tgname = 'timeline_keys_rows' and tgrelid = to_regclass(@entries))
            """, connection, transaction))
        {
            state.Parameters.AddWithValue("keys", Table(schema));
            state.Parameters.AddWithValue("version", Version);
            state.Parameters.AddWithValue("entries", $"\"{schema}\".mt_doc_timelineentry");
            inStep = (bool)(await state.ExecuteScalarAsync(ct))!;
        }

        // In step, the table, functions and triggers are there at this version: no DDL, whose locks on the entries' table
        // would deadlock with the timeline subscription writing entries while the app starts.
        if (!inStep)
        {
            // Out of step: start from an empty table of the current shape.
            await using var drop = new NpgsqlCommand($"drop table if exists {Table(schema)}", connection, transaction);
            await drop.ExecuteNonQueryAsync(ct);
            await using (var create = new NpgsqlCommand(Ddl(schema), connection, transaction)) await create.ExecuteNonQueryAsync(ct);
            await using var fill = new NpgsqlCommand(Backfill(schema), connection, transaction);
            await fill.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }
}

/// <summary>Runs before anything else writes entries: the demo data, Wolverine's handlers, the first request.</summary>
public sealed class TimelineKeysOnStartup(IDocumentStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => TimelineKeys.EnsureAsync(store, cancellationToken);
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
