using Microsoft.AspNetCore.Mvc;
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

    public const int MinWeeks = 1, MaxWeeks = 52;

    /// <summary>Why "weken" was refused; no agenda is shown then.</summary>
    public string? WeeksError { get; private set; }

    /// <summary>What was typed in "weken", also when it was not a number, so that the form shows it back.</summary>
    public string WeeksAsTyped => Request.Query.ContainsKey("weken") ? Request.Query["weken"].ToString() : (Weeks ?? DefaultWeeks).ToString();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (From is { } from && !Check.InYears(from))
        {
            FromError = $"Vanaf: een datum tussen {Check.MinYear} en {Check.MaxYear}.";
            From = null;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        Start = From ?? Dutch.Today(clock);
        // Out of range was once clamped: "-1" showed one week while the field still said -1.
        if (FormPage.Unreadable(ModelState).FirstOrDefault(e => e.Field == "weken") is { Value: { } typed })
            WeeksError = $"Weken: '{typed}' is geen geldig aantal.";
        else if (Weeks is < MinWeeks or > MaxWeeks)
            WeeksError = $"Weken: kies {MinWeeks} tot en met {MaxWeeks}.";
        if (WeeksError is not null)
        {
            End = Start;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        End = Start.AddDays(7 * (Weeks ?? DefaultWeeks));
        Lines = await ParliamentViews.AgendaAsync(session, Start, End, null, ct);
        return Page();
    }
}
