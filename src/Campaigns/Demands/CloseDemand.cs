using Campaigns.Accounts;
using Campaigns.Infrastructure.Http;
using Campaigns.Infrastructure.Validation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace Campaigns.Demands;

/// <summary>The body of a rejection or a withdrawal: when, and why.</summary>
public record CloseDemand(DateOnly? OccurredOn, string? Note);

internal static class CloseDemandValidation
{
    public static async Task<ProblemDetails> ValidateAsync(
        Guid id, CloseDemand command, HttpContext context, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var check = new Check()
            .HappenedBy("occurredOn", command.OccurredOn, clock.GetUtcNow())
            .MaxLength("note", command.Note, Check.LongText);
        return check.IsValid ? await Concurrency.CheckIfMatchAsync(context, session, id, ct) : check.ToProblem();
    }

    public static ProblemDetails Refusal(string? refusal) =>
        refusal is null ? WolverineContinue.NoProblems : Problems.Conflict(refusal);
}

public static class RejectDemandEndpoint
{
    public static Task<ProblemDetails> ValidateAsync(Guid id, CloseDemand command, HttpContext context, IQuerySession session,
        TimeProvider clock, CancellationToken ct) => CloseDemandValidation.ValidateAsync(id, command, context, session, clock, ct);

    public static ProblemDetails Validate(CloseDemand command, Demand demand) => CloseDemandValidation.Refusal(DemandRules.CanReject(demand));

    [WolverinePost("/api/demands/{id}/rejection"), Tags("Demands"), Authorize(Policy = Policies.Manager), EmptyResponse]
    public static DemandRejected Post(CloseDemand command, [WriteAggregate("id")] Demand demand) =>
        new(demand.Id, demand.CampaignId, demand.Theme, command.OccurredOn!.Value, command.Note?.Trim());
}

public static class WithdrawDemandEndpoint
{
    public static Task<ProblemDetails> ValidateAsync(Guid id, CloseDemand command, HttpContext context, IQuerySession session,
        TimeProvider clock, CancellationToken ct) => CloseDemandValidation.ValidateAsync(id, command, context, session, clock, ct);

    public static ProblemDetails Validate(CloseDemand command, Demand demand) => CloseDemandValidation.Refusal(DemandRules.CanWithdraw(demand));

    [WolverinePost("/api/demands/{id}/withdrawal"), Tags("Demands"), Authorize(Policy = Policies.Manager), EmptyResponse]
    public static DemandWithdrawn Post(CloseDemand command, [WriteAggregate("id")] Demand demand) =>
        new(demand.Id, demand.CampaignId, demand.Theme, command.OccurredOn!.Value, command.Note?.Trim());
}
