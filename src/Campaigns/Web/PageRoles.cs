using System.Security.Claims;
using Campaigns.Accounts;

namespace Campaigns.Web;

public static class PageRoles
{
    /// <summary>Whether the user may open the manager pages (links to them are left out otherwise).</summary>
    public static bool IsManager(this ClaimsPrincipal user) => user.IsInRole(Roles.Manager) || user.IsInRole(Roles.Admin);
}
