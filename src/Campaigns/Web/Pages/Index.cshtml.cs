using Campaigns.Campaigns;
using Campaigns.Themes;
using Marten;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Campaigns.Web.Pages;

public sealed class IndexModel(IQuerySession session) : PageModel
{
    public IReadOnlyList<Campaign> Campaigns { get; private set; } = [];
    public IReadOnlyList<Theme> Themes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Campaigns = (await session.Query<Campaign>().ToListAsync(ct)).OrderBy(c => c.Status).ThenByDescending(c => c.StartsOn).ToList();
        Themes = (await session.Query<Theme>().ToListAsync(ct)).OrderBy(t => t.Label).ToList();
    }
}
