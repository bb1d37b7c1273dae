using Campaigns.Themes;

namespace Campaigns.Parliament;

/// <summary>A debate on the agenda with the themes it concerns.</summary>
public sealed record AgendaLine(ParliamentItem Debate, IReadOnlyList<Theme> Themes)
{
    public string Status => Debate.Activity?.Status switch
    {
        ParliamentImport.Geannuleerd => "geannuleerd",
        "Uitgevoerd" => "gehouden",
        _ => "gepland"
    };
}

/// <summary>What the screens read about parliament: the agenda, and a theme's part of it.</summary>
public static class ParliamentViews
{
    public static async Task<IReadOnlyList<AgendaLine>> AgendaAsync(IQuerySession session, DateOnly from, DateOnly to, string? themeSlug, CancellationToken ct)
    {
        var themes = (await session.Query<Theme>().ToListAsync(ct)).Where(t => t.Parliament is { IsEmpty: false })
            .Where(t => themeSlug is null || t.Slug == themeSlug).ToList();
        if (themes.Count == 0) return [];
        var debates = await session.Query<ParliamentItem>()
            .Where(i => !i.Removed && i.Kind == ParliamentKinds.Activiteit && i.On >= from && i.On <= to).ToListAsync(ct);
        return debates
            .Where(d => AgendaSubscription.Debates.Contains(d.Soort, StringComparer.OrdinalIgnoreCase))
            .Select(d => new AgendaLine(d, themes.Where(t => ParliamentMatching.Matches(t.Parliament, d)).OrderBy(t => t.Label).ToList()))
            .Where(l => l.Themes.Count > 0)
            .OrderBy(l => l.Debate.Activity!.Aanvangstijd)
            .ToList();
    }

    /// <summary>The theme's zaken (moties, vragen, …) and toezeggingen, newest first.</summary>
    public static async Task<IReadOnlyList<ParliamentItem>> ItemsOfThemeAsync(IQuerySession session, Theme theme, int take, CancellationToken ct)
    {
        if (theme.Parliament is not { IsEmpty: false }) return [];
        var items = await session.Query<ParliamentItem>().Where(i => !i.Removed && i.Kind != ParliamentKinds.Activiteit).ToListAsync(ct);
        return items.Where(i => ParliamentMatching.Matches(theme.Parliament, i)).OrderByDescending(i => i.On).Take(take).ToList();
    }

    public static string Time(DateTimeOffset? at) =>
        at is { } t ? $"{Web.Dutch.Date(Web.Dutch.Day(t))} {TimeZoneInfo.ConvertTime(t, Web.Dutch.Amsterdam):HH:mm}" : "";

    public static IReadOnlyList<string> Lines(string? text) =>
        (text ?? "").Split([',', '\n', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
