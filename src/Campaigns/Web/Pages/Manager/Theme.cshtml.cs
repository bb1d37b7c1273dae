using Campaigns.Themes;
using Campaigns.Timelines;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace Campaigns.Web.Pages.Manager;

public sealed class ThemeModel(IQuerySession session, TimeProvider clock) : TimelinePageModel(session, clock)
{
    [BindProperty(SupportsGet = true)] public string Slug { get; set; } = "";
    public Theme? Theme { get; private set; }

    /// <summary>The theme's debates from today on, for the "Kamer" section.</summary>
    public IReadOnlyList<Parliament.AgendaLine> Debates { get; private set; } = [];
    /// <summary>Its moties, vragen and toezeggingen, newest first.</summary>
    public IReadOnlyList<Parliament.ParliamentItem> KamerItems { get; private set; } = [];

    public override string TimelineTitle => Theme?.Label ?? Slug;

    protected override string TimelineKey => TimelineKeys.Theme(Slug);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Theme = await Session.LoadAsync<Theme>(global::Campaigns.Themes.Theme.IdFor(Slug), ct);
        if (Theme is null) return NotFound();
        var from = Today;
        Debates = await Parliament.ParliamentViews.AgendaAsync(Session, from, from.AddDays(7 * 26), Slug, ct);
        KamerItems = await Parliament.ParliamentViews.ItemsOfThemeAsync(Session, Theme, 20, ct);
        await ReadTimelineAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        Theme = await Session.LoadAsync<Theme>(global::Campaigns.Themes.Theme.IdFor(Slug), ct);
        return Theme is null ? NotFound() : await CsvAsync(ct);
    }
}
