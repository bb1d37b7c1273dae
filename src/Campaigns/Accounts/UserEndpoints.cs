using System.Security.Claims;

namespace Campaigns.Accounts;

public sealed record UserView(string Name, string Role, bool MustChangePassword, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? DisabledAt)
{
    public static UserView From(UserAccount u) => new(u.Name, u.Role, u.MustChangePassword, u.CreatedAt, u.CreatedBy, u.DisabledAt);
}

public sealed record TokenView(Guid Id, string? Label, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RevokedAt, string? RevokedBy);

/// <summary>What an admin is shown once after issuing a token: its id and the secret.</summary>
public sealed record IssuedToken(Guid Id, string Token) : Infrastructure.Commands.IShownOnce;

/// <summary>Who am I: every signed-in user.</summary>
public static class MeEndpoint
{
    [WolverineGet("/api/me", OperationId = "GetMe"), Tags("Accounts"), EndpointSummary("Read the signed-in user."), EndpointDescription("Returns the signed-in user's name and role.")]
    public static object Get(ClaimsPrincipal user) =>
        new { name = user.Identity!.Name, role = user.FindFirstValue(ClaimTypes.Role) };
}

/// <summary>Account management: admins only.</summary>
public static class UserEndpoints
{
    [WolverineGet("/api/users", OperationId = "ListUsers"), Tags("Accounts"), Authorize(Policy = Policies.Admin), EndpointSummary("List the users."), EndpointDescription("Returns every user account with role and status.")]
    public static async Task<IReadOnlyList<UserView>> List(UserDirectory users, CancellationToken ct) =>
        (await users.ListAsync(ct)).Select(UserView.From).ToList();

    [WolverineGet("/api/users/{name}/tokens", OperationId = "ListTokens"), Tags("Accounts"), Authorize(Policy = Policies.Admin), ProducesResponseType<IReadOnlyList<TokenView>>(StatusCodes.Status200OK), EndpointSummary("List a user's API tokens."), EndpointDescription("Returns the user's API tokens: id, label, created, expiry and revocation. Never the secret. 404 when there is no such user.")]
    public static async Task<IResult> Tokens(string name, UserDirectory users, IQuerySession session, CancellationToken ct)
    {
        var tokens = (await users.TokensAsync(name, ct)).Select(t => new TokenView(t.Id, t.Label, t.CreatedAt, t.CreatedBy, t.RevokedAt, t.RevokedBy)).ToList();
        // No tokens may mean no such user: that is a 404, not an empty list.
        return tokens.Count == 0 && await FindAsync(session, name, ct) is null ? Results.Problem(Unknown(name)) : Results.Ok(tokens);
    }

    /// <summary>Accounts are documents, not streams: a refusal or change names the account, not a stream id.</summary>
    internal static ProblemDetails Unknown(string name) => Problems.NotFound($"Gebruiker '{name}' bestaat niet.");

    internal static Task<UserAccount?> FindAsync(IQuerySession session, string? name, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(name) ? Task.FromResult<UserAccount?>(null) : session.LoadAsync<UserAccount>(UserAccount.IdFor(name), ct);
}

public record AddUser(string Name, string Role);

public static class AddUserHandler
{
    public static async Task<ProblemDetails> ValidateAsync(AddUser command, IQuerySession session, CancellationToken ct)
    {
        var check = new Check()
            .That(Secrets.IsValidUserName(command.Name), "name", "2 tot 60 letters, cijfers, punten, streepjes of liggende streepjes.")
            .That(Roles.IsKnown(command.Role), "role", $"Een van: {string.Join(", ", Roles.All)}.");
        if (!check.IsValid) return check.ToProblem();
        return await UserEndpoints.FindAsync(session, command.Name, ct) is null
            ? WolverineContinue.NoProblems
            : Problems.Conflict($"Gebruiker '{command.Name}' bestaat al.", "name");
    }

