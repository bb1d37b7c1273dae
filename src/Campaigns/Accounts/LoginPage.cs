using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Campaigns.Accounts;

public sealed record LoginForm(string? UserName, string? Password, string? ReturnUrl)
{
    public static LoginForm From(IFormCollection form) => new(form["userName"], form["password"], form["returnUrl"]);
}

public sealed record ChangePasswordForm(string? UserName, string? CurrentPassword, string? NewPassword, string? Confirmation, string? ReturnUrl)
{
    public static ChangePasswordForm From(IFormCollection form) =>
        new(form["userName"], form["currentPassword"], form["newPassword"], form["confirmation"], form["returnUrl"]);
}

/// <summary>
/// The sign-in page: a plain form, no scripts or inline styles (the CSP forbids them), antiforgery on every post.
/// Self-contained, so that the web pages can restyle or replace it without touching the sign-in logic.
/// </summary>
public static class LoginPage
{
    public static void MapCampaignsLogin(this IEndpointRouteBuilder app)
    {
        app.MapGet(AccountsSetup.LoginPath, (HttpContext context, IAntiforgery antiforgery, string? returnUrl) =>
                Page(LoginHtml(context, Token(context, antiforgery), SafeReturnUrl(returnUrl), null), StatusCodes.Status200OK))
            .AllowAnonymous().ExcludeFromDescription();

        // A minimal API that binds the form validates the antiforgery token (app.UseAntiforgery): a post without it gets 400.
        app.MapPost(AccountsSetup.LoginPath, async (IFormCollection fields, HttpContext context, IAntiforgery antiforgery, UserDirectory users) =>
            {
                var form = LoginForm.From(fields);
                var returnUrl = SafeReturnUrl(form.ReturnUrl);
                var account = form.UserName is { Length: > 0 } name && form.Password is { Length: > 0 } password
                    ? await users.VerifyPasswordAsync(name, password, context.RequestAborted)
                    : null;
                if (account is null)
                    return Page(LoginHtml(context, Token(context, antiforgery), returnUrl, "Onbekende gebruikersnaam of onjuist wachtwoord."),
                        StatusCodes.Status401Unauthorized);
                if (account.MustChangePassword)
                    return Page(ChangePasswordHtml(Token(context, antiforgery), account.Name, returnUrl, null), StatusCodes.Status200OK);

                await SignInAsync(context, account);
                return Results.LocalRedirect(returnUrl);
            })
            .AllowAnonymous().ExcludeFromDescription();

        app.MapPost(AccountsSetup.LoginPath + "/password", async (IFormCollection fields, HttpContext context, IAntiforgery antiforgery, UserDirectory users) =>
            {
                var form = ChangePasswordForm.From(fields);
                var returnUrl = SafeReturnUrl(form.ReturnUrl);
                var name = form.UserName ?? "";
                string? problem = null;
                if (form.NewPassword is not { Length: >= UserDirectory.MinimumPasswordLength })
                    problem = $"Kies een wachtwoord van minstens {UserDirectory.MinimumPasswordLength} tekens.";
                else if (form.NewPassword != form.Confirmation)
                    problem = "De twee nieuwe wachtwoorden verschillen.";
                else if (form.NewPassword == form.CurrentPassword)
                    problem = "Kies een ander wachtwoord dan het huidige.";
                if (problem is not null)
                    return Page(ChangePasswordHtml(Token(context, antiforgery), name, returnUrl, problem), StatusCodes.Status400BadRequest);

                var account = await users.ChangePasswordAsync(name, form.CurrentPassword ?? "", form.NewPassword!, context.RequestAborted);
                if (account is null)
                    return Page(ChangePasswordHtml(Token(context, antiforgery), name, returnUrl, "Het huidige wachtwoord klopt niet."),
                        StatusCodes.Status401Unauthorized);
                await SignInAsync(context, account);
                return Results.LocalRedirect(returnUrl);
            })
            .AllowAnonymous().ExcludeFromDescription();

        app.MapPost("/logout", async (IFormCollection _, HttpContext context) =>
            {
                await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                return Results.LocalRedirect(AccountsSetup.LoginPath);
            })
            .ExcludeFromDescription();
    }

