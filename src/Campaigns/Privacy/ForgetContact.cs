using System.Security.Claims;
using Campaigns.Accounts;
using Campaigns.Campaigns;
using Campaigns.Contacts;
using Campaigns.Demands;
using Campaigns.Interactions;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Npgsql;
using NpgsqlTypes;
using Wolverine.Http;

namespace Campaigns.Privacy;

/// <summary>What one erasure touched.</summary>
/// <param name="EventRowsLeftByMasking">Event rows the safety net still had to scrub: 0 unless an event type lacks a masking rule.</param>
public sealed record ForgetResult(Guid ContactId, int Streams, int SnapshotsRebuilt, int RowsScrubbed, int EnvelopesDeleted, int EventRowsLeftByMasking);

/// <summary>Forget a person (GDPR art. 17): admins only. Interactions stay, naming a "verwijderd contact".</summary>
public static class ForgetContactEndpoint
{
    [WolverinePost("/api/contacts/{id}/forget"), Tags("Contacts"), Authorize(Policy = Policies.Admin)]
    public static async Task<IResult> Post(Guid id, ClaimsPrincipal user, PersonForgetter forgetter, CancellationToken ct) =>
        await forgetter.ForgetAsync(id, user.Identity!.Name!, ct) is { } result ? Results.Ok(result) : Results.NotFound();
}

/// <summary>
/// Erases a contact's personal data from the event store, every read model and Wolverine's message tables:
/// <list type="number">
/// <item>appends <see cref="ContactForgotten"/> (no personal data; the contact snapshot drops name, e-mail, phone, notes);</item>
/// <item>masks, with Marten's event data masking, every event that names the contact by id, e-mail or name: the
///   contact's registration loses its personal fields, other events have those words replaced in their texts;</item>
/// <item>rebuilds the contact, interaction, demand and campaign snapshots of those streams from the masked events;</item>
/// <item>replaces the words in every remaining text or JSON column (timeline entries, idempotency answers, read models
///   added later), and deletes Wolverine envelopes whose body holds them.</item>
/// </list>
/// Each step can be repeated: if one fails, run the erasure again. PostgreSQL removes the old row versions at its
/// next vacuum; backups keep them until they expire (see the README's privacy section).
/// </summary>
public sealed class PersonForgetter(IDocumentStore store, TimeProvider clock, ILogger<PersonForgetter> logger)
{
    public async Task<ForgetResult?> ForgetAsync(Guid contactId, string actingUser, CancellationToken ct)
    {
        Contact? contact;
        ContactRegistered? registered;
        await using (var query = store.QuerySession())
        {
            contact = await query.LoadAsync<Contact>(contactId, ct);
            if (contact is null) return null;
            var events = await query.Events.FetchStreamAsync(contactId, token: ct);
            registered = events.Select(e => e.Data).OfType<ContactRegistered>().FirstOrDefault();
        }

        // The words to erase: what the person was registered with, and what the snapshot still holds.
        var erasure = new Erasure(contactId,
            [registered?.Name, registered?.Email, registered?.Phone, contact.Forgotten ? null : contact.Name, contact.Email, contact.Phone]);
        erasure = new Erasure(contactId, erasure.Terms.Where(t => t != Contact.ForgottenName));

        if (!contact.Forgotten)
        {
            await using var session = store.LightweightSession();
            session.LastModifiedBy = actingUser;
            session.Events.Append(contactId, new ContactForgotten(contactId, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)));
            await session.SaveChangesAsync(ct);
        }

        var streams = await StreamsMentioningAsync(contactId, erasure.Terms, ct);
        streams.Add(contactId);
        using (Erasure.Begin(erasure))
        {
            await store.Advanced.ApplyEventDataMasking(x =>
            {
                foreach (var stream in streams) x.IncludeStream(stream);
                x.AddHeader("masked", clock.GetUtcNow());
            }, ct);
        }

