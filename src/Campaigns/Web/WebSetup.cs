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
                // Every page needs a signed-in user: the acting user of every event a page appends.
                options.Conventions.AuthorizeFolder("/");
            })
            .AddMvcOptions(o => o.Filters.Add<SecurityHeaders>());
        services.Configure<RouteOptions>(o => o.LowercaseUrls = true);
        services.AddDevelopmentIdentity(environment);
    }

    public static void MapCampaignsWeb(this WebApplication app)
    {
        app.UseStaticFiles();
        app.MapRazorPages();
    }
}

/// <summary>
/// Pages load scripts and styles only from this host: no inline script or style, no CDN, no framing.
/// SVG charts use presentation attributes and classes, never style attributes, so they pass too.
/// </summary>
public sealed class SecurityHeaders : IAsyncPageFilter
{
    public const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var headers = context.HttpContext.Response.Headers;
        headers.ContentSecurityPolicy = Policy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        var executed = await next();
        // A person gets a Dutch page, not the API's problem JSON, for a contact, theme or demand that does not exist.
        if (executed.Result is NotFoundResult)
            executed.Result = new PartialViewResult
            {
                ViewName = "_NotFound",
                StatusCode = StatusCodes.Status404NotFound,
                ViewData = new ViewDataDictionary(new EmptyModelMetadataProvider(), context.ModelState)
            };
    }
}
