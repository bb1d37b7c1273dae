using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Campaigns.Accounts;

/// <summary>
/// <c>Authorization: Bearer cmp_…</c>: the token's SHA-256 is looked up on every request, so a revocation takes
/// effect at once. ASP.NET Core has no API-key handler of its own.
/// </summary>
public sealed class BearerTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, UserDirectory users)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";
    public const string TokenIdClaim = "campaigns:token-id";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var secret = header["Bearer ".Length..].Trim();
        if (secret.Length is 0 or > 200) return AuthenticateResult.Fail("Malformed bearer token.");

        var found = await users.FindByTokenAsync(secret, Context.RequestAborted);
        if (found is not { } pair) return AuthenticateResult.Fail("Unknown or revoked token.");

        var principal = Principal.For(pair.Account, SchemeName, new Claim(TokenIdClaim, pair.Token.Id.ToString()));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}

public static class Principal
{
    public const string StampClaim = "campaigns:stamp";

    /// <summary>The acting user: <c>Identity.Name</c> is what Wolverine relays into Marten's user-name metadata.</summary>
    public static ClaimsPrincipal For(UserAccount account, string scheme, params Claim[] extra)
    {
        Claim[] claims = [new(ClaimTypes.Name, account.Name), new(ClaimTypes.Role, account.Role), .. extra];
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }
}