    private static Task SignInAsync(HttpContext context, UserAccount account) =>
        context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            Principal.For(account, CookieAuthenticationDefaults.AuthenticationScheme, new Claim(Principal.StampClaim, account.SecurityStamp)));

    /// <summary>Only a path on this site: an absolute or protocol-relative URL would be an open redirect.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";

    private static string Token(HttpContext context, IAntiforgery antiforgery) => antiforgery.GetAndStoreTokens(context).RequestToken!;

    private static IResult Page(string html, int status) => Results.Content(html, "text/html; charset=utf-8", statusCode: status);

    private static string E(string? value) => HtmlEncoder.Default.Encode(value ?? "");

    private static string Error(string? message) => message is null ? "" : $"""<p role="alert">{E(message)}</p>""";

    private static string LoginHtml(HttpContext context, string token, string returnUrl, string? error) => Layout("Inloggen", $"""
        <h1>Inloggen</h1>
        {Error(error)}
        <form method="post" action="{AccountsSetup.LoginPath}">
          <input type="hidden" name="__RequestVerificationToken" value="{E(token)}">
          <input type="hidden" name="returnUrl" value="{E(returnUrl)}">
          <p><label for="userName">Gebruikersnaam</label><br><input id="userName" name="userName" autocomplete="username" required maxlength="60" autofocus></p>
          <p><label for="password">Wachtwoord</label><br><input id="password" name="password" type="password" autocomplete="current-password" required maxlength="200"></p>
          <p><button type="submit" class="primary">Inloggen</button></p>
        </form>
        {OrganisationLink(context, returnUrl)}
        """);

    /// <summary>Shown only when an identity provider is configured (Campaigns:Oidc).</summary>
    private static string OrganisationLink(HttpContext context, string returnUrl) =>
        OrganisationSignIn.IsConfigured(context.RequestServices.GetRequiredService<IConfiguration>())
            ? $"""<p><a href="{OrganisationSignIn.Path}?returnUrl={Uri.EscapeDataString(returnUrl)}">Inloggen via je organisatie</a></p>"""
            : "";

    private static string ChangePasswordHtml(string token, string userName, string returnUrl, string? error) => Layout("Nieuw wachtwoord", $"""
        <h1>Kies een nieuw wachtwoord</h1>
        <p>Je hebt ingelogd met een eenmalig wachtwoord. Kies een eigen wachtwoord van minstens {UserDirectory.MinimumPasswordLength} tekens.</p>
        {Error(error)}
        <form method="post" action="{AccountsSetup.LoginPath}/password">
          <input type="hidden" name="__RequestVerificationToken" value="{E(token)}">
          <input type="hidden" name="returnUrl" value="{E(returnUrl)}">
          <input type="hidden" name="userName" value="{E(userName)}">
          <p><label for="currentPassword">Eenmalig wachtwoord</label><br><input id="currentPassword" name="currentPassword" type="password" autocomplete="current-password" required maxlength="200"></p>
          <p><label for="newPassword">Nieuw wachtwoord</label><br><input id="newPassword" name="newPassword" type="password" autocomplete="new-password" required minlength="{UserDirectory.MinimumPasswordLength}" maxlength="200"></p>
          <p><label for="confirmation">Nogmaals</label><br><input id="confirmation" name="confirmation" type="password" autocomplete="new-password" required maxlength="200"></p>
          <p><button type="submit" class="primary">Opslaan en inloggen</button></p>
        </form>
        """);

    private static string Layout(string title, string body) => $"""
        <!doctype html>
        <html lang="nl">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{E(title)} · Campagnes</title>
        <link rel="stylesheet" href="/css/site.css"><link rel="stylesheet" href="/css/manager.css"></head>
        <body>
        <header class="top"><span class="brand">Campagnes</span></header>
        <main id="main" class="login panel">
        {body}
        </main></body>
        </html>
        """;
}
