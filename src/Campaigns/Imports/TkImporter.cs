using Campaigns.Infrastructure;
using Campaigns.Contacts;
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
public sealed record TkImportResult(
    int Kamerleden, int Created, int RoleChanges, int RolesEnded, int Unchanged, int NotSeated, int Forgotten, int Events)
{
    public override string ToString() =>
        $"Kamerleden import: {Kamerleden} people with a membership; {Created} contacts created, {RoleChanges} role changes, " +
        $"{RolesEnded} roles ended, {Unchanged} unchanged, {NotSeated} not seated (skipped), {Forgotten} forgotten (skipped); {Events} events.";
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
        if (problems.Count > 0) return new TkImportOutcome(null, problems);
        var kamerleden = TkKamerleden.Kamerleden(data);

        await using var unit = await LockedTransaction.BeginAsync(store, AdvisoryLockKey, ct);
        var session = unit.Session;
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
            events.Count);
        logger.LogInformation("Kamerleden import by {User}: {Created} created, {RoleChanges} role changes, {RolesEnded} roles ended, {Unchanged} unchanged",
            actingUser, result.Created, result.RoleChanges, result.RolesEnded, result.Unchanged);
        return new TkImportOutcome(result, []);
    }
}
