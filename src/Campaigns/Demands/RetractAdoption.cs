using Campaigns.FollowUps;
using Microsoft.Extensions.Options;

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

/// <summary>
/// The latest standing adoption (the event <see cref="AdoptedEventId"/>) did not happen as recorded. Carries the status and
/// closing day the demand has without it, as its other events left them, so the snapshot needs no replay to fold it.
/// </summary>
public record DemandAdoptionRetracted(
    Guid DemandId, Guid CampaignId, string Theme, DateOnly RetractedOn, Guid AdoptedEventId, DateOnly AdoptedOn, DemandStatus Status,
    DateOnly? ClosedOn, string Reason);

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

    /// <summary>
    /// Also cancels the adoption's implementation check, and watches the demand again for lying untouched when it is open
    /// once more.
    /// </summary>
    public static async Task<(CommandResult, Events, OutgoingMessages)> Handle(RetractAdoption command, [WriteAggregate] IEventStream<Demand> stream,
        IDocumentSession session, IOptions<FollowUpPolicyOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var demand = stream.Aggregate!;
        var events = await session.Events.FetchStreamAsync(command.DemandId, token: ct);
        var target = DemandStreams.StandingAdoptions(events)[^1];
        var adoption = (DemandAdopted)target.Data;
        var without = DemandStreams.Fold(events, target.Id)!;
        var retracted = new DemandAdoptionRetracted(demand.Id, demand.CampaignId, demand.Theme, Web.Dutch.Today(clock), target.Id,
            adoption.OccurredOn, without.Status, without.ClosedOn, command.Reason.Trim());

        var reason = $"Overname ingetrokken: {retracted.Reason}";
        var messages = new OutgoingMessages
        {
            new SettleFollowUp(FollowUpPolicies.ImplementationCheckId(demand.Id, adoption.OccurredOn, target.Version), reason, null),
            new SettleFollowUp(FollowUpPolicies.LegacyImplementationCheckId(demand.Id, adoption.OccurredOn), reason, null)
        };
        if (FollowUpPolicies.Watched(without, options.Value) && without.LatestMention is { } latest)
            messages.AddRange(FollowUpScheduling.CheckActivity(demand.Id, latest.On, options.Value));
        return (CommandResult.Changed(command.DemandId), [retracted], messages);
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
