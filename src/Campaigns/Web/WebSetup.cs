using Campaigns.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Mvc.RazorPages;

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
                // As in the API: the audit list and imports are for managers.
                options.Conventions.AuthorizePage("/Manager/Audit", Policies.Manager);
                options.Conventions.AuthorizePage("/Manager/ImportKamerleden", Policies.Manager);
                // Forgetting a person is for admins, as its API route is.
                options.Conventions.AuthorizePage("/Officer/ForgetContact", Policies.Admin);
            })
            .AddMvcOptions(o => o.Filters.Add<NotFoundPage>());
        services.Configure<RouteOptions>(o =>
        {
            o.LowercaseUrls = true;
            o.ConstraintMap[PagePath.Name] = typeof(PagePath);
        });
    }

    public static void MapCampaignsWeb(this WebApplication app)
    {
        app.UseStaticFiles();
        app.MapRazorPages();
        // A page address that matches nothing (an unknown route, a malformed id) gets the Dutch page, not the problem
        // JSON of the API, which keeps its own answers. A fallback matches only when no other endpoint does.
        app.MapFallbackToPage("{first:" + PagePath.Name + "}/{**rest:nonfile}", "/NotFound");
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
