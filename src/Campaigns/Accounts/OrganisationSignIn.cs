using System.Security.Claims;
using Campaigns.Infrastructure.Validation;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Campaigns.Accounts;

/// <summary>
/// Optional sign-in through the organisation's identity provider (OpenID Connect, authorization code with PKCE), off unless
/// <c>Campaigns:Oidc:Authority</c> is set. The provider proves who someone is by issuer and subject (<c>iss</c>, <c>sub</c>:
/// stable, unlike <c>preferred_username</c>, which users can edit at many providers); an admin links that pair to a
/// local account once (<c>POST /api/users/{name}/organisation-login</c>), and the account's role says what they may do.
/// An unlinked sign-in is refused, and logged with its issuer and subject so that an admin can link it.
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
            o.TokenValidationParameters.NameClaimType = "sub";
            o.Scope.Add("profile");
            o.Events.OnTokenValidated = UseLocalAccountAsync;
        });
    }

    /// <summary>The cookie carries the linked local account (role and security stamp), exactly as after a password sign-in.</summary>
    private static async Task UseLocalAccountAsync(TokenValidatedContext context)
    {
        var issuer = context.Principal?.FindFirst("iss")?.Value ?? context.SecurityToken?.Issuer;
        var subject = context.Principal?.FindFirst("sub")?.Value;
        var store = context.HttpContext.RequestServices.GetRequiredService<IDocumentStore>();
        var account = await FindAccountAsync(store, issuer, subject, context.HttpContext.RequestAborted);
        if (account is null)
        {
            context.HttpContext.RequestServices.GetRequiredService<ILogger<OrganisationLogin>>()
                .LogWarning("Organisation sign-in refused: no active account linked to issuer {Issuer}, subject {Subject}", issuer, subject);
            context.Fail("No active Campaigns account is linked to this sign-in.");
            return;
        }
        context.Principal = Principal.For(account, CookieAuthenticationDefaults.AuthenticationScheme,
            new Claim(Principal.StampClaim, account.SecurityStamp));
    }

    /// <summary>The active local account an admin linked to this issuer and subject; never matched on a name.</summary>
    public static async Task<UserAccount?> FindAccountAsync(IDocumentStore store, string? issuer, string? subject, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(issuer) || string.IsNullOrEmpty(subject)) return null;
        await using var session = store.QuerySession();
        var link = await session.LoadAsync<OrganisationLogin>(OrganisationLogin.IdFor(issuer, subject), ct);
        if (link is null || link.Issuer != issuer || link.Subject != subject) return null;
        var account = await session.LoadAsync<UserAccount>(link.UserId, ct);
        return account is { IsActive: true } ? account : null;
    }

    public static void MapOrganisationSignIn(this WebApplication app)
    {
        if (!IsConfigured(app.Configuration)) return;
        app.MapGet(Path, (string? returnUrl) =>
                Results.Challenge(new AuthenticationProperties { RedirectUri = LoginPage.SafeReturnUrl(returnUrl) }, [Scheme]))
            .AllowAnonymous().ExcludeFromDescription();
    }
}

/// <summary>An identity at the organisation's provider (issuer + subject), linked by an admin to one local account.</summary>
public sealed record OrganisationLogin(string Id, string Issuer, string Subject, string UserId, DateTimeOffset LinkedAt, string LinkedBy)
{
    public static string IdFor(string issuer, string subject) => $"{issuer}|{subject}";
}

public record LinkOrganisationLogin(string Issuer, string Subject);

public static class LinkOrganisationLoginEndpoint
{
    public static ProblemDetails Validate(LinkOrganisationLogin command) =>
        new Check()
            .Required("issuer", command.Issuer, 500)
            .Required("subject", command.Subject, 255)
            .That(command.Issuer is null || Uri.TryCreate(command.Issuer, UriKind.Absolute, out _), "issuer", "Een URL, zoals de provider hem in iss zet.")
            .ToProblem();

    /// <summary>Links the provider's issuer and subject to the account; the pair then signs in as this user (and no one else).</summary>
    [WolverinePost("/api/users/{name}/organisation-login", OperationId = "LinkOrganisationLogin"), Tags("Accounts"), Authorize(Policy = Policies.Admin), EndpointSummary("Link an organisation sign-in."), EndpointDescription("Links the user to their organisation (OpenID Connect) account, so they can sign in with it.")]
    public static async Task<IResult> Link(string name, LinkOrganisationLogin command, ClaimsPrincipal admin, UserDirectory users,
        IDocumentStore store, TimeProvider clock, CancellationToken ct)
    {
        if (await users.FindAsync(name, ct) is not { } account) return Results.NotFound();
        await using var session = store.LightweightSession();
        session.Store(new OrganisationLogin(OrganisationLogin.IdFor(command.Issuer, command.Subject), command.Issuer, command.Subject,
            account.Id, clock.GetUtcNow(), admin.Identity!.Name!));
        await session.SaveChangesAsync(ct);
        return Results.NoContent();
    }
}
