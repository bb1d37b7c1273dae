using Campaigns.Accounts;
using Campaigns.Infrastructure.Http;
using Campaigns.Infrastructure.Validation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace Campaigns.Contacts;

public record ChangeContactRole(ContactKind? Kind, string Organisation, DateOnly? EffectiveOn);

public static class ChangeContactRoleEndpoint
{
    public static ProblemDetails Validate(ChangeContactRole command) =>
        new Check()
            .OneOf("kind", command.Kind)
            .Required("organisation", command.Organisation)
            .Required("effectiveOn", command.EffectiveOn)
            .ToProblem();

    public static Task<ProblemDetails> ValidateAsync(Guid id, HttpContext context, IQuerySession session, CancellationToken ct) =>
        Concurrency.CheckIfMatchAsync(context, session, id, ct);

    [WolverinePost("/api/contacts/{id}/roles"), Tags("Contacts"), Authorize(Policy = Policies.Officer), EmptyResponse]
    public static ContactRoleChanged Post(ChangeContactRole command, [WriteAggregate("id")] Contact contact) =>
        Decide(command, contact);

    public static ContactRoleChanged Decide(ChangeContactRole command, Contact contact) =>
        new(contact.Id, command.Kind!.Value, command.Organisation.Trim(), command.EffectiveOn!.Value);
}

public record EndContactRole(DateOnly? EffectiveOn, string? Reason);

public static class EndContactRoleEndpoint
{
    public static ProblemDetails Validate(EndContactRole command) =>
        new Check().Required("effectiveOn", command.EffectiveOn).MaxLength("reason", command.Reason, Check.ShortText).ToProblem();

    public static ProblemDetails Validate(EndContactRole command, Contact contact) =>
        contact.CurrentRole is null
            ? Problems.Conflict("Deze contactpersoon heeft geen lopende rol.")
            : WolverineContinue.NoProblems;

    [WolverinePost("/api/contacts/{id}/role-end"), Tags("Contacts"), Authorize(Policy = Policies.Officer), EmptyResponse]
    public static ContactRoleEnded Post(EndContactRole command, [WriteAggregate("id")] Contact contact) =>
        new(contact.Id, command.EffectiveOn!.Value, command.Reason);
}
