using Campaigns.Accounts;

namespace Campaigns.Interactions;

public record SendLetter(
    Guid? CampaignId, IReadOnlyList<Guid>? ContactIds, IReadOnlyList<string>? Themes, IReadOnlyList<Guid>? DemandIds,
    string Subject, string? Summary, DateOnly? SentOn, string? DocumentRef, IReadOnlyList<string>? OurSide) : ILogInteraction
{
    public Guid? InteractionId { get; init; }
    DateOnly? ILogInteraction.HappenedOn => SentOn;
    string ILogInteraction.HappenedOnField => "sentOn";
}

public record LogMeeting(
    Guid? CampaignId, IReadOnlyList<Guid>? ContactIds, IReadOnlyList<string>? Themes, IReadOnlyList<Guid>? DemandIds,
    string Subject, string? Summary, string? Outcome, DateOnly? HeldOn, string? Location, IReadOnlyList<string>? OurSide) : ILogInteraction
{
    public Guid? InteractionId { get; init; }
    DateOnly? ILogInteraction.HappenedOn => HeldOn;
    string ILogInteraction.HappenedOnField => "heldOn";
}

public record LogCall(
    Guid? CampaignId, IReadOnlyList<Guid>? ContactIds, IReadOnlyList<string>? Themes, IReadOnlyList<Guid>? DemandIds,
    string Subject, string? Summary, string? Outcome, DateOnly? CalledOn, IReadOnlyList<string>? OurSide) : ILogInteraction
{
    public Guid? InteractionId { get; init; }
    DateOnly? ILogInteraction.HappenedOn => CalledOn;
    string ILogInteraction.HappenedOnField => "calledOn";
}

public record LogEmail(
    Guid? CampaignId, IReadOnlyList<Guid>? ContactIds, IReadOnlyList<string>? Themes, IReadOnlyList<Guid>? DemandIds,
    string Subject, string? Summary, DateOnly? SentOn, string? DocumentRef, IReadOnlyList<string>? OurSide) : ILogInteraction
{
    public Guid? InteractionId { get; init; }
    DateOnly? ILogInteraction.HappenedOn => SentOn;
    string ILogInteraction.HappenedOnField => "sentOn";
}

/// <summary>A hearing or rondetafelgesprek attended.</summary>
public record LogHearing(
    Guid? CampaignId, IReadOnlyList<Guid>? ContactIds, IReadOnlyList<string>? Themes, IReadOnlyList<Guid>? DemandIds,
    string Subject, string? Summary, string? Outcome, DateOnly? HeldOn, string? Location, IReadOnlyList<string>? OurSide) : ILogInteraction
{
    public Guid? InteractionId { get; init; }
    DateOnly? ILogInteraction.HappenedOn => HeldOn;
    string ILogInteraction.HappenedOnField => "heldOn";
}

public static class SendLetterHandler
{
    public static Task<ProblemDetails> ValidateAsync(SendLetter command, IQuerySession session, TimeProvider clock, CancellationToken ct) =>
        LogInteraction.ValidateAsync(command, session, clock, ct);

    public static (CommandResult, IStartStream, OutgoingMessages) Handle(SendLetter command, Envelope envelope) =>
        LogInteraction.Start<LetterSent>(command, envelope);
}

public static class SendLetterEndpoint
{
    [WolverinePost("/api/letters"), Tags("Interactions"), Authorize(Policy = Policies.Officer)]
    public static Task<IResult> Post(SendLetter command, HttpContext http, IMessageBus bus, CancellationToken ct) =>
        bus.AnswerAsync(command, http.User, ct);
}

public static class LogMeetingHandler
{
    public static Task<ProblemDetails> ValidateAsync(LogMeeting command, IQuerySession session, TimeProvider clock, CancellationToken ct) =>
        LogInteraction.ValidateAsync(command, session, clock, ct);

    public static (CommandResult, IStartStream, OutgoingMessages) Handle(LogMeeting command, Envelope envelope) =>
        LogInteraction.Start<MeetingHeld>(command, envelope);
}

public static class LogMeetingEndpoint
{
    [WolverinePost("/api/meetings"), Tags("Interactions"), Authorize(Policy = Policies.Officer)]
    public static Task<IResult> Post(LogMeeting command, HttpContext http, IMessageBus bus, CancellationToken ct) =>
        bus.AnswerAsync(command, http.User, ct);
}

public static class LogCallHandler
{
    public static Task<ProblemDetails> ValidateAsync(LogCall command, IQuerySession session, TimeProvider clock, CancellationToken ct) =>
        LogInteraction.ValidateAsync(command, session, clock, ct);

    public static (CommandResult, IStartStream, OutgoingMessages) Handle(LogCall command, Envelope envelope) =>
        LogInteraction.Start<CallMade>(command, envelope);
}

public static class LogCallEndpoint
{
    [WolverinePost("/api/calls"), Tags("Interactions"), Authorize(Policy = Policies.Officer)]
    public static Task<IResult> Post(LogCall command, HttpContext http, IMessageBus bus, CancellationToken ct) =>
        bus.AnswerAsync(command, http.User, ct);
}

public static class LogEmailHandler
{
    public static Task<ProblemDetails> ValidateAsync(LogEmail command, IQuerySession session, TimeProvider clock, CancellationToken ct) =>
        LogInteraction.ValidateAsync(command, session, clock, ct);

    public static (CommandResult, IStartStream, OutgoingMessages) Handle(LogEmail command, Envelope envelope) =>
        LogInteraction.Start<EmailSent>(command, envelope);
}

public static class LogEmailEndpoint
{
    [WolverinePost("/api/emails"), Tags("Interactions"), Authorize(Policy = Policies.Officer)]
    public static Task<IResult> Post(LogEmail command, HttpContext http, IMessageBus bus, CancellationToken ct) =>
        bus.AnswerAsync(command, http.User, ct);
}

public static class LogHearingHandler
{
    public static Task<ProblemDetails> ValidateAsync(LogHearing command, IQuerySession session, TimeProvider clock, CancellationToken ct) =>
        LogInteraction.ValidateAsync(command, session, clock, ct);

    public static (CommandResult, IStartStream, OutgoingMessages) Handle(LogHearing command, Envelope envelope) =>
        LogInteraction.Start<HearingAttended>(command, envelope);
}

public static class LogHearingEndpoint
{
    [WolverinePost("/api/hearings"), Tags("Interactions"), Authorize(Policy = Policies.Officer)]
    public static Task<IResult> Post(LogHearing command, HttpContext http, IMessageBus bus, CancellationToken ct) =>
        bus.AnswerAsync(command, http.User, ct);
}
