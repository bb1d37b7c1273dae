using Campaigns.Accounts;
using Campaigns.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.Tests.Accounts;

public class signing_in(AppFixture fixture) : IntegrationContext(fixture)
{
    private UserDirectory Users => Host.Services.GetRequiredService<UserDirectory>();

    [Fact]
    public async Task anonymous_callers_get_401_from_the_api_and_the_login_page_for_pages()
    {
        var before = await CountEvents();
        await Scenario(x =>
        {
            x.Post.Json(new { name = "Dijkgraaf", kind = "informateur", organisation = "Tweede Kamer" }).ToUrl("/api/contacts");
            x.Anonymous();
            x.StatusCodeShouldBe(401);
        });
        await Scenario(x =>
        {
            x.Get.Url("/");
            x.Anonymous();
            x.StatusCodeShouldBe(302);
            x.Header("Location").SingleValueShouldMatch("^/login\\?ReturnUrl=%2F$|^http://[^/]+/login\\?ReturnUrl=%2F$");
        });
        Assert.Equal(before, await CountEvents());
    }

    [Fact]
    public async Task health_openapi_and_the_login_page_are_open()
    {
        await Scenario(x => { x.Get.Url("/health"); x.Anonymous(); x.StatusCodeShouldBe(200); });
        await Scenario(x => { x.Get.Url("/openapi/v1.json"); x.Anonymous(); x.StatusCodeShouldBe(200); });
        await Scenario(x => { x.Get.Url("/login"); x.Anonymous(); x.StatusCodeShouldBe(200); });
    }

    [Fact]
    public async Task an_unknown_token_gets_401()
    {
        await Scenario(x =>
        {
            x.Get.Url("/api/themes");
            x.WithRequestHeader("Authorization", "Bearer cmp_not-a-token");
            x.StatusCodeShouldBe(401);
        });
    }

    [Fact]
    public async Task a_revoked_token_gets_401()
    {
        var result = await Scenario(x =>
        {
            x.Post.Json(new { name = "piet.manager", role = "manager" }).ToUrl("/api/users");
            x.StatusCodeShouldBe(201);
        });
        var credentials = Read<NewCredentials>(await result.ReadAsTextAsync());
        Assert.Equal("manager", credentials.Role);

        var me = await Scenario(x =>
        {
            x.Get.Url("/api/me");
            x.WithRequestHeader("Authorization", $"Bearer {credentials.Token}");
            x.StatusCodeShouldBe(200);
        });
        Assert.Contains("piet.manager", await me.ReadAsTextAsync());

        await Post($"/api/tokens/{credentials.TokenId}/revocation", new { }, 204);

        await Scenario(x =>
        {
            x.Get.Url("/api/me");
            x.WithRequestHeader("Authorization", $"Bearer {credentials.Token}");
            x.StatusCodeShouldBe(401);
        });
    }

    [Fact]
    public async Task passwords_and_tokens_are_stored_only_as_hashes()
    {
        var credentials = await Users.AddAsync("kees.officer", Roles.Officer, "test");
        await using var session = Store.QuerySession();
        var account = await session.LoadAsync<UserAccount>("kees.officer");
        var token = await session.LoadAsync<ApiToken>(credentials.TokenId);

        Assert.NotNull(account!.PasswordHash);
        Assert.DoesNotContain(credentials.OneTimePassword, account.PasswordHash);
        Assert.True(account.MustChangePassword);
        Assert.Equal(Secrets.HashToken(credentials.Token), token!.Hash);
        Assert.NotEqual(credentials.Token, token.Hash);
    }

