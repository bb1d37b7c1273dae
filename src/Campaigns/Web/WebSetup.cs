using Campaigns.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Diagnostics;

namespace Campaigns.Web;

/// <summary>
/// The web pages for officers and managers: Razor Pages in this host, calling the same Validate and Decide functions as the API.
/// Wired with one line each in the host: <c>services.AddCampaignsWeb()</c> and <c>app.MapCampaignsWeb()</c>.
/// </summary>
public static class WebSetup
{
    public static void AddCampaignsWeb(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddRazorPages(options =>
            {
                options.RootDirectory = "/Web/Pages";
                // Every page needs a signed-in team member (any role may log interactions and register contacts):
                // the acting user of every event a page appends.
                options.Conventions.AuthorizeFolder("/", Policies.Officer);
                // As in the API: running campaigns, the audit list, imports and the export are for managers, accounts for admins.
                // The campaign list and the themes are for everyone; the themes page checks the role before a change.
                foreach (var page in ManagerPages) options.Conventions.AuthorizePage(page, Policies.Manager);
                options.Conventions.AuthorizeFolder("/Admin", Policies.Admin);
                // Forgetting a person is for admins, as its API route is.
                options.Conventions.AuthorizePage("/Officer/ForgetContact", Policies.Admin);
            })
            .AddMvcOptions(o => o.Filters.Add<NotFoundPage>());
        services.Configure<RouteOptions>(o =>
        {
            o.LowercaseUrls = true;
            o.ConstraintMap[PagePath.Name] = typeof(PagePath);
        });
        // A page that the role may not see answers 403 with a Dutch page; the API keeps its bare status codes.
        services.Configure<StatusCodePagesOptions>(o =>
        {
            var fallback = o.HandleAsync;
            o.HandleAsync = context => context.HttpContext.Response.StatusCode == StatusCodes.Status403Forbidden && !context.HttpContext.Request.Path.StartsWithSegments("/api")
                ? NoAccessPage.WriteAsync(context.HttpContext)
                : fallback(context);
        });
    }

    public static readonly IReadOnlyList<string> ManagerPages =
    [
        "/Manager/Audit", "/Manager/ImportKamerleden", "/Manager/Dashboard", "/Manager/Demand", "/Manager/DemandStep",
        "/Manager/StartCampaign", "/Manager/FormulateDemand", "/Manager/Export", "/Manager/TeamFollowUps", "/Manager/Coverage",
        "/Manager/ThemeParliament", "/Manager/DemandParliament"
    ];

    public static void MapCampaignsWeb(this WebApplication app)
    {
        app.UseStaticFiles();
        app.MapRazorPages();
        // A page address that matches nothing (an unknown route, a malformed id) gets the Dutch page, not the problem
        // JSON of the API, which keeps its own answers. A fallback matches only when no other endpoint does.
        app.MapFallbackToPage("{first:" + PagePath.Name + "}/{**rest:nonfile}", "/NotFound");
        // The sign-in page is styled before anyone has signed in, so its two stylesheets are open to all. (Static files
        // are served after the authorisation step, whose fallback policy would send them to the sign-in page too.)
        foreach (var sheet in new[] { "site.css", "manager.css" })
            app.MapGet($"/css/{sheet}", (IWebHostEnvironment environment) =>
                    Results.File(environment.WebRootFileProvider.GetFileInfo($"css/{sheet}").CreateReadStream(), "text/css; charset=utf-8"))
                .AllowAnonymous().ExcludeFromDescription();
    }
}

/// <summary>A first path segment that belongs to the pages: not the API, its documents or the health check.</summary>
public sealed class PagePath : IRouteConstraint
{
    public const string Name = "pagepath";
    private static readonly HashSet<string> NotPages = new(StringComparer.OrdinalIgnoreCase) { "api", "openapi", "scalar", "health" };

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && value?.ToString() is { Length: > 0 } segment && !NotPages.Contains(segment);
}

/// <summary>A person gets a Dutch page, not the API's problem JSON, for a contact, theme or demand that does not exist.
/// (Security headers, the CSP among them, come from the host's <c>SecurityHeaders</c> middleware for every answer.)</summary>
public sealed class NotFoundPage : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Result is NotFoundResult)
            executed.Result = new PartialViewResult
            {
                ViewName = "_NotFound",
                StatusCode = StatusCodes.Status404NotFound,
                ViewData = new ViewDataDictionary(new EmptyModelMetadataProvider(), context.ModelState)
            };
    }
}

/// <summary>"Geen toegang": what a signed-in person sees on a page their role does not open. Plain HTML in the site's style, no script.</summary>
public static class NoAccessPage
{
    public static Task WriteAsync(HttpContext context)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        var name = System.Text.Encodings.Web.HtmlEncoder.Default.Encode(context.User.Identity?.Name ?? "");
        return context.Response.WriteAsync($$"""
            <!DOCTYPE html>
            <html lang="nl">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Geen toegang · Campagnes</title>
            <link rel="stylesheet" href="/css/site.css"><link rel="stylesheet" href="/css/manager.css"></head>
            <body>
            <header class="top"><a class="brand" href="/">Campagnes</a></header>
            <main id="main">
            <h1>Geen toegang</h1>
            <p>Je bent ingelogd als <strong>{{name}}</strong>, maar je rol geeft geen toegang tot deze pagina. Vraag een beheerder als je deze pagina nodig hebt.</p>
            <p><a class="button" href="/">Naar de startpagina</a></p>
            </main>
            </body>
            </html>
            """);
    }
}
