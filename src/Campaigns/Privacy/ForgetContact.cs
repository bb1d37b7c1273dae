using System.Security.Claims;
using Campaigns.Accounts;
using Campaigns.Campaigns;
using Campaigns.Contacts;
using Campaigns.Demands;
using Campaigns.Interactions;
using Campaigns.Infrastructure.Http;
using Campaigns.Timelines;
using System.Text.Json.Nodes;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Npgsql;
using NpgsqlTypes;
using Wolverine.Http;

namespace Campaigns.Privacy;

/// <summary>What one erasure touched.</summary>
/// <param name="EventRowsLeftByMasking">Event rows the safety net still had to scrub: 0 unless an event type lacks a masking rule.</param>
/// <param name="CapturedEmailsDeleted">Drafts from the capture mailbox that named the person: deleted, not scrubbed.</param>
public sealed record ForgetResult(Guid ContactId, int Streams, int SnapshotsRebuilt, int RowsScrubbed, int EnvelopesDeleted, int EventRowsLeftByMasking,
    int CapturedEmailsDeleted = 0);

/// <summary>Forget a person (GDPR art. 17): admins only. Interactions stay, naming a "verwijderd contact".</summary>
public static class ForgetContactEndpoint
{
    [WolverinePost("/api/contacts/{id}/forget", OperationId = "ForgetContact"), Tags("Contacts"), Authorize(Policy = Policies.Admin), EndpointSummary("Forget a person."), EndpointDescription("Erases the person's personal data from the contact and every contact moment naming them (GDPR right to erasure); the facts remain, anonymised.")]
    public static async Task<IResult> Post(Guid id, ClaimsPrincipal user, PersonForgetter forgetter, CancellationToken ct) =>
        await forgetter.ForgetAsync(id, user.Identity!.Name!, ct) is { } result ? Results.Ok(result) : Results.NotFound();
}

/// <summary>
/// Erases a contact's personal data from the event store, every read model and Wolverine's message tables:
/// <list type="number">
/// <item>appends <see cref="ContactForgotten"/> (no personal data; the contact snapshot drops name, e-mail, phone, notes);</item>
/// <item>masks, with Marten's event data masking, exactly the events that name the contact by id, or by name, e-mail or
///   phone in a free-text value: the contact's registration loses its personal fields, other events have those words
///   replaced in their texts; events that do not name the person are not rewritten;</item>
/// <item>rebuilds the contact, interaction, demand, campaign and follow-up snapshots of those streams from the masked events;</item>
/// <item>replaces the words inside the JSON string values of the read models known to hold a person's words (timeline
///   entries, stored idempotent answers), and deletes Wolverine envelopes and dead letters whose body holds them;</item>
/// <item>deletes the drafts from the capture mailbox that name the person by contact id, address, name or phone.</item>
/// </list>
/// Nothing else is touched: no event metadata or type names, no JSON keys, no other table or schema, no accounts.
/// Each step can be repeated: if one fails, run the erasure again. PostgreSQL removes the old row versions at its
/// next vacuum; backups keep them until they expire (see the README's privacy section).
/// </summary>
public sealed class PersonForgetter(IDocumentStore store, Wolverine.WolverineOptions wolverine, TimeProvider clock, TimelineProgress progress, ILogger<PersonForgetter> logger)
{
    public async Task<ForgetResult?> ForgetAsync(Guid contactId, string actingUser, CancellationToken ct)
    {
        Contact? contact;
        ContactRegistered? registered;
        List<string?> earlierDetails;
        await using (var query = store.QuerySession())
        {
            contact = await query.LoadAsync<Contact>(contactId, ct);
            if (contact is null) return null;
            var events = await query.Events.FetchStreamAsync(contactId, token: ct);
            registered = events.Select(e => e.Data).OfType<ContactRegistered>().FirstOrDefault();
            earlierDetails = events.Select(e => e.Data).OfType<ContactDetailsChanged>().SelectMany(d => new[] { d.Email, d.Phone }).ToList();
        }

        // The words to erase: what the person was registered with, every e-mail and phone they gave since, and the snapshot's.
        var erasure = new Erasure(contactId,
            [registered?.Name, registered?.Email, registered?.Phone, contact.Forgotten ? null : contact.Name, contact.Email, contact.Phone,
                .. earlierDetails]);
        erasure = new Erasure(contactId, erasure.Terms.Where(t => t != Contact.ForgottenName));

        if (!contact.Forgotten)
        {
            await using var session = store.LightweightSession();
            session.LastModifiedBy = actingUser;
            session.Events.Append(contactId, new ContactForgotten(contactId, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)));
            await session.SaveChangesAsync(ct);
        }

        var mentions = await EventsMentioningAsync(erasure, ct);
        mentions.Remove(contactId);
        using (Erasure.Begin(erasure))
        {
            await store.Advanced.ApplyEventDataMasking(x =>
            {
                // The person's own stream entirely; elsewhere only the events that name them.
                x.IncludeStream(contactId);
                foreach (var (stream, events) in mentions) x.IncludeStream(stream, e => events.Contains(e.Id));
                x.AddHeader("masked", clock.GetUtcNow());
            }, ct);
        }

