using Campaigns.Campaigns;
using Campaigns.Contacts;
using Campaigns.Demands;
using Campaigns.Themes;
using Marten;

namespace Campaigns.Infrastructure.Validation;

/// <summary>
/// A command may only point at things that exist: every unknown contact, theme, campaign or demand is named in the 400.
/// Reads the inline snapshots, which are committed with the events that created them.
/// </summary>
public static class KnownReferences
{
    public static async Task CheckThemes(Check check, IQuerySession session, string field, IReadOnlyCollection<string>? slugs, CancellationToken ct)
    {
        if (slugs is null || slugs.Count == 0) return;
        var known = await session.LoadManyAsync<Theme>(ct, slugs.Where(s => s is not null).Select(Theme.IdFor).Distinct());
        var knownSlugs = known.Select(t => t.Slug).ToHashSet();
        foreach (var slug in slugs.Where(s => !knownSlugs.Contains(s ?? "")))
            check.Add(field, $"Onbekend thema '{slug}'.");
    }

    public static async Task CheckTheme(Check check, IQuerySession session, string field, string? slug, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(slug)) return;
        if (await session.LoadAsync<Theme>(Theme.IdFor(slug), ct) is null) check.Add(field, $"Onbekend thema '{slug}'.");
    }

    public static async Task<IReadOnlyList<Contact>> CheckContacts(Check check, IQuerySession session, string field, IReadOnlyCollection<Guid>? ids, CancellationToken ct)
    {
        if (ids is null || ids.Count == 0) return [];
        var known = await session.LoadManyAsync<Contact>(ct, ids.Distinct());
        foreach (var id in ids.Except(known.Select(c => c.Id)))
            check.Add(field, $"Onbekende contactpersoon {id}.");
        return known;
    }

    public static async Task<Campaign?> CheckCampaign(Check check, IQuerySession session, string field, Guid? id, CancellationToken ct)
    {
        if (id is null || id == Guid.Empty) return null;
        var campaign = await session.LoadAsync<Campaign>(id.Value, ct);
        if (campaign is null) check.Add(field, $"Onbekende campagne {id}.");
        return campaign;
    }

    public static async Task<IReadOnlyList<Demand>> CheckDemands(Check check, IQuerySession session, string field, IReadOnlyCollection<Guid>? ids, CancellationToken ct)
    {
        if (ids is null || ids.Count == 0) return [];
        var known = await session.LoadManyAsync<Demand>(ct, ids.Distinct());
        foreach (var id in ids.Except(known.Select(d => d.Id)))
            check.Add(field, $"Onbekende wens {id}.");
        return known;
    }

    public static async Task CheckInteractions(Check check, IQuerySession session, string field, IReadOnlyCollection<Guid>? ids, CancellationToken ct)
    {
        if (ids is null || ids.Count == 0) return;
        var known = await session.LoadManyAsync<Interactions.Interaction>(ct, ids.Distinct());
        foreach (var id in ids.Except(known.Select(i => i.Id)))
            check.Add(field, $"Onbekend contactmoment {id}.");
    }
}
