using Campaigns.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Mvc.RazorPages;
using System.Text.Encodings.Web;
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
            .AddMvcOptions(o =>
            {
                o.Filters.Add<NotFoundPage>();
                DutchBinderMessages(o.ModelBindingMessageProvider);
            });
        services.Configure<RouteOptions>(o =>
        {
            o.LowercaseUrls = true;
            o.ConstraintMap[PagePath.Name] = typeof(PagePath);
        });
        // Pages answer with a Dutch page where the API keeps its bare status codes: a page the role may not see (403), and
        // a form that could not be read (400: its antiforgery token is stale or belongs to another sign-in; 413: too big).
        services.Configure<StatusCodePagesOptions>(o =>
        {
            var fallback = o.HandleAsync;
            o.HandleAsync = context =>
            {
                var http = context.HttpContext;
                if (!PagePath.IsPage(http.Request.Path)) return fallback(context);
                return http.Response.StatusCode switch
                {
                    StatusCodes.Status403Forbidden => StatusPage.NoAccessAsync(http),
                    StatusCodes.Status400BadRequest or StatusCodes.Status413PayloadTooLarge when HttpMethods.IsPost(http.Request.Method) =>
                        StatusPage.FormNotReadAsync(http),
                    _ => fallback(context)
                };
            };
        });
    }

    /// <summary>The binder's messages in Dutch, for the few that reach a page (a malformed id in a link).</summary>
    private static void DutchBinderMessages(DefaultModelBindingMessageProvider messages)
    {
        messages.SetAttemptedValueIsInvalidAccessor((value, _) => $"'{value}' is geen geldige waarde.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"'{value}' is geen geldige waarde.");
        messages.SetValueIsInvalidAccessor(value => $"'{value}' is geen geldige waarde.");
        messages.SetUnknownValueIsInvalidAccessor(_ => "Geen geldige waarde.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Geen geldige waarde.");
        messages.SetValueMustBeANumberAccessor(_ => "Vul een getal in.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Vul een getal in.");
        messages.SetMissingBindRequiredValueAccessor(_ => "Verplicht veld.");
        messages.SetMissingKeyOrValueAccessor(() => "Verplicht veld.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Verplicht veld.");
        messages.SetValueMustNotBeNullAccessor(_ => "Verplicht veld.");
    }

    public static readonly IReadOnlyList<string> ManagerPages =
    [
        "/Manager/Audit", "/Manager/ImportKamerleden", "/Manager/Dashboard", "/Manager/Demand", "/Manager/DemandStep",
        "/Manager/StartCampaign", "/Manager/FormulateDemand", "/Manager/Export", "/Manager/TeamFollowUps", "/Manager/Coverage",
        "/Manager/ThemeParliament", "/Manager/DemandParliament", "/Manager/CampaignTimeline", "/Manager/CorrectDemand", "/Manager/RetractAdoption", "/Manager/CorrectCampaign"
    ];

    public static void MapCampaignsWeb(this WebApplication app)
    {
        app.UseStaticFiles();
        app.MapRazorPages();
        // A page address that matches nothing (an unknown route, a malformed id) gets the Dutch page, not the problem
        // JSON of the API, which keeps its own answers. A fallback matches only when no other endpoint does.
        app.MapFallbackToPage("{first:" + PagePath.Name + "}/{**rest:nonfile}", "/NotFound");
        // The sign-in page is styled before anyone has signed in, so its two stylesheets are open to all, and so is the icon. (Static files
        // are served after the authorisation step, whose fallback policy would send them to the sign-in page too.)
        foreach (var sheet in new[] { "site.css", "manager.css" })
            app.MapGet($"/css/{sheet}", (IWebHostEnvironment environment) =>
                    Results.File(environment.WebRootFileProvider.GetFileInfo($"css/{sheet}").CreateReadStream(), "text/css; charset=utf-8"))
                .AllowAnonymous().ExcludeFromDescription();
        // The browser asks for the icon on its own, before or without the session cookie.
        app.MapGet("/favicon.ico", (IWebHostEnvironment environment) =>
                Results.File(environment.WebRootFileProvider.GetFileInfo("favicon.ico").CreateReadStream(), "image/x-icon"))
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

    /// <summary>Whether an address belongs to the pages (the start page included).</summary>
    public static bool IsPage(PathString path) =>
        !NotPages.Contains(path.Value?.TrimStart('/').Split('/', 2)[0] ?? "");
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

/// <summary>The Dutch pages for status codes a person can meet: plain HTML in the site's style, no script.</summary>
public static class StatusPage
{
    /// <summary>"Geen toegang": a signed-in person on a page their role does not open.</summary>
    public static Task NoAccessAsync(HttpContext context)
    {
        var name = HtmlEncoder.Default.Encode(context.User.Identity?.Name ?? "");
        return WriteAsync(context, "Geen toegang",
            $"""
            <p>Je bent ingelogd als <strong>{name}</strong>, maar je rol geeft geen toegang tot deze pagina. Vraag een beheerder als je deze pagina nodig hebt.</p>
            <p><a class="button" href="/">Naar de startpagina</a></p>
            """);
    }

    /// <summary>
    /// A form the app could not read, so nothing was saved: too big, or its hidden token no longer matches the sign-in
    /// (the page stood open for long, or someone signed in again in the same browser meanwhile).
    /// </summary>
    public static Task FormNotReadAsync(HttpContext context)
    {
        var tooBig = context.Response.StatusCode == StatusCodes.Status413PayloadTooLarge;
        var back = SameSitePath(context) is { } path ? $"""<a class="button" href="{HtmlEncoder.Default.Encode(path)}">Formulier opnieuw openen</a>""" : "";
        return WriteAsync(context, "Formulier niet opgeslagen",
            (tooBig
                ? $"<p>Het formulier is te groot om te verwerken. Er is niets opgeslagen. Een tekstveld mag hoogstens {Check.LongText} tekens bevatten: zet een lange tekst, zoals een hele e-mailwisseling, in een document en verwijs daarnaar.</p>"
                : "<p>Het formulier kon niet worden verwerkt, want het hoort niet meer bij je aanmelding. Dat gebeurt als de pagina lang openstond, of als er intussen in deze browser opnieuw is ingelogd. Er is niets opgeslagen.</p>")
            + $"""
            <p>Ga met de knop Terug van je browser terug naar het formulier: wat je typte staat daar meestal nog. Laad de pagina opnieuw en plak het terug.</p>
            <p>{back} <a href="/">Naar de startpagina</a></p>
            """);
    }

    /// <summary>The page the form was on, when the browser says so and it is this site's.</summary>
    private static string? SameSitePath(HttpContext context) =>
        Uri.TryCreate(context.Request.Headers.Referer.ToString(), UriKind.Absolute, out var referer)
        && string.Equals(referer.Authority, context.Request.Host.Value, StringComparison.OrdinalIgnoreCase)
            ? referer.PathAndQuery
            : null;

    private static Task WriteAsync(HttpContext context, string title, string body)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync($$"""
            <!DOCTYPE html>
            <html lang="nl">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{{title}} · Campagnes</title>
            <link rel="stylesheet" href="/css/site.css"><link rel="stylesheet" href="/css/manager.css"></head>
            <body>
            <header class="top"><a class="brand" href="/">Campagnes</a></header>
            <main id="main">
            <h1>{{title}}</h1>
            {{body}}
            </main>
            </body>
            </html>
            """);
    }
}
