using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Campaigns.Infrastructure.Http;

/// <summary>
/// Stop-gap identity until accounts land (issue 8): the acting user is named in the <c>X-User</c> header.
/// It exists so that every event already records who did it; it is not a security boundary.
/// </summary>
public sealed class ActingUserAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ActingUser";
    public const string HeaderName = "X-User";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var name = Request.Headers[HeaderName].ToString().Trim();
        if (name.Length == 0) return Task.FromResult(AuthenticateResult.NoResult());
        if (name.Length > 100) return Task.FromResult(AuthenticateResult.Fail("The X-User header is longer than 100 characters."));

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}

public static class AuthenticationRegistration
{
    public static void AddCampaignsAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(ActingUserAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ActingUserAuthenticationHandler>(ActingUserAuthenticationHandler.SchemeName, null);
        services.AddAuthorization();
    }
}
