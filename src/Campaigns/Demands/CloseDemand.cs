namespace Campaigns.Demands;

/// <summary>When and why a demand was closed without adoption: the body of a rejection and of a withdrawal, and the demo data's steps.</summary>
public record CloseDemand(DateOnly? OccurredOn, string? Note);

/// <summary>The demand comes from the route in the API; the expected version from <c>If-Match</c>, or the version a form was read at.</summary>
public record RejectDemand(DateOnly? OccurredOn, string? Note)
{
    public Guid DemandId { get; init; }
    public long? ExpectedVersion { get; init; }
}

/// <summary>The team drops its own demand.</summary>
public record WithdrawDemand(DateOnly? OccurredOn, string? Note)
{
    public Guid DemandId { get; init; }
    public long? ExpectedVersion { get; init; }
}

internal static class CloseDemandRules
{
    /// <summary>The same checks for both ways of closing; <paramref name="rule"/> is the lifecycle's refusal, if any.</summary>
    public static ProblemDetails Refusal(DateOnly? occurredOn, string? note, long? expectedVersion, IEventStream<Demand> stream,
        Func<Demand, string?> rule, TimeProvider clock)
    {
        if (stream.Aggregate is not { } demand) return Problems.NotFound("Deze wens bestaat niet.");
        var check = new Check()
            .HappenedBy("occurredOn", occurredOn, clock.GetUtcNow())
            .NotBeforeFormulated("occurredOn", occurredOn, demand)
            .MaxLength("note", note, Check.LongText);
        if (!check.IsValid) return check.ToProblem();
        return rule(demand) is { } refusal ? Problems.Conflict(refusal) : CommandBus.Unchanged(expectedVersion, stream);
    }
}

public static class RejectDemandHandler
{
    public static ProblemDetails Validate(RejectDemand command, IEventStream<Demand> stream, TimeProvider clock) =>
        CloseDemandRules.Refusal(command.OccurredOn, command.Note, command.ExpectedVersion, stream, DemandRules.CanReject, clock);

    public static (CommandResult, Events) Handle(RejectDemand command, [WriteAggregate] IEventStream<Demand> stream) =>
        (CommandResult.Changed(command.DemandId), [Decide(command, stream.Aggregate!)]);

    public static DemandRejected Decide(RejectDemand command, Demand demand) =>
        new(demand.Id, demand.CampaignId, demand.Theme, command.OccurredOn!.Value, Check.Blank(command.Note));
}

public static class RejectDemandEndpoint
{
    [WolverinePost("/api/demands/{id}/rejection", OperationId = "RejectDemand"), Tags("Demands"), Authorize(Policy = Policies.Manager), EndpointSummary("Record that a demand was rejected."), EndpointDescription("Closes the demand as rejected, with where and why.")]
    public static Task<IResult> Post(Guid id, RejectDemand command, HttpContext http, IMessageBus bus, CancellationToken ct) =>
        bus.AnswerAsync(http, version => command with { DemandId = id, ExpectedVersion = version }, ct);
}

public static class WithdrawDemandHandler
{
    public static ProblemDetails Validate(WithdrawDemand command, IEventStream<Demand> stream, TimeProvider clock) =>
        CloseDemandRules.Refusal(command.OccurredOn, command.Note, command.ExpectedVersion, stream, DemandRules.CanWithdraw, clock);

    public static (CommandResult, Events) Handle(WithdrawDemand command, [WriteAggregate] IEventStream<Demand> stream) =>
        (CommandResult.Changed(command.DemandId), [Decide(command, stream.Aggregate!)]);

    public static DemandWithdrawn Decide(WithdrawDemand command, Demand demand) =>
        new(demand.Id, demand.CampaignId, demand.Theme, command.OccurredOn!.Value, Check.Blank(command.Note));
}

public static class WithdrawDemandEndpoint
{
    [WolverinePost("/api/demands/{id}/withdrawal", OperationId = "WithdrawDemand"), Tags("Demands"), Authorize(Policy = Policies.Manager), EndpointSummary("Withdraw a demand."), EndpointDescription("Closes the demand as withdrawn by the association itself, with the reason.")]
    public static Task<IResult> Post(Guid id, WithdrawDemand command, HttpContext http, IMessageBus bus, CancellationToken ct) =>
        bus.AnswerAsync(http, version => command with { DemandId = id, ExpectedVersion = version }, ct);
}
