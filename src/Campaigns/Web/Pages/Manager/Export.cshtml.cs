using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Campaigns.Web.Pages.Manager;

/// <summary>The export's warning and its download, which is the API's <c>GET /api/export</c> with the manager's cookie.</summary>
public sealed class ExportModel : PageModel
{
    public void OnGet()
    {
    }
}
