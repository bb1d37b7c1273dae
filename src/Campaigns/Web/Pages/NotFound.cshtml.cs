using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Campaigns.Web.Pages;

/// <summary>The fallback for page addresses that match nothing: the Dutch "niet gevonden" page, with status 404.</summary>
public sealed class NotFoundModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status404NotFound;
}
