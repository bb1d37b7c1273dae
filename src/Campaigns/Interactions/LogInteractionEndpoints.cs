using System.Security.Claims;
using Campaigns.FollowUps;
using Campaigns.Accounts;
using Campaigns.Infrastructure.Http;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.Http;

namespace Campaigns.Interactions;

public record SendLetter(
    Guid? CampaignId, IReadOnlyList<Guid>? ContactIds, IReadOnlyList<string>? Themes, IReadOnlyList<Guid>? DemandIds,
    string Subject, string? Summary, DateOnly? SentOn, string? DocumentRef, IReadOnlyList<string>? OurSide) : ILogInteraction
{
    DateOnly? ILogInteraction.HappenedOn => SentOn;
    string ILogInteraction.HappenedOnField => "sentOn";
}

public record LogMeeting(
    Guid? CampaignId, IReadOnlyList<Guid>? ContactIds, IReadOnlyList<string>? Themes, IReadOnlyList<Guid>? DemandIds,
    string Subject, string? Summary, string? Outcome, DateOnly? HeldOn, string? Location, IReadOnlyList<string>? OurSide) : ILogInteraction
{
    DateOnly? ILogInteraction.HappenedOn => HeldOn;
    string ILogInteraction.HappenedOnField => "heldOn";
}

public record LogCall(
    Guid? CampaignId, IReadOnlyList<Guid>? ContactIds, IReadOnlyList<string>? Themes, IReadOnlyList<Guid>? DemandIds,
    string Subject, string? Summary, string? Outcome, DateOnly? CalledOn, IReadOnlyList<string>? OurSide) : ILogInteraction
{
    DateOnly? ILogInteraction.HappenedOn => CalledOn;
    string ILogInteraction.HappenedOnField => "calledOn";
}

public record LogEmail(
    Guid? CampaignId, IReadOnlyList<Guid>? ContactIds, IReadOnlyList<string>? Themes, IReadOnlyList<Guid>? DemandIds,
    string Subject, string? Summary, DateOnly? SentOn, string? DocumentRef, IReadOnlyList<string>? OurSide) : ILogInteraction
{
    DateOnly? ILogInteraction.HappenedOn => SentOn;
    string ILogInteraction.HappenedOnField => "sentOn";
}

/// <summary>A hearing or rondetafelgesprek attended.</summary>
public record LogHearing(
    Guid? CampaignId, IReadOnlyList<Guid>? ContactIds, IReadOnlyList<string>? Themes, IReadOnlyList<Guid>? DemandIds,
    string Subject, string? Summary, string? Outcome, DateOnly? HeldOn, string? Location, IReadOnlyList<string>? OurSide) : ILogInteraction
{
    DateOnly? ILogInteraction.HappenedOn => HeldOn;
    string ILogInteraction.HappenedOnField => "heldOn";
}

public static class SendLetterEndpoint
{
    public static Task<ProblemDetails> ValidateAsync(SendLetter command, IQuerySession session, TimeProvider clock, CancellationToken ct) =>
        LogInteraction.ValidateAsync(command, session, clock, ct);

    [WolverinePost("/api/letters"), Tags("Interactions"), Authorize(Policy = Policies.Officer)]
    public static Task<(Created, OutgoingMessages)> Post(SendLetter command, ClaimsPrincipal user, IDocumentSession session,
        IOptions<FollowUpPolicyOptions> policies, CancellationToken ct) =>
        LogInteraction.RecordAsync<LetterSent>(command, user, session, policies.Value, ct);
}

public static class LogMeetingEndpoint
{
    public static Task<ProblemDetails> ValidateAsync(LogMeeting command, IQuerySession session, TimeProvider clock, CancellationToken ct) =>
        LogInteraction.ValidateAsync(command, session, clock, ct);

    [WolverinePost("/api/meetings"), Tags("Interactions"), Authorize(Policy = Policies.Officer)]
    public static Task<(Created, OutgoingMessages)> Post(LogMeeting command, ClaimsPrincipal user, IDocumentSession session,
        IOptions<FollowUpPolicyOptions> policies, CancellationToken ct) =>
        LogInteraction.RecordAsync<MeetingHeld>(command, user, session, policies.Value, ct);
}

public static class LogCallEndpoint
{
    public static Task<ProblemDetails> ValidateAsync(LogCall command, IQuerySession session, TimeProvider clock, CancellationToken ct) =>
        LogInteraction.ValidateAsync(command, session, clock, ct);

    [WolverinePost("/api/calls"), Tags("Interactions"), Authorize(Policy = Policies.Officer)]
    public static Task<(Created, OutgoingMessages)> Post(LogCall command, ClaimsPrincipal user, IDocumentSession session,
        IOptions<FollowUpPolicyOptions> policies, CancellationToken ct) =>
        LogInteraction.RecordAsync<CallMade>(command, user, session, policies.Value, ct);
}

public static class LogEmailEndpoint
{
    public static Task<ProblemDetails> ValidateAsync(LogEmail command, IQuerySession session, TimeProvider clock, CancellationToken ct) =>
        LogInteraction.ValidateAsync(command, session, clock, ct);

    [WolverinePost("/api/emails"), Tags("Interactions"), Authorize(Policy = Policies.Officer)]
    public static Task<(Created, OutgoingMessages)> Post(LogEmail command, ClaimsPrincipal user, IDocumentSession session,
        IOptions<FollowUpPolicyOptions> policies, CancellationToken ct) =>
        LogInteraction.RecordAsync<EmailSent>(command, user, session, policies.Value, ct);
}

public static class LogHearingEndpoint
{
    public static Task<ProblemDetails> ValidateAsync(LogHearing command, IQuerySession session, TimeProvider clock, CancellationToken ct) =>
        LogInteraction.ValidateAsync(command, session, clock, ct);

    [WolverinePost("/api/hearings"), Tags("Interactions"), Authorize(Policy = Policies.Officer)]
    public static Task<(Created, OutgoingMessages)> Post(LogHearing command, ClaimsPrincipal user, IDocumentSession session,
        IOptions<FollowUpPolicyOptions> policies, CancellationToken ct) =>
        LogInteraction.RecordAsync<HearingAttended>(command, user, session, policies.Value, ct);
}