        var streams = mentions.Keys.Append(contactId).ToList();
        var rebuilt = await RebuildSnapshotsAsync(streams, ct);
        await ReindexSearchAsync(contactId, streams, ct);
        // Ids are not words: what masking left is only what still holds a name, e-mail or phone.
        var inEvents = (await EventsMentioningAsync(new Erasure(Guid.Empty, erasure.Terms), ct)).Values.Sum(e => e.Count);
        var (scrubbed, envelopes) = await ScrubRemainingAsync(erasure, ct);
        var drafts = await DeleteCapturedEmailsAsync(erasure, ct);
        if (inEvents > 0)
            logger.LogWarning("Erasure of contact {ContactId}: {Rows} event rows still held the person's data after masking; an event type lacks a masking rule",
                contactId, inEvents);
        logger.LogInformation("Contact {ContactId} forgotten by {User}: {Streams} streams masked, {Snapshots} snapshots rebuilt, {Rows} rows scrubbed, {Envelopes} envelopes deleted, {Drafts} captured e-mails deleted",
            contactId, actingUser, streams.Count, rebuilt, scrubbed, envelopes, drafts);
        return new ForgetResult(contactId, streams.Count, rebuilt, scrubbed, envelopes, inEvents, drafts);
    }

    private string Schema => store.Options.DatabaseSchemaName;

    /// <summary>
    /// The events, by stream, that hold the contact's id or name one of the words in a free-text value. SQL narrows the
    /// rows down by text; the JSON check then leaves out keys, codes and type names ("Held" in "meeting_held").
    /// </summary>
    private async Task<Dictionary<Guid, HashSet<Guid>>> EventsMentioningAsync(Erasure erasure, CancellationToken ct)
    {
        await using var connection = (NpgsqlConnection)store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        var table = await QualifiedAsync(connection, Schema, "mt_events", ct);
        await using var command = new NpgsqlCommand(
            $"select stream_id, id, data::text from {table} where data::text ilike any(@patterns)", connection);
        command.Parameters.Add(new NpgsqlParameter("patterns", NpgsqlDbType.Array | NpgsqlDbType.Text)
        {
            Value = erasure.Terms.Select(Like).Append(Like(erasure.ContactId.ToString())).ToArray()
        });
        var found = new Dictionary<Guid, HashSet<Guid>>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            if (JsonNode.Parse(reader.GetString(2)) is not { } data || !PersonalDataMasking.Mentions(data, erasure)) continue;
            var stream = reader.GetGuid(0);
            if (!found.TryGetValue(stream, out var ids)) found[stream] = ids = [];
            ids.Add(reader.GetGuid(1));
        }
        return found;
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

    /// <summary>
    /// The search rows of the masked streams are written again from their rebuilt snapshots, once the search subscription
    /// has passed the forgetting: a page it was still working on cannot then write the old words back.
    /// </summary>
    private async Task ReindexSearchAsync(Guid contactId, IReadOnlyCollection<Guid> streams, CancellationToken ct)
    {
        var forgotten = await progress.OfStreamAsync(contactId, ct);
        if (!await progress.WaitForAsync(Search.SearchSubscription.ProgressName, forgotten, TimeSpan.FromSeconds(30), ct))
            logger.LogWarning("Erasure of contact {ContactId}: the search index had not caught up after 30 s; its rows are written again anyway", contactId);
        await using var session = store.LightweightSession();
        await Search.SearchIndex.ReindexAsync(streams, session, ct);
        await session.SaveChangesAsync(ct);
    }

    private static async Task<int> RebuildAsync<T>(IDocumentSession session, IReadOnlyList<T> documents, Func<T, Guid> id, CancellationToken ct)
        where T : class
    {
        var count = 0;
        var serializer = session.DocumentStore.Options.Serializer();
        foreach (var document in documents)
        {
            var rebuilt = await session.Events.AggregateStreamAsync<T>(id(document), token: ct);
            // A snapshot the masking did not change stays as it is, row and all.
            if (rebuilt is null || serializer.ToJson(rebuilt) == serializer.ToJson(document)) continue;
            session.Store(rebuilt);
            count++;
        }
        return count;
    }

    /// <summary>Read models that keep a person's words in JSON string values, besides the snapshots rebuilt above.</summary>
    private static readonly Type[] ReadModelsWithWords = [typeof(TimelineEntry), typeof(IdempotencyRecord)];

    /// <summary>
    /// The words in the known read models' JSON string values are replaced (keys, codes and ids untouched), and
    /// Wolverine envelopes and dead letters whose body or error names the person are deleted. Returns rows changed and
    /// envelopes deleted.
    /// </summary>
    private async Task<(int Rows, int Envelopes)> ScrubRemainingAsync(Erasure erasure, CancellationToken ct)
    {
        if (erasure.Terms.Count == 0) return (0, 0);
        var patterns = erasure.Terms.Select(Like).ToArray();

        await using var connection = (NpgsqlConnection)store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var rows = 0;
        foreach (var type in ReadModelsWithWords)
        {
            var name = store.Options.FindOrResolveDocumentType(type).TableName;
            var table = await QualifiedAsync(connection, name.Schema, name.Name, ct, transaction);
            if (table is null) continue;
            var changed = new List<(object Id, string Data)>();
            await using (var select = new NpgsqlCommand($"select id, data::text from {table} where data::text ilike any(@patterns) for update", connection, transaction))
            {
                select.Parameters.Add(new NpgsqlParameter("patterns", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = patterns });
                await using var reader = await select.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    if (JsonNode.Parse(reader.GetString(1)) is { } data && PersonalDataMasking.ScrubJson(data, erasure))
                        changed.Add((reader.GetValue(0), data.ToJsonString()));
                }
            }
            foreach (var (id, data) in changed)
            {
                await using var update = new NpgsqlCommand($"update {table} set data = @data::jsonb where id = @id", connection, transaction);
                update.Parameters.AddWithValue("id", id);
                update.Parameters.AddWithValue("data", data);
                rows += await update.ExecuteNonQueryAsync(ct);
            }
        }

        // Message bodies are serialized JSON in bytea, with accented letters possibly escaped (\u00e9): search every form.
        var needles = erasure.Terms.SelectMany(BodyForms).Distinct().ToArray();
        var wolverineSchema = wolverine.Durability.MessageStorageSchemaName ?? Schema;
        var envelopes = 0;
        foreach (var (tableName, textColumn) in new[] { ("wolverine_incoming_envelopes", (string?)null), ("wolverine_outgoing_envelopes", null), ("wolverine_dead_letters", "exception_message") })
        {
            var table = await QualifiedAsync(connection, wolverineSchema, tableName, ct, transaction);
            if (table is null) continue;
            var orText = textColumn is null ? "" : $" or {textColumn} ilike any(@patterns)";
            await using var delete = new NpgsqlCommand(
                $"delete from {table} where exists (select 1 from unnest(@needles) w where position(w in body) > 0){orText}", connection, transaction);
            delete.Parameters.Add(new NpgsqlParameter("needles", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { Value = needles });
            delete.Parameters.Add(new NpgsqlParameter("patterns", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = patterns });
            envelopes += await delete.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return (rows, envelopes);
    }

    /// <summary>The byte forms a word takes in a JSON message body: as is, lower and upper case, with non-ASCII letters
    /// raw or escaped as \u00e9 or \u00E9.</summary>
    private static IEnumerable<byte[]> BodyForms(string term)
    {
        foreach (var word in new[] { term, term.ToLowerInvariant(), term.ToUpperInvariant() })
        {
            yield return System.Text.Encoding.UTF8.GetBytes(word);
            var escaped = string.Concat(word.Select(c => c < 128 ? c.ToString() : $"\\u{(int)c:x4}"));
            yield return System.Text.Encoding.UTF8.GetBytes(escaped);
            yield return System.Text.Encoding.UTF8.GetBytes(string.Concat(word.Select(c => c < 128 ? c.ToString() : $"\\u{(int)c:X4}")));
        }
    }

    /// <summary>
    /// A captured e-mail is not a fact yet, only a draft: one that names the person goes entirely. Drafts are few (they
    /// wait for an officer), so they are read whole and matched here, like the events, on values and not on JSON keys.
    /// </summary>
    private async Task<int> DeleteCapturedEmailsAsync(Erasure erasure, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var drafts = await session.Query<EmailCapture.CapturedEmail>().ToListAsync(ct);
        var serializer = store.Options.Serializer();
        var naming = drafts.Where(d => d.ContactIds.Contains(erasure.ContactId)
                                       || (JsonNode.Parse(serializer.ToJson(d)) is { } json && PersonalDataMasking.Mentions(json, erasure)))
            .ToList();
        foreach (var draft in naming) session.Delete(draft);
        await session.SaveChangesAsync(ct);
        return naming.Count;
    }

    /// <summary>schema.table quoted by PostgreSQL itself (quote_ident), or null when the table does not exist.</summary>
    private static async Task<string?> QualifiedAsync(NpgsqlConnection connection, string schema, string table, CancellationToken ct,
        NpgsqlTransaction? transaction = null)
    {
        await using var command = new NpgsqlCommand(
            "select case when to_regclass(quote_ident(@schema) || '.' || quote_ident(@table)) is null then null else quote_ident(@schema) || '.' || quote_ident(@table) end",
            connection, transaction);
        command.Parameters.AddWithValue("schema", schema);
        command.Parameters.AddWithValue("table", table);
        return await command.ExecuteScalarAsync(ct) as string;
    }
}
