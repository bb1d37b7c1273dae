using System.Security.Claims;
using Campaigns.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Campaigns.Web;

/// <summary>
/// A signed-in person who opens a page their role does not allow gets a Dutch "Geen toegang" page with status 403;
/// the API keeps its bare 403, and anyone not signed in still goes to the login page.
/// </summary>
public sealed class NoAccessPage : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (result.Forbidden && context.User.Identity?.IsAuthenticated == true && !context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(Html, context.RequestAborted);
            return;
        }
        await _default.HandleAsync(next, context, policy, result);
    }

    private const string Html = """
        <!DOCTYPE html>
        <html lang="nl">
        <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Geen toegang · Campagnes</title>
            <link rel="stylesheet" href="/css/site.css">
        </head>
        <body>
        <main id="main">
            <h1>Geen toegang</h1>
            <p>Deze pagina is er alleen voor managers. Denk je dat je hem wel nodig hebt? Vraag het een beheerder.</p>
            <p><a href="/">Naar de startpagina</a></p>
        </main>
        </body>
        </html>
        """;
}

public static class PageRoles
{
    /// <summary>Whether the user may open the manager pages (links to them are left out otherwise).</summary>
    public static bool IsManager(this ClaimsPrincipal user) => user.IsInRole(Roles.Manager) || user.IsInRole(Roles.Admin);
}