    /// <summary>Answers the one-time password and an API token once; only their hashes are stored.</summary>
    public static CommandResult Handle(AddUser command, IDocumentSession session, Envelope envelope, TimeProvider clock)
    {
        var (account, token, credentials) = UserDirectory.NewAccount(command.Name, command.Role, envelope.UserName!, clock.GetUtcNow());
        // Insert, not Store: a second account with the same name fails instead of overwriting the first.
        session.Insert(account);
        session.Insert(token);
        return new CommandResult { Location = $"/api/users/{credentials.Name}", Details = credentials };
    }
}

public static class AddUserEndpoint
{
    [WolverinePost("/api/users", OperationId = "AddUser"), Tags("Accounts"), Authorize(Policy = Policies.Admin), EndpointSummary("Add a user."), EndpointDescription("Adds a user account with a role (officer, manager, admin).")]
    public static Task<IResult> Add(AddUser command, HttpContext http, IMessageBus bus, CancellationToken ct) =>
        bus.AnswerAsync(command, http.User, ct);
}

/// <summary>The account comes from the route.</summary>
public record ChangeUserRole(string Role)
{
    public string UserName { get; init; } = "";
}

public static class ChangeUserRoleHandler
{
    public static async Task<ProblemDetails> ValidateAsync(ChangeUserRole command, IQuerySession session, Envelope envelope, CancellationToken ct)
    {
        if (await UserEndpoints.FindAsync(session, command.UserName, ct) is null) return UserEndpoints.Unknown(command.UserName);
        var check = new Check().That(Roles.IsKnown(command.Role), "role", $"Een van: {string.Join(", ", Roles.All)}.");
        if (!check.IsValid) return check.ToProblem();
        // An admin who demotes themselves could leave nobody to manage accounts.
        return UserAccount.IdFor(command.UserName) == UserAccount.IdFor(envelope.UserName ?? "") && command.Role != Roles.Admin
            ? Problems.Conflict("Je kunt je eigen rol niet wijzigen; vraag een andere beheerder.")
            : WolverineContinue.NoProblems;
    }

    /// <summary>A new security stamp ends the account's cookie sessions, so the new role applies at once.</summary>
    public static async Task<CommandResult> Handle(ChangeUserRole command, IDocumentSession session, CancellationToken ct)
    {
        var account = (await session.LoadAsync<UserAccount>(UserAccount.IdFor(command.UserName), ct))!;
        session.Store(account with { Role = command.Role, SecurityStamp = Secrets.NewStamp() });
        return new CommandResult();
    }
}

public static class ChangeUserRoleEndpoint
{
    [WolverinePost("/api/users/{name}/role", OperationId = "ChangeUserRole"), Tags("Accounts"), Authorize(Policy = Policies.Admin), EndpointSummary("Change a user's role."), EndpointDescription("Records the user's new role; it applies from their next request.")]
    public static Task<IResult> ChangeRole(string name, ChangeUserRole command, HttpContext http, IMessageBus bus, CancellationToken ct) =>
        bus.AnswerAsync(command with { UserName = name }, http.User, ct);
}

/// <summary>Disables sign-in and every token of the account; its history stays.</summary>
public record DisableUser
{
    public string UserName { get; init; } = "";
}

public static class DisableUserHandler
{
    public static async Task<ProblemDetails> ValidateAsync(DisableUser command, IQuerySession session, Envelope envelope, CancellationToken ct)
    {
        if (await UserEndpoints.FindAsync(session, command.UserName, ct) is null) return UserEndpoints.Unknown(command.UserName);
        return UserAccount.IdFor(command.UserName) == UserAccount.IdFor(envelope.UserName ?? "")
            ? Problems.Conflict("Je kunt je eigen account niet uitschakelen; vraag een andere beheerder.")
            : WolverineContinue.NoProblems;
    }

