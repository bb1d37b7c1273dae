using Campaigns.FollowUps;
using Microsoft.Extensions.Options;

namespace Campaigns.Demands;

/// <summary>The demand comes from the route in the API; the expected version from <c>If-Match</c>, or the version a form was read at.</summary>
public record AdoptDemand(
    AdoptionVenue? Venue, string? Reference, bool? Partial, DateOnly? OccurredOn, string? Note,
    IReadOnlyList<Guid>? CreditedInteractionIds, IReadOnlyList<Guid>? CreditedContactIds)
{
    public Guid DemandId { get; init; }
    public long? ExpectedVersion { get; init; }
}

public static class AdoptDemandHandler
{
    public static async Task<ProblemDetails> ValidateAsync(
        AdoptDemand command, IEventStream<Demand> stream, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        if (stream.Aggregate is not { } demand) return Problems.NotFound("Deze wens bestaat niet.");
        var check = new Check()
            .OneOf("venue", command.Venue)
            .MaxLength("reference", command.Reference, Check.ShortText)
            .HappenedBy("occurredOn", command.OccurredOn, clock.GetUtcNow())
            .NotBeforeFormulated("occurredOn", command.OccurredOn, demand)
            .MaxLength("note", command.Note, Check.LongText)
            .AtMost("creditedInteractionIds", command.CreditedInteractionIds)
            .AtMost("creditedContactIds", command.CreditedContactIds);
        await CheckCreditedAsync(check, session, command.CreditedInteractionIds, ct);
        await KnownReferences.CheckContacts(check, session, "creditedContactIds", command.CreditedContactIds, ct);
        if (!check.IsValid) return check.ToProblem();
        if (DemandRules.CanAdopt(demand) is { } refusal) return Problems.Conflict(refusal);
        // The same adoption sent twice (a double click, a retry without Idempotency-Key) is one adoption.
        return demand.Adoptions.Any(a => a.Venue == command.Venue && a.OccurredOn == command.OccurredOn
                                         && string.Equals(a.Reference, Check.Blank(command.Reference), StringComparison.OrdinalIgnoreCase))
            ? Problems.Conflict("Deze overname is al vastgelegd (zelfde plek, verwijzing en datum).")
            : CommandBus.Unchanged(command.ExpectedVersion, stream);
    }

    /// <summary>
    /// Credit goes to contact moments that stand. They may belong to another campaign: a hearing on grid congestion can
    /// help a demand on regulation along.
    /// </summary>
    private static async Task CheckCreditedAsync(Check check, IQuerySession session, IReadOnlyList<Guid>? ids, CancellationToken ct)
    {
        if (ids is not { Count: > 0 and <= Check.MaxItems }) return;
        var known = await session.LoadManyAsync<Interactions.Interaction>(ct, ids.Distinct());
        foreach (var id in ids.Except(known.Select(i => i.Id)))
            check.Add("creditedInteractionIds", $"Onbekend contactmoment {id}.");
        foreach (var interaction in known)
            if (interaction.Retracted) check.Add("creditedInteractionIds", $"Contactmoment '{interaction.Subject}' is ingetrokken.");
    }

    /// <summary>An adoption also schedules the check on its implementation, for whoever recorded it.</summary>
    public static (CommandResult, Events, OutgoingMessages) Handle(AdoptDemand command, [WriteAggregate] IEventStream<Demand> stream,
        Envelope envelope, IDocumentSession session, IOptions<FollowUpPolicyOptions> policies)
    {
        var demand = stream.Aggregate!;
        var adopted = Decide(command, demand);
        var adoptedBy = envelope.UserName ?? throw new InvalidOperationException("An adoption needs the acting user.");
        return (CommandResult.Changed(command.DemandId), [adopted],
            FollowUpScheduling.AfterAdoption(adopted, stream.CurrentVersion.GetValueOrDefault() + 1, demand, adoptedBy, policies.Value));
    }

    public static DemandAdopted Decide(AdoptDemand command, Demand demand) =>
        new(demand.Id, demand.CampaignId, demand.Theme, command.Venue!.Value,
            Check.Blank(command.Reference), command.Partial ?? false, command.OccurredOn!.Value, Check.Blank(command.Note), (command.CreditedInteractionIds ?? []).Distinct().ToList(),
            (command.CreditedContactIds ?? []).Distinct().ToList());
}

public static class AdoptDemandEndpoint
{
    [WolverinePost("/api/demands/{id}/adoption", OperationId = "AdoptDemand"), Tags("Demands"), Authorize(Policy = Policies.Manager), EndpointSummary("Record that a demand was adopted."), EndpointDescription("Records where the demand was adopted (coalition agreement, motion, budget, law, policy), whether in part, on which date, and which contact moments and contacts get the credit. Schedules a follow-up to check its implementation. Send the demand's ETag as If-Match to refuse a stale write.")]
    public static Task<IResult> Post(Guid id, AdoptDemand command, HttpContext http, IMessageBus bus, CancellationToken ct) =>
        bus.AnswerAsync(http, version => command with { DemandId = id, ExpectedVersion = version }, ct);
}
