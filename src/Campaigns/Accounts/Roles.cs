using Microsoft.AspNetCore.Authorization;

namespace Campaigns.Accounts;

/// <summary>The three roles of the team. Each includes everything the one before it may do.</summary>
public static class Roles
{
    public const string Officer = "officer";
    public const string Manager = "manager";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Officer, Manager, Admin];

    public static bool IsKnown(string? role) => role is not null && All.Contains(role);
}

/// <summary>
/// Authorisation policies, named after the least role that passes. Endpoints carry them as
/// <c>[Authorize(Policy = Policies.Manager)]</c>; reads need only a signed-in user.
/// </summary>
public static class Policies
{
    /// <summary>Log interactions, register contacts and change their roles, manage one's own follow-ups.</summary>
    public const string Officer = "officer";

    /// <summary>Also campaigns, demands and themes; scoreboard, coverage and audit.</summary>
    public const string Manager = "manager";

    /// <summary>Also users, tokens and forgetting persons.</summary>
    public const string Admin = "admin";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Officer, p => p.RequireAuthenticatedUser().RequireRole(Roles.Officer, Roles.Manager, Roles.Admin));
        options.AddPolicy(Manager, p => p.RequireAuthenticatedUser().RequireRole(Roles.Manager, Roles.Admin));
        options.AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin));
        // Every route not marked otherwise (pages, unknown paths) needs a signed-in user; /health, /openapi,
        // /scalar and the login page opt out with AllowAnonymous.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }
}
