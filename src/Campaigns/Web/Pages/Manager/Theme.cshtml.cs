using Campaigns.Themes;
using Campaigns.Timelines;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace Campaigns.Web.Pages.Manager;

public sealed class ThemeModel(IQuerySession session, TimeProvider clock) : TimelinePageModel(session, clock)
{
    [BindProperty(SupportsGet = true)] public string Slug { get; set; } = "";
    public Theme? Theme { get; private set; }

    public override string TimelineTitle => Theme?.Label ?? Slug;

    protected override string TimelineKey => TimelineKeys.Theme(Slug);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Theme = await Session.LoadAsync<Theme>(global::Campaigns.Themes.Theme.IdFor(Slug), ct);
        if (Theme is null) return NotFound();
        await ReadTimelineAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        Theme = await Session.LoadAsync<Theme>(global::Campaigns.Themes.Theme.IdFor(Slug), ct);
        return Theme is null ? NotFound() : await CsvAsync(ct);
    }
}
