using Campaigns.Accounts;
using Campaigns.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Campaigns.Tests.Accounts;

/// <summary>
/// OpenID Connect is off unless configured. With an authority set, the login page offers it and the challenge goes to the
/// provider with the code flow and PKCE. (No provider runs here: its metadata is given instead of fetched.)
/// </summary>
public class signing_in_through_the_organisation() : OwnDatabaseTests("campaigns_oidc")
{
    private const string Authority = "https://idp.example.test";

    [Fact]
    public async Task off_by_default_the_login_page_offers_only_passwords()
    {
        await using var host = await AppFixture.StartHostAsync(ConnectionString);

        var login = await host.Scenario(x => { x.Get.Url("/login"); x.Anonymous(); });
        Assert.DoesNotContain("Inloggen via je organisatie", await login.ReadAsTextAsync());
        var organisation = await host.Scenario(x => { x.Get.Url(OrganisationSignIn.Path); x.Anonymous(); x.IgnoreStatusCode(); });
        Assert.DoesNotContain(Authority, organisation.Context.Response.Headers.Location.ToString());
    }

    [Fact]
    public async Task configured_it_sends_the_user_to_the_provider_with_the_code_flow()
    {
        await using var host = await AppFixture.StartHostAsync(ConnectionString,
            configureServices: services => services.PostConfigure<OpenIdConnectOptions>(OrganisationSignIn.Scheme, o =>
                o.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(
                    new OpenIdConnectConfiguration { Issuer = Authority, AuthorizationEndpoint = Authority + "/authorize" })),
            settings: new Dictionary<string, string>
            {
                ["Campaigns:Oidc:Authority"] = Authority,
                ["Campaigns:Oidc:ClientId"] = "campaigns",
                ["Campaigns:Oidc:ClientSecret"] = "not-a-real-secret"
            });

        var login = await host.Scenario(x => { x.Get.Url("/login?returnUrl=/follow-ups"); x.Anonymous(); });
        Assert.Contains("href=\"/login/organisatie?returnUrl=%2Ffollow-ups\"", await login.ReadAsTextAsync());

        var challenge = await host.Scenario(x =>
        {
            x.Get.Url("/login/organisatie?returnUrl=/follow-ups");
            x.Anonymous();
            x.StatusCodeShouldBe(302);
        });
        var location = challenge.Context.Response.Headers.Location.ToString();
        Assert.StartsWith(Authority + "/authorize?", location);
        Assert.Contains("client_id=campaigns", location);
        Assert.Contains("response_type=code", location);
        Assert.Contains("code_challenge_method=S256", location);
        Assert.Contains(Uri.EscapeDataString("/login/organisatie/callback"), location);
    }
}
