using System.Security.Claims;
using Campaigns.Accounts;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Campaigns.FollowUps;

/// <summary>
/// A user's calendar subscription secret: it opens that user's .ics feed and nothing else, so it may sit in a calendar
/// provider's settings, a proxy log or browser history without exposing an API token. One per user; renewing replaces
/// it, and the old one stops at once. Only its SHA-256 is stored; the secret is shown once, when it is made.
/// </summary>
public sealed record CalendarFeedSecret(string Id, string Hash, DateTimeOffset CreatedAt);

/// <summary>The address a calendar app subscribes to, with the secret; shown once.</summary>
public sealed record CalendarSubscription(string Url, DateTimeOffset CreatedAt);

public static class CalendarFeed
{
    public const string SecretPrefix = "cal_";

    public static string Path(string user) => $"/api/follow-ups/calendar/{Uri.EscapeDataString(user)}.ics";

    /// <summary>Makes (or renews) the caller's feed secret and answers the subscription address once.</summary>
    [WolverinePost("/api/follow-ups/calendar/secret", OperationId = "RenewCalendarSecret"), Tags("FollowUps"), Authorize(Policy = Policies.Officer), EndpointSummary("Renew my calendar feed secret."), EndpointDescription("Issues a new secret for the signed-in user's calendar feed and answers the subscription URL; the old URL stops working.")]
    public static async Task<CalendarSubscription> Renew(ClaimsPrincipal user, HttpRequest request, IDocumentStore store, TimeProvider clock, CancellationToken ct)
    {
        var (secret, created) = await RenewAsync(store, user.Identity!.Name!, clock, ct);
        return new CalendarSubscription($"{request.Scheme}://{request.Host}{Path(user.Identity!.Name!)}?token={secret}", created);
    }

    public static async Task<(string Secret, DateTimeOffset CreatedAt)> RenewAsync(IDocumentStore store, string user, TimeProvider clock, CancellationToken ct)
    {
        var secret = SecretPrefix + Secrets.NewToken()[Secrets.TokenPrefix.Length..];
        var created = clock.GetUtcNow();
        await using var session = store.LightweightSession();
        session.Store(new CalendarFeedSecret(UserAccount.IdFor(user), Secrets.HashToken(secret), created));
        await session.SaveChangesAsync(ct);
        return (secret, created);
    }

    public static async Task<CalendarFeedSecret?> CurrentAsync(IQuerySession session, string user, CancellationToken ct) =>
        await session.LoadAsync<CalendarFeedSecret>(UserAccount.IdFor(user), ct);

    /// <summary>
    /// Who may read <paramref name="feedUser"/>'s feed: with a feed secret, only that user's own (active) secret; signed
    /// in, the user themselves or a manager, and then 404 for a name that is no account and has no follow-ups. API tokens
    /// are not feed secrets. Returns the status to answer, or null.
    /// </summary>
    public static async Task<int?> RefuseAsync(string feedUser, string? token, ClaimsPrincipal caller, UserDirectory users,
        IQuerySession session, CancellationToken ct)
    {
        if (token is { Length: > 0 })
        {
            if (!token.StartsWith(SecretPrefix, StringComparison.Ordinal) || token.Length > 100) return StatusCodes.Status401Unauthorized;
            var stored = await session.Query<CalendarFeedSecret>().Where(s => s.Hash == Secrets.HashToken(token)).FirstOrDefaultAsync(ct);
            if (stored is null || stored.Id != UserAccount.IdFor(feedUser)) return StatusCodes.Status401Unauthorized;
            return await users.FindAsync(feedUser, ct) is { IsActive: true } ? null : StatusCodes.Status401Unauthorized;
        }
        if (caller.Identity?.IsAuthenticated != true) return StatusCodes.Status401Unauthorized;
        var own = string.Equals(UserAccount.IdFor(caller.Identity.Name ?? ""), UserAccount.IdFor(feedUser), StringComparison.Ordinal);
        if (!own && !caller.IsInRole(Roles.Manager) && !caller.IsInRole(Roles.Admin)) return StatusCodes.Status403Forbidden;
        // Only after the role check, so an officer cannot probe which names exist. A mistyped name answered an empty
        // feed that a calendar app would show as "no follow-ups" forever. A name without an account that has follow-ups
        // (a theme's owner is a free name) keeps its feed.
        if (await users.FindAsync(feedUser, ct) is null && !await session.Query<FollowUp>().AnyAsync(f => f.Assignee == feedUser, ct))
            return StatusCodes.Status404NotFound;
        return null;
    }

    /// <summary>The DESCRIPTION of a follow-up in the feed: its kind in Dutch, as the follow-up pages name it.</summary>
    public static string Description(FollowUp followUp) => $"Follow-up ({Web.Dutch.FollowUpKind(followUp.Kind)}) voor {followUp.Assignee}";
}
