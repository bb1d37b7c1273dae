using Campaigns.Infrastructure;
using Campaigns.Contacts;
using Campaigns.Parliament;
using JasperFx.Events;
using Marten;
using Npgsql;

namespace Campaigns.Imports;

/// <summary>What one import did, per person of the import.</summary>
/// <param name="Kamerleden">People in the import with at least one membership.</param>
/// <param name="Created">Registered as new contacts.</param>
/// <param name="RoleChanges">ContactRoleChanged events: a new fractie (or the first after a gap).</param>
/// <param name="RolesEnded">ContactRoleEnded events: a membership ended or was deleted.</param>
/// <param name="Unchanged">Known contacts whose role history already says what the import says.</param>
/// <param name="NotSeated">Unknown people without a current membership: not registered.</param>
/// <param name="Forgotten">Contacts forgotten on request: left alone.</param>
/// <param name="Events">Events on contacts.</param>
/// <param name="Parliament">What the Kamer's own entity sets (Zaak, Besluit, Activiteit, …) did, when the import held any.</param>
public sealed record TkImportResult(
    int Kamerleden, int Created, int RoleChanges, int RolesEnded, int Unchanged, int NotSeated, int Forgotten, int Events,
    ParliamentImportResult? Parliament = null)
{
    public override string ToString() =>
        $"Kamerleden import: {Kamerleden} people with a membership; {Created} contacts created, {RoleChanges} role changes, " +
        $"{RolesEnded} roles ended, {Unchanged} unchanged, {NotSeated} not seated (skipped), {Forgotten} forgotten (skipped); {Events} events." +
        (Parliament is { } p
            ? $" Kamer items: {p.Items} in the import; {p.Started} new, {p.Changed} changed, {p.Unchanged} unchanged; {p.Events} events."
            : "");
}

/// <summary>Either the result, or every record that stopped the import (and then nothing was stored).</summary>
public sealed record TkImportOutcome(TkImportResult? Result, IReadOnlyList<TkProblem> Problems)
{
    public bool Refused => Result is null;
}

/// <summary>
/// Imports Kamerleden from the Tweede Kamer's open data. Everything is checked before anything is appended; the whole
/// import is one transaction, under an advisory lock so that two imports never register the same person twice.
/// Contacts are matched on the TK <c>Persoon.Id</c> only, never on a name.
/// </summary>
public sealed class TkImporter(IDocumentStore store, TimeProvider clock, ILogger<TkImporter> logger)
{
    /// <summary>"tkimport" as a number.</summary>
    private const long AdvisoryLockKey = 0x746b696d706f7274;

    public async Task<TkImportOutcome> ImportAsync(TkDataSet data, string actingUser, CancellationToken ct = default)
    {
        var problems = TkKamerleden.Check(data);
        if (problems.Count > 0 && !data.HasParliament) return new TkImportOutcome(null, problems);

        await using var unit = await LockedTransaction.BeginAsync(store, AdvisoryLockKey, ct);
        var session = unit.Session;
        if (problems.Count > 0)
        {
            // Every refused record at once, the Kamer's too, so that one round of fixes is enough.
            problems.AddRange(ParliamentImport.Check(data, await StoredItemsAsync(session, data, ct)));
            return new TkImportOutcome(null, problems);
        }
        var kamerleden = TkKamerleden.Kamerleden(data);
        session.LastModifiedBy = actingUser;
        var known = (await session.Query<Contact>().Where(c => c.TkPersoonId != null).ToListAsync(ct))
            .GroupBy(c => c.TkPersoonId!)
            .ToDictionary(g => g.Key, g => g.OrderBy(c => c.Id).First());

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var outcomes = new List<TkDecision>();
        foreach (var kamerlid in kamerleden)
        {
            known.TryGetValue(TkKamerleden.TkId(kamerlid.Persoon.Id), out var contact);
            var decision = TkKamerleden.Decide(kamerlid, contact, Guid.CreateVersion7(), today, clock);
            if (contact is not null && decision.Events.Count > 0)
            {
                // As [WriteAggregate] does for an endpoint: decide on the stream's state, append after its version.
                var stream = await session.Events.FetchForWriting<Contact>(contact.Id, ct);
                decision = TkKamerleden.Decide(kamerlid, stream.Aggregate, Guid.Empty, today, clock);
                stream.AppendMany(decision.Events);
            }
            else if (decision.Events.Count > 0)
            {
                var registered = (ContactRegistered)decision.Events[0];
                session.Events.StartStream<Contact>(registered.ContactId, decision.Events);
            }
            problems.AddRange(decision.Problems);
            outcomes.Add(decision);
        }
        var parliament = data.HasParliament ? await DecideParliamentAsync(session, data, problems, ct) : null;
        if (problems.Count > 0) return new TkImportOutcome(null, problems);

        await session.SaveChangesAsync(ct);
        await unit.CommitAsync(ct);

        var events = outcomes.SelectMany(o => o.Events).ToList();
        var result = new TkImportResult(
            kamerleden.Count,
            outcomes.Count(o => o.Outcome == TkOutcome.Created),
            events.OfType<ContactRoleChanged>().Count(),
            events.OfType<ContactRoleEnded>().Count(),
            outcomes.Count(o => o.Outcome == TkOutcome.Unchanged),
            outcomes.Count(o => o.Outcome == TkOutcome.NotSeated),
            outcomes.Count(o => o.Outcome == TkOutcome.Forgotten),
            events.Count,
            parliament);
        logger.LogInformation("Kamerleden import by {User}: {Created} created, {RoleChanges} role changes, {RolesEnded} roles ended, {Unchanged} unchanged",
            actingUser, result.Created, result.RoleChanges, result.RolesEnded, result.Unchanged);
        return new TkImportOutcome(result, []);
    }

    /// <summary>
    /// The Kamer items, in the same transaction as the Kamerleden. Only imports write these streams, and imports hold the
    /// advisory lock, so the snapshots read here are the streams' state until the commit.
    /// </summary>
    private static async Task<Dictionary<Guid, ParliamentItem>> StoredItemsAsync(IQuerySession session, TkDataSet data, CancellationToken ct) =>
        (await session.LoadManyAsync<ParliamentItem>(ct, ParliamentImport.StreamIds(data))).ToDictionary(i => i.Id);

    private static async Task<ParliamentImportResult?> DecideParliamentAsync(
        IDocumentSession session, TkDataSet data, List<TkProblem> problems, CancellationToken ct)
    {
        var ids = ParliamentImport.StreamIds(data);
        var stored = await StoredItemsAsync(session, data, ct);
        var refused = ParliamentImport.Check(data, stored);
        problems.AddRange(refused);
        if (refused.Count > 0) return null;
        var decided = ParliamentImport.Decide(data, stored);
        foreach (var (id, events) in decided)
        {
            if (stored.ContainsKey(id)) session.Events.Append(id, events);
            else session.Events.StartStream<ParliamentItem>(id, events);
        }
        return new ParliamentImportResult(ids.Count, decided.Keys.Count(id => !stored.ContainsKey(id)), decided.Keys.Count(stored.ContainsKey),
            ids.Count - decided.Count, decided.Values.Sum(e => e.Count));
    }
}
