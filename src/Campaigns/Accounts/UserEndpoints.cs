using System.Security.Claims;
using Campaigns.Infrastructure.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Campaigns.Accounts;

public sealed record UserView(string Name, string Role, bool MustChangePassword, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? DisabledAt)
{
    public static UserView From(UserAccount u) => new(u.Name, u.Role, u.MustChangePassword, u.CreatedAt, u.CreatedBy, u.DisabledAt);
}

public sealed record TokenView(Guid Id, string? Label, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RevokedAt, string? RevokedBy);

public record AddUser(string Name, string Role);

public record ChangeUserRole(string Role);

public record IssueToken(string? Label);

/// <summary>Who am I: every signed-in user.</summary>
public static class MeEndpoint
{
    [WolverineGet("/api/me"), Tags("Accounts")]
    public static object Get(ClaimsPrincipal user) =>
        new { name = user.Identity!.Name, role = user.FindFirstValue(ClaimTypes.Role) };
}

/// <summary>Account management: admins only.</summary>
public static class UserEndpoints
{
    [WolverineGet("/api/users"), Tags("Accounts"), Authorize(Policy = Policies.Admin)]
    public static async Task<IReadOnlyList<UserView>> List(UserDirectory users, CancellationToken ct) =>
        (await users.ListAsync(ct)).Select(UserView.From).ToList();

}

public static class AddUserEndpoint
{
    public static ProblemDetails Validate(AddUser command) =>
        new Check()
            .That(Secrets.IsValidUserName(command.Name), "name", "2 tot 60 letters, cijfers, punten, streepjes of liggende streepjes.")
            .That(Roles.IsKnown(command.Role), "role", $"Een van: {string.Join(", ", Roles.All)}.")
            .ToProblem();

    /// <summary>Answers the one-time password and an API token once; only their hashes are stored.</summary>
    [WolverinePost("/api/users"), Tags("Accounts"), Authorize(Policy = Policies.Admin)]
    public static async Task<IResult> Add(AddUser command, ClaimsPrincipal admin, UserDirectory users, CancellationToken ct)
    {
        if (await users.FindAsync(command.Name, ct) is not null)
            return Results.Problem(Problems.Conflict($"Gebruiker '{command.Name}' bestaat al."));
        var credentials = await users.AddAsync(command.Name, command.Role, admin.Identity!.Name!, ct);
        return Results.Created($"/api/users/{credentials.Name}", credentials);
    }

}

public static class UserTokenQueries
{
    [WolverineGet("/api/users/{name}/tokens"), Tags("Accounts"), Authorize(Policy = Policies.Admin)]
    public static async Task<IReadOnlyList<TokenView>> Tokens(string name, UserDirectory users, CancellationToken ct) =>
        (await users.TokensAsync(name, ct)).Select(t => new TokenView(t.Id, t.Label, t.CreatedAt, t.CreatedBy, t.RevokedAt, t.RevokedBy)).ToList();

}

public static class ChangeUserRoleEndpoint
{
    public static ProblemDetails Validate(ChangeUserRole command) =>
        new Check().That(Roles.IsKnown(command.Role), "role", $"Een van: {string.Join(", ", Roles.All)}.").ToProblem();

    [WolverinePost("/api/users/{name}/role"), Tags("Accounts"), Authorize(Policy = Policies.Admin)]
    public static async Task<IResult> ChangeRole(string name, ChangeUserRole command, UserDirectory users, CancellationToken ct) =>
        await users.UpdateAsync(name, u => u with { Role = command.Role }, ct) is null ? Results.NotFound() : Results.NoContent();

}

public static class DisableUserEndpoint
{
    /// <summary>Disables sign-in and every token of the account; its history stays.</summary>
    [WolverinePost("/api/users/{name}/disable"), Tags("Accounts"), Authorize(Policy = Policies.Admin)]
    public static async Task<IResult> Disable(string name, UserDirectory users, TimeProvider clock, CancellationToken ct) =>
        await users.UpdateAsync(name, u => u with { DisabledAt = u.DisabledAt ?? clock.GetUtcNow() }, ct) is null ? Results.NotFound() : Results.NoContent();

}

public static class IssueTokenEndpoint
{
    public static ProblemDetails Validate(IssueToken command) =>
        new Check().MaxLength("label", command.Label, Check.ShortText).ToProblem();

    [WolverinePost("/api/users/{name}/tokens"), Tags("Accounts"), Authorize(Policy = Policies.Admin)]
    public static async Task<IResult> Issue(string name, IssueToken command, ClaimsPrincipal admin, UserDirectory users, CancellationToken ct) =>
        await users.IssueTokenAsync(name, command.Label, admin.Identity!.Name!, ct) is { } issued
            ? Results.Created($"/api/users/{name}/tokens", new { id = issued.Token.Id, token = issued.Secret })
            : Results.NotFound();

}

public static class RevokeTokenEndpoint
{
    /// <summary>The token stops working at once: every request looks it up.</summary>
    [WolverinePost("/api/tokens/{id}/revocation"), Tags("Accounts"), Authorize(Policy = Policies.Admin)]
    public static async Task<IResult> Revoke(Guid id, ClaimsPrincipal admin, UserDirectory users, CancellationToken ct) =>
        await users.RevokeTokenAsync(id, admin.Identity!.Name!, ct) ? Results.NoContent() : Results.NotFound();
}
