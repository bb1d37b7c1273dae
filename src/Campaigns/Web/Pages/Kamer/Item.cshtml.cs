using Campaigns.Demands;
using Campaigns.Parliament;
using Campaigns.Themes;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Campaigns.Web.Pages.Kamer;

/// <summary>One Kamer item as imported: where a search hit on a motie, debate or toezegging leads.</summary>
public sealed class ItemModel(IQuerySession session) : PageModel
{
    public ParliamentItem Item { get; private set; } = null!;

    /// <summary>The themes it concerns (their scope matches it, as in the API's answer) and those of the demands it is linked to.</summary>
    public IReadOnlyList<Theme> Themes { get; private set; } = [];

    /// <summary>The demands a manager linked it to.</summary>
    public IReadOnlyList<Demand> Demands { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await session.LoadAsync<ParliamentItem>(id, ct) is not { Removed: false } item) return NotFound();
        Item = item;
        Demands = (await session.Query<Demand>().Where(d => d.ParliamentLinks.Contains(id)).ToListAsync(ct))
            .OrderBy(d => d.Code ?? d.Text, StringComparer.CurrentCulture).ToList();
        var themes = await session.Query<Theme>().ToListAsync(ct);
        var slugs = ParliamentMatching.ThemesOf(themes, item).Concat(Demands.Select(d => d.Theme)).ToHashSet();
        Themes = themes.Where(t => slugs.Contains(t.Slug)).OrderBy(t => t.Label, StringComparer.CurrentCulture).ToList();
        return Page();
    }
}
