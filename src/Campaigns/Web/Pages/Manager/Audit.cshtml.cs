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

    public AuditPage Entries { get; private set; } = new([], null);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid || !AuditQueries.Validate(From, To, User_, After).IsValid)
            return BadRequest();
        Entries = await AuditQueries.ReadAsync(session, From, To, User_, Stream, After, PageSize, ct);
        return Page();
    }
}
