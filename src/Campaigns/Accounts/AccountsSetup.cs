using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Campaigns.Accounts;

/// <summary>Authentication (bearer tokens for the API, a cookie for pages), authorisation policies and the login limits.</summary>
public static class AccountsSetup
{
    /// <summary>The default scheme: bearer for /api and whenever the request carries one, else the login cookie.</summary>
    public const string SchemeName = "Campaigns";
    public const string CookieName = "campaigns.auth";
    public const string LoginPath = "/login";

    public static void AddCampaignsAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var development = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing");

        services.AddSingleton<UserDirectory>();
        services.AddHostedService<FirstAdminOnStartup>();

        services.AddAuthentication(SchemeName)
            .AddPolicyScheme(SchemeName, "Bearer token or login cookie", o =>
                // The API takes bearer tokens only: a cookie rides along on any request the browser makes, and the
                // API's JSON and body-less POSTs carry no antiforgery token.
                o.ForwardDefaultSelector = context =>
                    context.Request.Path.StartsWithSegments("/api")
                    || context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? BearerTokenAuthenticationHandler.SchemeName
                        : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenAuthenticationHandler>(BearerTokenAuthenticationHandler.SchemeName, null)
            .AddCookie(o =>
            {
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                // Strict: no other site can make the browser send it, which also keeps cross-site JSON posts out of /api.
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.LoginPath = LoginPath;
                o.AccessDeniedPath = LoginPath;
                o.Events.OnRedirectToLogin = context => ApiOrRedirect(context, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = context => ApiOrRedirect(context, StatusCodes.Status403Forbidden);
                o.Events.OnValidatePrincipal = ValidateCookieAsync;
            })
            .AddOrganisationSignIn(builder.Configuration, development);
        services.AddAuthorization(Policies.Add);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "campaigns.antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.FormFieldName = "__RequestVerificationToken";
        });
        services.AddRateLimiter(o => LoginRateLimits.Configure(o, builder.Configuration));
    }

    /// <summary>The account documents; called from the store configuration.</summary>
    public static void AddAccounts(this Marten.StoreOptions options)
    {
        options.Schema.For<UserAccount>().Identity(u => u.Id);
        options.Schema.For<ApiToken>().UniqueIndex(t => t.Hash);
        options.Schema.For<FollowUps.CalendarFeedSecret>().UniqueIndex(s => s.Hash);
        options.Schema.For<OrganisationLogin>().Identity(l => l.Id);
    }

    /// <summary>Pages get the login page; the API gets a bare status code.</summary>
    private static Task ApiOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int apiStatus)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = apiStatus;
            return Task.CompletedTask;
        }
        if (apiStatus == StatusCodes.Status403Forbidden)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>A cookie stops working as soon as its account is disabled or its password changes.</summary>
    private static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        var name = context.Principal?.Identity?.Name;
        var stamp = context.Principal?.FindFirst(Principal.StampClaim)?.Value;
        var users = context.HttpContext.RequestServices.GetRequiredService<UserDirectory>();
        var account = name is null ? null : await users.FindAsync(name, context.HttpContext.RequestAborted);
        if (account is not { IsActive: true } || account.SecurityStamp != stamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        // The role may have changed since sign-in: the principal always carries the current one.
        if (!context.Principal!.IsInRole(account.Role))
        {
            context.ReplacePrincipal(Principal.For(account, CookieAuthenticationDefaults.AuthenticationScheme,
                new System.Security.Claims.Claim(Principal.StampClaim, account.SecurityStamp)));
            context.ShouldRenew = true;
        }
    }

    /// <summary>Middleware in order: who is calling, login limits, what they may do, antiforgery on forms.</summary>
    public static void UseCampaignsAccounts(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseMiddleware<LoginFormReader>();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();
    }
}
