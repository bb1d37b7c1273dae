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
                // As in the API: the audit list, imports, coverage and the campaign dashboard (the scoreboard) are for
                // managers. Timelines and a demand's page read what the API gives every signed-in user.
                options.Conventions.AuthorizePage("/Manager/Audit", Policies.Manager);
                options.Conventions.AuthorizePage("/Manager/ImportKamerleden", Policies.Manager);
                options.Conventions.AuthorizePage("/Manager/Coverage", Policies.Manager);
                options.Conventions.AuthorizePage("/Manager/Dashboard", Policies.Manager);
            })
            .AddMvcOptions(o => o.Filters.Add<NotFoundPage>());
        services.Configure<RouteOptions>(o => o.LowercaseUrls = true);
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, NoAccessPage>();
    }

    public static void MapCampaignsWeb(this WebApplication app)
    {
        app.UseStaticFiles();
        app.MapRazorPages();
    }
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
