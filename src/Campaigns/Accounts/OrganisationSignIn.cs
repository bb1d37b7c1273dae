using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace Campaigns.Accounts;

/// <summary>
/// Optional sign-in through the organisation's identity provider (OpenID Connect, authorization code with PKCE), off unless
/// <c>Campaigns:Oidc:Authority</c> is set. The provider proves who someone is; what they may do stays with the local
/// account of the same user name (its role), so an admin still decides who gets in. Without such an account the
/// sign-in is refused.
/// </summary>
public static class OrganisationSignIn
{
    public const string Scheme = "oidc";
    public const string Section = "Campaigns:Oidc";
    public const string Path = "/login/organisatie";

    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[$"{Section}:Authority"]);

    public static void AddOrganisationSignIn(this AuthenticationBuilder authentication, IConfiguration configuration, bool development)
    {
        if (!IsConfigured(configuration)) return;
        var settings = configuration.GetSection(Section);
        authentication.AddOpenIdConnect(Scheme, "Organisatie", o =>
        {
            o.Authority = settings["Authority"];
            o.ClientId = settings["ClientId"];
            o.ClientSecret = settings["ClientSecret"];
            o.ResponseType = "code";
            o.UsePkce = true;
            o.CallbackPath = Path + "/callback";
            o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            o.RequireHttpsMetadata = !development;
            o.MapInboundClaims = false;
            o.TokenValidationParameters.NameClaimType = settings["NameClaim"] ?? "preferred_username";
            o.Scope.Add("profile");
            o.Events.OnTokenValidated = UseLocalAccountAsync;
        });
    }

    /// <summary>The cookie carries the local account (role and security stamp), exactly as after a password sign-in.</summary>
    private static async Task UseLocalAccountAsync(TokenValidatedContext context)
    {
        var name = context.Principal?.Identity?.Name;
        var users = context.HttpContext.RequestServices.GetRequiredService<UserDirectory>();
        var account = name is null ? null : await users.FindAsync(name, context.HttpContext.RequestAborted);
        if (account is not { IsActive: true })
        {
            context.Fail($"No active Campaigns account for '{name}'.");
            return;
        }
        context.Principal = Principal.For(account, CookieAuthenticationDefaults.AuthenticationScheme,
            new System.Security.Claims.Claim(Principal.StampClaim, account.SecurityStamp));
    }

    public static void MapOrganisationSignIn(this WebApplication app)
    {
        if (!IsConfigured(app.Configuration)) return;
        app.MapGet(Path, (string? returnUrl) =>
                Results.Challenge(new AuthenticationProperties { RedirectUri = LoginPage.SafeReturnUrl(returnUrl) }, [Scheme]))
            .AllowAnonymous().ExcludeFromDescription();
    }
}