        var rebuilt = await RebuildSnapshotsAsync(streams, ct);
        var (scrubbed, envelopes, inEvents) = await ScrubRemainingAsync(erasure.Terms, ct);
        if (inEvents > 0)
            logger.LogWarning("Erasure of contact {ContactId}: {Rows} event rows still held the person's data after masking; an event type lacks a masking rule",
                contactId, inEvents);
        logger.LogInformation("Contact {ContactId} forgotten by {User}: {Streams} streams masked, {Snapshots} snapshots rebuilt, {Rows} rows scrubbed, {Envelopes} envelopes deleted",
            contactId, actingUser, streams.Count, rebuilt, scrubbed, envelopes);
        return new ForgetResult(contactId, streams.Count, rebuilt, scrubbed, envelopes, inEvents);
    }

    private string Schema => store.Options.DatabaseSchemaName;

    /// <summary>Streams with an event that names the contact's id, or holds one of the words.</summary>
    private async Task<HashSet<Guid>> StreamsMentioningAsync(Guid contactId, IReadOnlyList<string> terms, CancellationToken ct)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            $"select distinct stream_id from \"{Schema}\".mt_events where data::text ilike any(@patterns)", (NpgsqlConnection)connection);
        command.Parameters.Add(new NpgsqlParameter("patterns", NpgsqlDbType.Array | NpgsqlDbType.Text)
        {
            Value = terms.Select(Like).Append(Like(contactId.ToString())).ToArray()
        });
        var streams = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) streams.Add(reader.GetGuid(0));
        return streams;
    }

    private static string Like(string term) => "%" + term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";

    /// <summary>Snapshots are read models too: rebuilt from the masked events, as a projection rebuild would.</summary>
    private async Task<int> RebuildSnapshotsAsync(IReadOnlyCollection<Guid> streams, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var ids = streams.ToArray();
        var count = 0;
        count += await RebuildAsync(session, await session.LoadManyAsync<Contact>(ct, ids), c => c.Id, ct);
        count += await RebuildAsync(session, await session.LoadManyAsync<Interaction>(ct, ids), i => i.Id, ct);
        count += await RebuildAsync(session, await session.LoadManyAsync<Demand>(ct, ids), d => d.Id, ct);
        count += await RebuildAsync(session, await session.LoadManyAsync<Campaign>(ct, ids), c => c.Id, ct);
        count += await RebuildAsync(session, await session.LoadManyAsync<FollowUps.FollowUp>(ct, ids), f => f.Id, ct);
        await session.SaveChangesAsync(ct);
        return count;
    }

    private static async Task<int> RebuildAsync<T>(IDocumentSession session, IReadOnlyList<T> documents, Func<T, Guid> id, CancellationToken ct)
        where T : class
    {
        foreach (var document in documents)
        {
            var rebuilt = await session.Events.AggregateStreamAsync<T>(id(document), token: ct);
            if (rebuilt is not null) session.Store(rebuilt);
        }
        return documents.Count;
    }

    /// <summary>
    /// The safety net: every text and JSON column of this database's tables has the words replaced, and Wolverine
    /// envelopes (message bodies, bytea) that hold them are deleted. Returns rows changed, envelopes deleted, and how
    /// many of the changed rows were events (there should be none: masking did those).
    /// </summary>
    private async Task<(int Rows, int Envelopes, int InEvents)> ScrubRemainingAsync(IReadOnlyList<string> terms, CancellationToken ct)
    {
        // Words with quotes or backslashes would not match inside JSON text reliably; masking covered the events.
        var words = terms.Where(t => !t.Contains('"') && !t.Contains('\\')).ToList();
        if (words.Count == 0) return (0, 0, 0);
        // Whole words only, as in the masking rules: "Van Zwol" but not inside "Van Zwolle".
        var pattern = "(?<![[:alnum:]])(?:" + string.Join("|", words.Select(PostgresRegexEscape)) + ")(?![[:alnum:]])";

        await using var connection = (NpgsqlConnection)store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        var columns = new List<(string Schema, string Table, string Column, string Type)>();
        await using (var list = new NpgsqlCommand("""
            select c.table_schema, c.table_name, c.column_name, c.data_type
            from information_schema.columns c
            join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
            where t.table_type = 'BASE TABLE' and c.table_schema not in ('pg_catalog', 'information_schema')
              and c.data_type in ('text', 'character varying', 'json', 'jsonb', 'bytea')
            """, connection))
        await using (var reader = await list.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct)) columns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }

        await using var transaction = await connection.BeginTransactionAsync(ct);
        int rows = 0, envelopes = 0, inEvents = 0;
        foreach (var (schema, table, column, type) in columns)
        {
            var target = $"\"{schema}\".\"{table}\"";
            if (type == "bytea")
            {
                if (!table.StartsWith("wolverine", StringComparison.OrdinalIgnoreCase)) continue;
                await using var delete = new NpgsqlCommand(
                    $"delete from {target} where exists (select 1 from unnest(@words) w where position(convert_to(w, 'UTF8') in \"{column}\") > 0)",
                    connection, transaction);
                delete.Parameters.Add(new NpgsqlParameter("words", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = words.ToArray() });
                envelopes += await delete.ExecuteNonQueryAsync(ct);
                continue;
            }

            var cast = type switch { "json" => "::json", "jsonb" => "::jsonb", _ => "" };
            await using var update = new NpgsqlCommand(
                $"update {target} set \"{column}\" = regexp_replace(\"{column}\"::text, @pattern, @replacement, 'gi'){cast} where \"{column}\"::text ~* @pattern",
                connection, transaction);
            update.Parameters.AddWithValue("pattern", pattern);
            update.Parameters.AddWithValue("replacement", Contact.ForgottenName);
            var changed = await update.ExecuteNonQueryAsync(ct);
            rows += changed;
            if (table == "mt_events") inEvents += changed;
        }
        await transaction.CommitAsync(ct);
        return (rows, envelopes, inEvents);
    }

    private static string PostgresRegexEscape(string term) =>
        string.Concat(term.Select(c => "\\.^$|?*+()[]{}".Contains(c) ? "\\" + c : c.ToString()));
}
