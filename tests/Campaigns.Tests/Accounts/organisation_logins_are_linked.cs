using Campaigns.Accounts;
using Campaigns.Tests.Infrastructure;

namespace Campaigns.Tests.Accounts;

/// <summary>
/// An organisation sign-in is matched on the provider's issuer and subject, which an admin links to a local account
/// once; a user name in the token (<c>preferred_username</c>, editable at many providers) opens nothing.
/// </summary>
public class organisation_logins_are_linked(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Issuer = "https://idp.example.test", Subject = "248289761001";

    [Fact]
    public async Task only_the_linked_issuer_and_subject_sign_in_as_the_account()
    {
        await BearerFor("jan.devries", Roles.Officer);
        // Nothing is linked yet: not even a subject equal to the user name gets in.
        Assert.Null(await OrganisationSignIn.FindAccountAsync(Store, Issuer, Subject, CancellationToken.None));
        Assert.Null(await OrganisationSignIn.FindAccountAsync(Store, Issuer, "jan.devries", CancellationToken.None));

        var officer = await BearerFor("piet.officer", Roles.Officer);
        await Scenario(x =>
        {
            x.Post.Json(new { issuer = Issuer, subject = Subject }).ToUrl("/api/users/jan.devries/organisation-login");
            x.WithRequestHeader("Authorization", officer);
            x.StatusCodeShouldBe(403);
        });
        await Post("/api/users/jan.devries/organisation-login", new { issuer = Issuer, subject = Subject }, 204);

        Assert.Equal("jan.devries", (await OrganisationSignIn.FindAccountAsync(Store, Issuer, Subject, CancellationToken.None))?.Name);
        Assert.Null(await OrganisationSignIn.FindAccountAsync(Store, "https://other-idp.example.test", Subject, CancellationToken.None));
        Assert.Null(await OrganisationSignIn.FindAccountAsync(Store, Issuer, Subject + "0", CancellationToken.None));
        Assert.Null(await OrganisationSignIn.FindAccountAsync(Store, Issuer, null, CancellationToken.None));

        // A disabled account no longer signs in, linked or not.
        await Post("/api/users/jan.devries/disable", new { }, 204);
        Assert.Null(await OrganisationSignIn.FindAccountAsync(Store, Issuer, Subject, CancellationToken.None));
    }

    [Fact]
    public async Task a_link_needs_an_issuer_url_a_subject_and_a_known_user()
    {
        var bad = await Post("/api/users/jan.devries/organisation-login", new { issuer = "geen url", subject = "" }, 400);
        var text = await bad.ReadAsTextAsync();
        Assert.Contains("\"issuer\"", text);
        Assert.Contains("\"subject\"", text);
        await Post("/api/users/niemand/organisation-login", new { issuer = Issuer, subject = Subject }, 404);
    }
}
