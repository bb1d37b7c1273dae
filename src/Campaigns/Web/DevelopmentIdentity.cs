using System.Security.Claims;

namespace Campaigns.Web;

/// <summary>
/// STOP-GAP, DELETE WHEN LOGIN LANDS (issue 8): in Development and Testing only, a page request without a signed-in user
/// acts as "web", or as the name given once with <c>?as=Naam</c> (kept in a cookie). API calls are left alone: they name
/// their user in X-User. Pages only read <c>HttpContext.User.Identity.Name</c>, so with real accounts this file and its
/// one call in <see cref="WebSetup"/> go, and nothing else changes.
/// </summary>
public static class DevelopmentIdentity
{
    public const string DefaultUser = "web";
    public const string QueryKey = "as";
    public const string CookieName = "campaigns-dev-user";
    public const string AuthenticationType = "Development";

    public static void AddDevelopmentIdentity(this IServiceCollection services, IHostEnvironment environment)
    {
        if (!environment.IsDevelopment() && !environment.IsEnvironment("Testing")) return;
        // A startup filter runs before the host's own middleware, so authentication and authorization see this user.
        services.AddSingleton<IStartupFilter, Filter>();
    }

    private sealed class Filter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (!context.Request.Path.StartsWithSegments("/api") && !context.Request.Headers.ContainsKey("X-User"))
                    context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, NameFor(context))], AuthenticationType));
                await nextMiddleware(context);
            });
            next(app);
        };

        private static string NameFor(HttpContext context)
        {
            var asked = context.Request.Query[QueryKey].ToString().Trim();
            if (asked.Length is > 0 and <= 100)
            {
                context.Response.Cookies.Append(CookieName, asked, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, IsEssential = true });
                return asked;
            }
            var remembered = context.Request.Cookies[CookieName];
            return remembered is { Length: > 0 and <= 100 } ? remembered : DefaultUser;
        }
    }
}
