using Campaigns.Campaigns;
using Campaigns.Contacts;
using Campaigns.Demands;
using Campaigns.Themes;
using Marten;
using Marten.Services.BatchQuerying;

namespace Campaigns.Infrastructure.Validation;

/// <summary>
/// A command may only point at things that exist: every unknown contact, theme, campaign or demand is named in the 400.
/// Reads the inline snapshots, which are committed with the events that created them.
/// </summary>
public static class KnownReferences
{
    public static async Task CheckThemes(Check check, IQuerySession session, string field, IReadOnlyCollection<string>? slugs, CancellationToken ct) =>
        await new Batch(session).Themes(field, slugs).ApplyAsync(check, ct);

    public static async Task CheckTheme(Check check, IQuerySession session, string field, string? slug, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(slug)) return;
        if (await session.LoadAsync<Theme>(Theme.IdFor(slug), ct) is null) check.Add(field, $"Onbekend thema '{slug}'.");
    }

    public static async Task<IReadOnlyList<Contact>> CheckContacts(Check check, IQuerySession session, string field, IReadOnlyCollection<Guid>? ids, CancellationToken ct)
    {
        await new Batch(session).Contacts(field, ids, out var known).ApplyAsync(check, ct);
        return await known;
    }

    public static async Task<Campaign?> CheckCampaign(Check check, IQuerySession session, string field, Guid? id, CancellationToken ct)
    {
        await new Batch(session).Campaign(field, id, out var campaign).ApplyAsync(check, ct);
        return await campaign;
    }

    public static async Task<IReadOnlyList<Demand>> CheckDemands(Check check, IQuerySession session, string field, IReadOnlyCollection<Guid>? ids, CancellationToken ct)
    {
        await new Batch(session).Demands(field, ids, out var known).ApplyAsync(check, ct);
        return await known;
    }

    /// <summary>Follow-ups go to a person by mail: only an active team member can be assigned one, or own a theme's alerts.</summary>
    public static async Task CheckActiveUser(Check check, IQuerySession session, string field, string? name, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(name)) return;
        var account = Accounts.Secrets.IsValidUserName(name.Trim())
            ? await session.LoadAsync<Accounts.UserAccount>(Accounts.UserAccount.IdFor(name.Trim()), ct)
            : null;
        check.That(account is { IsActive: true }, field, "Geen actieve gebruiker met deze gebruikersnaam.");
    }

    /// <summary>With <paramref name="refuseRetracted"/>, a retracted contact moment is refused too: it did not happen as recorded.</summary>
    public static async Task CheckInteractions(Check check, IQuerySession session, string field, IReadOnlyCollection<Guid>? ids, CancellationToken ct,
        bool refuseRetracted = false)
    {
        if (ids is null || ids.Count == 0) return;
        if (ids.Count > Check.MaxItems) return;
        var known = await session.LoadManyAsync<Interactions.Interaction>(ct, ids.Distinct());
        foreach (var id in ids.Except(known.Select(i => i.Id)))
            check.Add(field, $"Onbekend contactmoment {id}.");
        if (refuseRetracted && known.Any(i => i.Retracted)) check.Add(field, "Dit contactmoment is ingetrokken.");
    }

    /// <summary>
    /// Several look-ups in one round trip (a Marten batch query): queue them, then <see cref="ApplyAsync"/> adds their
    /// errors in the order they were queued, as the one-at-a-time checks above would have.
    /// </summary>
    public sealed class Batch(IQuerySession session)
    {
        private readonly IBatchedQuery _query = session.CreateBatchQuery();
        private readonly List<Func<Check, Task>> _reports = [];

        public Batch Themes(string field, IReadOnlyCollection<string>? slugs)
        {
            // Over the limit, the list is refused as too long (Check.AtMost): no look-up for it.
            if (slugs is null || slugs.Count == 0 || slugs.Count > Check.MaxItems) return this;
            var known = _query.LoadMany<Theme>().ById(slugs.Where(s => s is not null).Select(Theme.IdFor).Distinct().ToArray());
            _reports.Add(async check =>
            {
                var knownSlugs = (await known).Select(t => t.Slug).ToHashSet();
                foreach (var slug in slugs.Where(s => !knownSlugs.Contains(s ?? "")))
                    check.Add(field, $"Onbekend thema '{slug}'.");
            });
            return this;
        }

        public Batch Contacts(string field, IReadOnlyCollection<Guid>? ids) => Contacts(field, ids, out _);

        public Batch Contacts(string field, IReadOnlyCollection<Guid>? ids, out Task<IReadOnlyList<Contact>> known) =>
            Many(field, ids, c => c.Id, "Onbekende contactpersoon", out known);

        public Batch Campaign(string field, Guid? id) => Campaign(field, id, out _);

        public Batch Campaign(string field, Guid? id, out Task<Campaign?> campaign)
        {
            campaign = Task.FromResult<Campaign?>(null);
            if (id is null || id == Guid.Empty) return this;
            var found = campaign = _query.Load<Campaign>(id.Value)!;
            _reports.Add(async check =>
            {
                if (await found is null) check.Add(field, $"Onbekende campagne {id}.");
            });
            return this;
        }

        public Batch Demands(string field, IReadOnlyCollection<Guid>? ids) => Demands(field, ids, out _);

        public Batch Demands(string field, IReadOnlyCollection<Guid>? ids, out Task<IReadOnlyList<Demand>> known) =>
            Many(field, ids, d => d.Id, "Onbekende wens", out known);

        private Batch Many<T>(string field, IReadOnlyCollection<Guid>? ids, Func<T, Guid> idOf, string unknown, out Task<IReadOnlyList<T>> known)
            where T : class
        {
            known = Task.FromResult<IReadOnlyList<T>>([]);
            // Over the limit, the list is refused as too long (Check.AtMost/NotEmpty): no look-up for it.
            if (ids is null || ids.Count == 0 || ids.Count > Check.MaxItems) return this;
            var found = known = _query.LoadMany<T>().ById(ids.Distinct().ToArray());
            _reports.Add(async check =>
            {
                foreach (var id in ids.Except((await found).Select(idOf)))
                    check.Add(field, $"{unknown} {id}.");
            });
            return this;
        }

        /// <summary>Runs the queued look-ups (none, when nothing was queued) and adds what they found missing.</summary>
        public async Task ApplyAsync(Check check, CancellationToken ct)
        {
            if (_reports.Count == 0) return;
            await _query.Execute(ct);
            foreach (var report in _reports) await report(check);
        }
    }
}
