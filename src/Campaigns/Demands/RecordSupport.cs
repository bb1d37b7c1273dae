using Campaigns.Accounts;
using Campaigns.Infrastructure.Http;
using Campaigns.Infrastructure.Validation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace Campaigns.Demands;

public record RecordSupport(Guid? ContactId, Stance? Stance, string? Note, DateOnly? OccurredOn);

public static class RecordSupportEndpoint
{
    public static async Task<ProblemDetails> ValidateAsync(
        Guid id, RecordSupport command, HttpContext context, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var check = new Check()
            .RequiredId("contactId", command.ContactId)
            .OneOf("stance", command.Stance)
            .MaxLength("note", command.Note, Check.LongText)
            .HappenedBy("occurredOn", command.OccurredOn, clock.GetUtcNow());
        if (command.ContactId is { } contactId)
            await KnownReferences.CheckContacts(check, session, "contactId", [contactId], ct);
        return check.IsValid ? await Concurrency.CheckIfMatchAsync(context, session, id, ct) : check.ToProblem();
    }

    public static ProblemDetails Validate(RecordSupport command, Demand demand) =>
        DemandRules.CanRecordSupport(demand) is { } refusal ? Problems.Conflict(refusal) : WolverineContinue.NoProblems;

    [WolverinePost("/api/demands/{id}/support"), Tags("Demands"), Authorize(Policy = Policies.Manager), EmptyResponse]
    public static SupportRecorded Post(RecordSupport command, [WriteAggregate("id")] Demand demand) => Decide(command, demand);

    public static SupportRecorded Decide(RecordSupport command, Demand demand) =>
        new(demand.Id, demand.CampaignId, demand.Theme, command.ContactId!.Value, command.Stance!.Value, command.Note?.Trim(), command.OccurredOn!.Value);
}
