using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Campaigns.Web.Pages.Officer;

/// <summary>
/// "Mijn follow-ups": due today, overdue, this week. Follow-ups (FollowUps/) are being built on another branch; until they
/// are merged this page says so. When they land, read the user's open follow-ups here and complete one with a POST handler.
/// </summary>
public sealed class FollowUpsModel : PageModel
{
    public bool Available => false;

    public void OnGet()
    {
    }
}
