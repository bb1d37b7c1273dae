using Campaigns.Themes;

namespace Campaigns.Parliament;

/// <summary>Whether a Kamer item concerns a theme: one of its committees leads it, it is in one of its dossiers, or its title or subject names a keyword.</summary>
public static class ParliamentMatching
{
    public static bool Matches(ParliamentScope? scope, ParliamentItem item)
    {
        if (scope is null || scope.IsEmpty || item.Removed) return false;
        var committees = item.Activity?.Commissies ?? [];
        if (committees.Any(c => scope.Committees.Any(s => s.Equals(c.Afkorting, StringComparison.OrdinalIgnoreCase) || s.Equals(c.Naam, StringComparison.OrdinalIgnoreCase))))
            return true;
        if (item.Dossiers.Any(d => scope.Dossiers.Any(s => s.Equals(d.ToString(), StringComparison.OrdinalIgnoreCase) || s == d.Nummer.ToString())))
            return true;
        var text = $"{item.Titel} {item.Onderwerp}";
        return scope.Keywords.Any(k => text.Contains(k, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The themes an item concerns, by slug.</summary>
    public static IReadOnlyList<string> ThemesOf(IEnumerable<Theme> themes, ParliamentItem item) =>
        themes.Where(t => Matches(t.Parliament, item)).Select(t => t.Slug).Order(StringComparer.Ordinal).ToList();
}

public sealed record ParliamentItemFilter
{
    /// <summary>A theme's slug: only items on its committees, dossiers or keywords.</summary>
    [FromQuery(Name = "theme")] public string? Theme { get; set; }
    /// <summary>The TK soort, e.g. <c>Motie</c>, <c>Commissiedebat</c>, <c>Toezegging</c> (case-insensitive).</summary>
    [FromQuery(Name = "soort")] public string? Soort { get; set; }
    /// <summary>On or after this day (filed, scheduled or due).</summary>
    [FromQuery(Name = "from")] public DateOnly? From { get; set; }
    /// <summary>On or before this day.</summary>
    [FromQuery(Name = "to")] public DateOnly? To { get; set; }
}

public static class ParliamentQueries
{
    [WolverineGet("/api/parliament/items", OperationId = "ListParliamentItems"), Tags("Parliament"), ProducesResponseType<IReadOnlyList<ParliamentItem>>(StatusCodes.Status200OK),
     EndpointSummary("List Kamer items."),
     EndpointDescription("Zaken (moties, amendementen, schriftelijke vragen, …), activities (commissiedebatten, rondetafelgesprekken, plenaire debatten) and toezeggingen imported from the Tweede Kamer's open data, by date; filtered by theme (its committees, dossiers and keywords), soort and period. Items the open data deleted are left out.")]
    public static async Task<IResult> List([AsParameters] ParliamentItemFilter filter, IQuerySession session, CancellationToken ct)
    {
        if (filter.From is { } from && filter.To is { } to && to < from)
            return Results.Problem(new Check().Add("to", "'tot' ligt voor 'van'.").ToProblem());
        Theme? theme = null;
        if (!string.IsNullOrWhiteSpace(filter.Theme))
        {
            theme = await session.LoadAsync<Theme>(Theme.IdFor(filter.Theme), ct);
            if (theme is null) return Results.Problem(new Check().Add("theme", $"Thema '{filter.Theme}' bestaat niet.").ToProblem());
        }
        var items = await ItemsAsync(session, filter.Soort, filter.From, filter.To, ct);
        return Results.Ok(theme is null ? items : items.Where(i => ParliamentMatching.Matches(theme.Parliament, i)).ToList());
    }

    public static async Task<IReadOnlyList<ParliamentItem>> ItemsAsync(IQuerySession session, string? soort, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var query = session.Query<ParliamentItem>().Where(i => !i.Removed);
        if (!string.IsNullOrWhiteSpace(soort)) query = query.Where(i => i.Soort.Equals(soort.Trim(), StringComparison.OrdinalIgnoreCase));
        if (from is { } f) query = query.Where(i => i.On >= f);
        if (to is { } t) query = query.Where(i => i.On <= t);
        return await query.OrderBy(i => i.On).ThenBy(i => i.Nummer).ToListAsync(ct);
    }

    [WolverineGet("/api/parliament/items/{tkId}", OperationId = "GetParliamentItem"), Tags("Parliament"), ProducesResponseType<ParliamentItem>(StatusCodes.Status200OK),
     EndpointSummary("Read one Kamer item."),
     EndpointDescription("The item under its TK id (the Gegevensmagazijn's Id), with its actors (indieners, medeindieners), besluiten and the votes per fractie, and the themes it concerns; 404 when unknown.")]
    public static async Task<IResult> Get(Guid tkId, IQuerySession session, CancellationToken ct)
    {
        var item = await session.LoadAsync<ParliamentItem>(tkId, ct);
        if (item is null) return Results.Problem(Problems.NotFound("Dit Kamerstuk is niet bekend."));
        var themes = await session.Query<Theme>().ToListAsync(ct);
        return Results.Ok(new ParliamentItemView(item, ParliamentMatching.ThemesOf(themes, item)));
    }
}

public sealed record ParliamentItemView(ParliamentItem Item, IReadOnlyList<string> Themes);
