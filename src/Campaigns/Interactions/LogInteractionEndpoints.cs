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
    [WolverinePost("/api/letters", OperationId = "SendLetter"), Tags("Interactions"), Authorize(Policy = Policies.Officer), EndpointSummary("Log a letter."), EndpointDescription("Records a letter sent to contacts, e.g. the formation letter to the informateurs, with its themes, campaign and demands. Answers 201 with the contact moment's location.")]
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
    [WolverinePost("/api/meetings", OperationId = "LogMeeting"), Tags("Interactions"), Authorize(Policy = Policies.Officer), EndpointSummary("Log a meeting."), EndpointDescription("Records a meeting held with contacts, e.g. with a Kamerlid, with subject, outcome, place and date. Answers 201 with the contact moment's location and its log position in Campaigns-Position.")]
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
    [WolverinePost("/api/calls", OperationId = "LogCall"), Tags("Interactions"), Authorize(Policy = Policies.Officer), EndpointSummary("Log a phone call."), EndpointDescription("Records a phone call with contacts, with subject, outcome and date. Answers 201 with the contact moment's location.")]
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
    [WolverinePost("/api/emails", OperationId = "LogEmail"), Tags("Interactions"), Authorize(Policy = Policies.Officer), EndpointSummary("Log an e-mail."), EndpointDescription("Records an e-mail sent to contacts, with its themes, campaign and demands. Answers 201 with the contact moment's location.")]
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
    [WolverinePost("/api/hearings", OperationId = "LogHearing"), Tags("Interactions"), Authorize(Policy = Policies.Officer), EndpointSummary("Log a hearing."), EndpointDescription("Records a hearing or rondetafelgesprek attended, with subject, outcome, place and date. Answers 201 with the contact moment's location.")]
    public static Task<IResult> Post(LogHearing command, HttpContext http, IMessageBus bus, CancellationToken ct) =>
        bus.AnswerAsync(command, http.User, ct);
}
