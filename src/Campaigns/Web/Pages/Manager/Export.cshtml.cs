using Campaigns.Imports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Campaigns.Web.Pages.Manager;

/// <summary>
/// The export's warning and its download: the same stream as the API's <c>GET /api/export</c>, served here because the
/// API takes bearer tokens only and a page's download carries the sign-in cookie.
/// </summary>
public sealed class ExportModel(EventLog log, TimeProvider clock) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken ct)
    {
        Response.ContentType = "application/x-ndjson";
        Response.Headers.ContentDisposition = $"attachment; filename=\"campaigns-events-{clock.GetUtcNow():yyyyMMdd-HHmmss}.jsonl\"";
        await log.ExportAsync(Response.Body, ct);
        return new EmptyResult();
    }
}