    public static async Task<CommandResult> Handle(DisableUser command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var account = (await session.LoadAsync<UserAccount>(UserAccount.IdFor(command.UserName), ct))!;
        session.Store(account with { DisabledAt = account.DisabledAt ?? clock.GetUtcNow(), SecurityStamp = Secrets.NewStamp() });
        return new CommandResult();
    }
}

public static class DisableUserEndpoint
{
    [WolverinePost("/api/users/{name}/disable", OperationId = "DisableUser"), Tags("Accounts"), Authorize(Policy = Policies.Admin), EndpointSummary("Disable a user."), EndpointDescription("Disables the account: its sessions and tokens stop working at once.")]
    public static Task<IResult> Disable(string name, HttpContext http, IMessageBus bus, CancellationToken ct) =>
        bus.AnswerAsync(new DisableUser { UserName = name }, http.User, ct);
}

/// <summary>The account comes from the route.</summary>
public record IssueToken(string? Label)
{
    public string UserName { get; init; } = "";
}

public static class IssueTokenHandler
{
    public static async Task<ProblemDetails> ValidateAsync(IssueToken command, IQuerySession session, CancellationToken ct)
    {
        if (await UserEndpoints.FindAsync(session, command.UserName, ct) is null) return UserEndpoints.Unknown(command.UserName);
        return new Check().MaxLength("label", command.Label, Check.ShortText).ToProblem();
    }

    /// <summary>The secret is answered once; only its hash is stored.</summary>
    public static async Task<CommandResult> Handle(IssueToken command, IDocumentSession session, Envelope envelope, TimeProvider clock, CancellationToken ct)
    {
        var account = (await session.LoadAsync<UserAccount>(UserAccount.IdFor(command.UserName), ct))!;
        var label = string.IsNullOrWhiteSpace(command.Label) ? null : command.Label.Trim();
        var (token, secret) = UserDirectory.NewToken(account, label, envelope.UserName!, clock.GetUtcNow());
        session.Insert(token);
        return new CommandResult { Location = $"/api/users/{account.Name}/tokens", Details = new IssuedToken(token.Id, secret) };
    }
}

public static class IssueTokenEndpoint
{
    [WolverinePost("/api/users/{name}/tokens", OperationId = "IssueToken"), Tags("Accounts"), Authorize(Policy = Policies.Admin), EndpointSummary("Issue an API token."), EndpointDescription("Issues a bearer token for the user. The secret (`cmp_…`) is in this answer only and never stored; send it as `Authorization: Bearer`.")]
    public static Task<IResult> Issue(string name, IssueToken command, HttpContext http, IMessageBus bus, CancellationToken ct) =>
        bus.AnswerAsync(command with { UserName = name }, http.User, ct);
}

/// <summary>The token stops working at once: every request looks it up.</summary>
public record RevokeToken
{
    public Guid TokenId { get; init; }
}

public static class RevokeTokenHandler
{
    public static async Task<ProblemDetails> ValidateAsync(RevokeToken command, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<ApiToken>(command.TokenId, ct) is null
            ? Problems.NotFound("Deze token bestaat niet.")
            : WolverineContinue.NoProblems;

    /// <summary>Revoking twice keeps the first revocation.</summary>
    public static async Task<CommandResult> Handle(RevokeToken command, IDocumentSession session, Envelope envelope, TimeProvider clock, CancellationToken ct)
    {
        var token = (await session.LoadAsync<ApiToken>(command.TokenId, ct))!;
        if (!token.IsRevoked) session.Store(token with { RevokedAt = clock.GetUtcNow(), RevokedBy = envelope.UserName });
        return new CommandResult();
    }
}

public static class RevokeTokenEndpoint
{
    [WolverinePost("/api/tokens/{id}/revocation", OperationId = "RevokeToken"), Tags("Accounts"), Authorize(Policy = Policies.Admin), EndpointSummary("Revoke an API token."), EndpointDescription("Revokes the token: it stops working at once.")]
    public static Task<IResult> Revoke(Guid id, HttpContext http, IMessageBus bus, CancellationToken ct) =>
        bus.AnswerAsync(new RevokeToken { TokenId = id }, http.User, ct);
}
