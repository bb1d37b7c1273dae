using Microsoft.AspNetCore.Mvc.RazorPages;
using Campaigns.Parliament;

namespace Campaigns.Web.Pages.Manager;

/// <summary>The coming weeks' debates on our themes, from the imported Kamer agenda.</summary>
public sealed class AgendaModel(IQuerySession session, TimeProvider clock) : PageModel
{
    public const int DefaultWeeks = 6;

    /// <summary>From this day (default today).</summary>
    [FromQuery(Name = "van")] public DateOnly? From { get; set; }
    [FromQuery(Name = "weken")] public int? Weeks { get; set; }

    public DateOnly Start { get; private set; }
    public DateOnly End { get; private set; }
    public IReadOnlyList<AgendaLine> Lines { get; private set; } = [];
    public string? FromError { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (From is { } from && !Check.InYears(from))
        {
            FromError = $"Vanaf: een datum tussen {Check.MinYear} en {Check.MaxYear}.";
            From = null;
        }
        Start = From ?? Dutch.Today(clock);
        End = Start.AddDays(7 * Math.Clamp(Weeks ?? DefaultWeeks, 1, 52));
        Lines = await ParliamentViews.AgendaAsync(session, Start, End, null, ct);
    }
}
