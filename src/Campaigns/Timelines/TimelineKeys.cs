using Marten;
using Npgsql;

namespace Campaigns.Timelines;

/// <summary>
/// Which timelines an entry is on: one narrow row per (timeline key, entry) in <c>timeline_keys</c>, in timeline order,
/// so that any page of any timeline, however deep, is one index range scan. A GIN match on the entries' key lists cannot
/// give that order: PostgreSQL then fetches and sorts every entry of the theme or contact.
/// A trigger on the entries' table keeps the rows in step with every write, live or in a rebuild, in the same transaction.
/// </summary>
public static class TimelineKeys
{
    public static string Theme(string slug) => "theme:" + slug;
    public static string Contact(Guid id) => "contact:" + id;
    public static string Campaign(Guid id) => "campaign:" + id;
    public static string Demand(Guid id) => "demand:" + id;

    // Bump when the keys an entry yields change: the next start rebuilds the table from the entries.
    private const string Version = "timeline-keys v1";
    private const long AdvisoryLock = 0x7469_6d65_6b65_7973; // "timekeys"

    public static string Table(string schema) => $"\"{schema}\".timeline_keys";

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
                retracted boolean not null,
                primary key (key, happened_on, recorded_at, entry_id) include (retracted));
            create index if not exists timeline_keys_entry on {{keys}} (entry_id);

            create or replace function "{{schema}}".timeline_keys_of(data jsonb, campaign_id uuid) returns setof text
            language sql immutable as $f$
                select 'theme:' || t from jsonb_array_elements_text(data -> 'themes') t
                union select 'contact:' || c from jsonb_array_elements_text(data -> 'contactIds') c
                union select 'demand:' || d from jsonb_array_elements_text(data -> 'demandIds') d
                union select 'campaign:' || campaign_id where campaign_id is not null
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
                    insert into {{keys}} (key, happened_on, recorded_at, entry_id, retracted)
                    select k, new.happened_on, new.recorded_at, new.id, coalesce((new.data ->> 'retracted')::boolean, false)
                    from "{{schema}}".timeline_keys_of(new.data, new.campaign_id) k;
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
        truncate {Table(schema)};
        insert into {Table(schema)} (key, happened_on, recorded_at, entry_id, retracted)
        select k, e.happened_on, e.recorded_at, e.id, coalesce((e.data ->> 'retracted')::boolean, false)
        from "{schema}".mt_doc_timelineentry e, "{schema}".timeline_keys_of(e.data, e.campaign_id) k;
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
        await using (var take = new NpgsqlCommand("select pg_advisory_xact_lock(@key)", connection, transaction))
        {
            take.Parameters.AddWithValue("key", AdvisoryLock);
            await take.ExecuteNonQueryAsync(ct);
        }

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

        await using (var create = new NpgsqlCommand(Ddl(schema), connection, transaction)) await create.ExecuteNonQueryAsync(ct);
        if (!inStep)
        {
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
