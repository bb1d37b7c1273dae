using System.Security.Claims;
using Campaigns.FollowUps;
using Campaigns.Accounts;
using Campaigns.Infrastructure.Http;
using Campaigns.Infrastructure.Validation;
using Campaigns.Interactions;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Campaigns.Demands;

public record AdoptDemand(
    AdoptionVenue? Venue, string? Reference, bool? Partial, DateOnly? OccurredOn, string? Note,
    IReadOnlyList<Guid>? CreditedInteractionIds, IReadOnlyList<Guid>? CreditedContactIds);

public static class AdoptDemandEndpoint
{
    public static async Task<ProblemDetails> ValidateAsync(
        Guid id, AdoptDemand command, HttpContext context, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var check = new Check()
            .OneOf("venue", command.Venue)
            .MaxLength("reference", command.Reference, Check.ShortText)
            .HappenedBy("occurredOn", command.OccurredOn, clock.GetUtcNow())
            .MaxLength("note", command.Note, Check.LongText)
            .AtMost("creditedInteractionIds", command.CreditedInteractionIds)
            .AtMost("creditedContactIds", command.CreditedContactIds);
        await KnownReferences.CheckInteractions(check, session, "creditedInteractionIds", command.CreditedInteractionIds, ct);
        await KnownReferences.CheckContacts(check, session, "creditedContactIds", command.CreditedContactIds, ct);
        return check.IsValid ? await Concurrency.CheckIfMatchAsync(context, session, id, ct) : check.ToProblem();
    }

    public static ProblemDetails Validate(AdoptDemand command, Demand demand) =>
        DemandRules.CanAdopt(demand) is { } refusal ? Problems.Conflict(refusal) : WolverineContinue.NoProblems;

    /// <summary>An adoption also schedules the check on its implementation.</summary>
    [WolverinePost("/api/demands/{id}/adoption"), Tags("Demands"), Authorize(Policy = Policies.Manager), EmptyResponse]
    public static (Events, OutgoingMessages) Post(AdoptDemand command, [WriteAggregate("id")] Demand demand, ClaimsPrincipal user,
        IDocumentSession session, IOptions<FollowUpPolicyOptions> policies)
    {
        var adopted = Decide(command, demand);
        return ([adopted], FollowUpScheduling.AfterAdoption(adopted, demand, user.Identity!.Name!, policies.Value));
    }

    public static DemandAdopted Decide(AdoptDemand command, Demand demand) =>
        new(demand.Id, demand.CampaignId, demand.Theme, command.Venue!.Value, command.Reference?.Trim(), command.Partial ?? false, command.OccurredOn!.Value,
            command.Note?.Trim(), (command.CreditedInteractionIds ?? []).Distinct().ToList(),
            (command.CreditedContactIds ?? []).Distinct().ToList());
}
