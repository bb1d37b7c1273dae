using Campaigns.FollowUps;

namespace Campaigns.Demands;

/// <summary>
/// Take back the demand's latest adoption, recorded by mistake (the wrong demand, a motie that was not adopted after all).
/// The adoption stays in the log and on the timeline as retracted, with the reason.
/// </summary>
public record RetractAdoption(string Reason)
{
    public Guid DemandId { get; init; }
    public long? ExpectedVersion { get; init; }
}

/// <summary>The latest adoption (the event <see cref="AdoptedEventId"/>) did not happen as recorded.</summary>
public record DemandAdoptionRetracted(Guid DemandId, Guid CampaignId, string Theme, Guid AdoptedEventId, DateOnly AdoptedOn, string Reason);

public static class RetractAdoptionHandler
{
    public static ProblemDetails Validate(RetractAdoption command, IEventStream<Demand> stream)
    {
        if (stream.Aggregate is not { } demand) return Problems.NotFound("Deze wens bestaat niet.");
        var check = new Check().Required("reason", command.Reason, Check.LongText);
        if (!check.IsValid) return check.ToProblem();
        return DemandRules.CanRetractAdoption(demand) is { } refusal
            ? Problems.Conflict(refusal)
            : CommandBus.Unchanged(command.ExpectedVersion, stream);
    }

    /// <summary>Also cancels the check on the adoption's implementation, which has nothing left to check.</summary>
    public static async Task<(CommandResult, Events, OutgoingMessages)> Handle(RetractAdoption command, [WriteAggregate] IEventStream<Demand> stream,
        IDocumentSession session, CancellationToken ct)
    {
        var demand = stream.Aggregate!;
        var adopted = (await session.Events.FetchStreamAsync(command.DemandId, token: ct)).Last(e => e.Data is DemandAdopted);
        var adoption = (DemandAdopted)adopted.Data;
        var retracted = new DemandAdoptionRetracted(demand.Id, demand.CampaignId, demand.Theme, adopted.Id, adoption.OccurredOn, command.Reason.Trim());
        return (CommandResult.Changed(command.DemandId), [retracted],
            [new SettleFollowUp(FollowUpPolicies.ImplementationCheckId(adoption), $"Overname ingetrokken: {retracted.Reason}", null)]);
    }
}

public static class RetractAdoptionEndpoint
{
    [WolverinePost("/api/demands/{id}/adoption/retraction", OperationId = "RetractAdoption"), Tags("Demands"), Authorize(Policy = Policies.Manager),
     EndpointSummary("Retract the demand's latest adoption."),
     EndpointDescription("Records that the latest adoption was recorded by mistake, with the reason. The demand goes back to the status it had without it, its implementation check is cancelled, and its timeline shows the adoption as retracted.")]
    public static Task<IResult> Post(Guid id, RetractAdoption command, HttpContext http, IMessageBus bus, CancellationToken ct) =>
        bus.AnswerAsync(http, version => command with { DemandId = id, ExpectedVersion = version }, ct);
}
