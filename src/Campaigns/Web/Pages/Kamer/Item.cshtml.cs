using Campaigns.Parliament;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Campaigns.Web.Pages.Kamer;

/// <summary>One Kamer item as imported: where a search hit on a motie, debate or toezegging leads.</summary>
public sealed class ItemModel(IQuerySession session) : PageModel
{
    public ParliamentItem Item { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await session.LoadAsync<ParliamentItem>(id, ct) is not { Removed: false } item) return NotFound();
        Item = item;
        return Page();
    }
}