    [Fact]
    public async Task a_one_time_password_leads_to_a_new_password_and_a_cookie_that_opens_the_pages()
    {
        var credentials = await Users.AddAsync("marije.officer", Roles.Officer, "test");
        var browser = new LoginSession(Host);
        await browser.Get("/login?returnUrl=/follow-ups");

        var choose = await browser.Post("/login", new() { ["userName"] = "marije.officer", ["password"] = credentials.OneTimePassword, ["returnUrl"] = "/follow-ups" }, 200);
        Assert.Contains("nieuw wachtwoord", await choose.ReadAsTextAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.False(browser.Has(AccountsSetup.CookieName));

        var signedIn = await browser.Post("/login/password", new()
        {
            ["userName"] = "marije.officer", ["currentPassword"] = credentials.OneTimePassword,
            ["newPassword"] = "een lang nieuw wachtwoord", ["confirmation"] = "een lang nieuw wachtwoord", ["returnUrl"] = "/follow-ups"
        }, 302);
        Assert.Equal("/follow-ups", signedIn.Context.Response.Headers.Location.ToString());
        Assert.True(browser.Has(AccountsSetup.CookieName));

        var page = await browser.Get("/follow-ups");
        Assert.Contains("marije.officer", await page.ReadAsTextAsync());

        // The one-time password no longer works; the new one does, without another change. (A fresh form: an
        // antiforgery token belongs to the identity it was issued to.)
        await browser.Get("/login");
        await browser.Post("/login", new() { ["userName"] = "marije.officer", ["password"] = credentials.OneTimePassword }, 401);
        await browser.Post("/login", new() { ["userName"] = "marije.officer", ["password"] = "een lang nieuw wachtwoord" }, 302);
    }

    [Fact]
    public async Task the_sign_in_cookie_does_not_open_the_api_a_bearer_token_does()
    {
        var admin = await Users.AddAsync("ria.admin", Roles.Admin, "test");
        await Users.AddAsync("kees.officer", Roles.Officer, "test");
        var browser = new LoginSession(Host);
        await browser.Get("/login");
        await browser.Post("/login", new() { ["userName"] = "ria.admin", ["password"] = admin.OneTimePassword }, 200);
        await browser.Post("/login/password", new()
        {
            ["userName"] = "ria.admin", ["currentPassword"] = admin.OneTimePassword,
            ["newPassword"] = "een lang nieuw wachtwoord", ["confirmation"] = "een lang nieuw wachtwoord"
        }, 302);
        Assert.True(browser.Has(AccountsSetup.CookieName));
        await browser.Get("/follow-ups");

        // A body-less POST riding on the cookie (what a forged form or link would send) changes nothing.
        await browser.Get("/api/me", 401);
        await Host.Scenario(x =>
        {
            x.Post.Url("/api/users/kees.officer/disable");
            x.Anonymous();
            x.WithRequestHeader("Cookie", browser.CookieHeader);
            x.StatusCodeShouldBe(401);
        });
        Assert.True((await Users.FindAsync("kees.officer"))!.IsActive);

        // The admin's API token does the same.
        await Host.Scenario(x =>
        {
            x.Post.Url("/api/users/kees.officer/disable");
            x.WithRequestHeader("Authorization", "Bearer " + admin.Token);
            x.StatusCodeShouldBe(204);
        });
        Assert.False((await Users.FindAsync("kees.officer"))!.IsActive);
    }

    [Fact]
    public async Task a_login_form_posted_without_its_antiforgery_token_is_refused()
    {
        var credentials = await Users.AddAsync("sanne.officer", Roles.Officer, "test");
        var browser = new LoginSession(Host);
        await browser.Get("/login");

        await browser.Post("/login", new() { ["userName"] = "sanne.officer", ["password"] = credentials.OneTimePassword }, 400, withToken: false);
        Assert.False(browser.Has(AccountsSetup.CookieName));
    }

    [Fact]
    public async Task login_attempts_are_limited_per_user_name()
    {
        var browser = new LoginSession(Host);
        await browser.Get("/login");
        for (var attempt = 1; attempt <= 5; attempt++)
            await browser.Post("/login", new() { ["userName"] = "mallory", ["password"] = $"guess {attempt}" }, 401);

        var refused = await browser.Post("/login", new() { ["userName"] = "mallory", ["password"] = "guess 6" }, 429);
        Assert.True(refused.Context.Response.Headers.ContainsKey("Retry-After"));
        // Another user name from the same address may still try.
        await browser.Post("/login", new() { ["userName"] = "someone.else", ["password"] = "guess" }, 401);
    }

    [Fact]
    public async Task pages_carry_the_security_headers()
    {
        var result = await Scenario(x => { x.Get.Url("/login"); x.Anonymous(); x.StatusCodeShouldBe(200); });
        var headers = result.Context.Response.Headers;
        var csp = headers.ContentSecurityPolicy.ToString();
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", headers.XContentTypeOptions.ToString());
    }
}
