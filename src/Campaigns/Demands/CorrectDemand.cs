namespace Campaigns.Demands;

/// <summary>
/// Fix a demand's wording: name only the fields that change, and say why. A blank code, target or source removes it; the
/// text cannot be blank. The theme and campaign stay: a demand on another theme is another demand.
/// </summary>
public record CorrectDemand(string? Text, string? Code, string? Target, string? Source, string Reason)
{
    public Guid DemandId { get; init; }
    public long? ExpectedVersion { get; init; }
}

/// <summary>The fields a correction changed; null is unchanged, an empty string removed.</summary>
public sealed record DemandChanges(string? Text = null, string? Code = null, string? Target = null, string? Source = null);

public record DemandCorrected(Guid DemandId, Guid CampaignId, string Theme, DemandChanges Changes, string Reason);

public static class CorrectDemandHandler
{
    public static ProblemDetails Validate(CorrectDemand command, IEventStream<Demand> stream)
    {
        if (stream.Aggregate is not { } demand) return Problems.NotFound("Deze wens bestaat niet.");
        var check = new Check()
            .Required("reason", command.Reason, Check.LongText)
            .NotBlankIfSent("text", command.Text, Check.LongText)
            .MaxLength("code", command.Code, 20)
            .MaxLength("target", command.Target, Check.LongText)
            .MaxLength("source", command.Source, Check.ShortText);
        if (check.IsValid && Changes(command, demand) == new DemandChanges()) check.Add("changes", "Noem minstens één veld dat verandert.");
        return check.IsValid ? CommandBus.Unchanged(command.ExpectedVersion, stream) : check.ToProblem();
    }

    public static (CommandResult, Events) Handle(CorrectDemand command, [WriteAggregate] IEventStream<Demand> stream) =>
        (CommandResult.Changed(command.DemandId), [Decide(command, stream.Aggregate!)]);

    public static DemandCorrected Decide(CorrectDemand command, Demand demand) =>
        new(demand.Id, demand.CampaignId, demand.Theme, Changes(command, demand), command.Reason.Trim());

    /// <summary>The fields the command names whose value differs from the demand's: a field sent unchanged is no change.</summary>
    private static DemandChanges Changes(CorrectDemand c, Demand d) =>
        new(Check.Changed(c.Text, d.Text), Check.Changed(c.Code, d.Code), Check.Changed(c.Target, d.Target), Check.Changed(c.Source, d.Source));
}

public static class CorrectDemandEndpoint
{
    [WolverinePost("/api/demands/{id}/corrections", OperationId = "CorrectDemand"), Tags("Demands"), Authorize(Policy = Policies.Manager),
     EndpointSummary("Correct a demand's wording."),
     EndpointDescription("Records a correction of the demand's text, code, measurable target or source document, with the reason. Name only the fields that change; a blank code, target or source removes it. The demand's timeline shows the correction.")]
    public static Task<IResult> Post(Guid id, CorrectDemand command, HttpContext http, IMessageBus bus, CancellationToken ct) =>
        bus.AnswerAsync(http, version => command with { DemandId = id, ExpectedVersion = version }, ct);
}
