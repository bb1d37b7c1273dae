using Campaigns.Audit;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Campaigns.Web.Pages.Manager;

/// <summary>Who did what: the audit list of the API (AuditQueries), filtered by period, user and stream.</summary>
public sealed class AuditModel(IQuerySession session) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "gebruiker")] public string? User_ { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Stream { get; set; }
    [BindProperty(SupportsGet = true)] public long? After { get; set; }
    /// <summary><c>nieuwste</c> (the default: what a manager checks is usually what just happened) or <c>oudste</c> first.</summary>
    [BindProperty(SupportsGet = true, Name = "volgorde")] public string? Order { get; set; }

    public bool IsOldestFirst => Order == TimelinePageModel.OldestFirst;

    public AuditPage Entries { get; private set; } = new([], null);

    /// <summary>This page's filters as query values, with another order or page.</summary>
    public string Link(string? order, long? after) =>
        "/audit" + QueryString.Create(new Dictionary<string, string?>
        {
            ["From"] = From?.ToString("yyyy-MM-dd"), ["To"] = To?.ToString("yyyy-MM-dd"), ["gebruiker"] = User_, ["Stream"] = Stream?.ToString(),
            ["volgorde"] = order, ["After"] = after?.ToString()
        }.Where(v => !string.IsNullOrEmpty(v.Value)));
    public IReadOnlyList<string> FilterErrors { get; private set; } = [];

    /// <summary>The form's labels, by the query's field names and the page's properties alike.</summary>
    private static readonly Dictionary<string, string> Labels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["from"] = "Vastgelegd vanaf", ["to"] = "Tot en met", ["user"] = "Gebruiker", ["stream"] = "Stroom (id)", ["after"] = "Pagina"
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // Unreadable values (a date or id that does not parse) are named by the field; the filters stay as typed.
        var errors = ModelState.Where(e => e.Value is { Errors.Count: > 0 })
            .Select(e => $"{Labels.GetValueOrDefault(e.Key, e.Key)}: {(e.Key == "Stream" ? "geen geldig id." : "geen geldige waarde.")}")
            .ToList();
        if (!string.IsNullOrEmpty(Order) && Order is not (TimelinePageModel.NewestFirst or TimelinePageModel.OldestFirst))
            errors.Add($"Volgorde: kies {TimelinePageModel.NewestFirst} of {TimelinePageModel.OldestFirst}.");
        if (AuditQueries.Validate(From, To, User_, After).ToProblem() is HttpValidationProblemDetails invalid)
            errors.AddRange(invalid.Errors.SelectMany(e => e.Value.Select(m => $"{Labels.GetValueOrDefault(e.Key, e.Key)}: {m}")));
        if (errors.Count > 0)
        {
            FilterErrors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Entries = await AuditQueries.ReadAsync(session, From, To, User_, Stream, After, PageSize, ct, newestFirst: !IsOldestFirst);
        return Page();
    }
}
