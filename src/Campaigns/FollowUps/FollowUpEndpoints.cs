using System.Security.Claims;
using Campaigns.Accounts;
using Campaigns.Infrastructure.Http;
using Campaigns.Infrastructure.Validation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Campaigns.FollowUps;

public record ScheduleFollowUp(
    string Description, DateOnly? DueOn, string? Assignee, Guid? CampaignId, IReadOnlyList<Guid>? ContactIds,
    Guid? DemandId, Guid? OriginInteractionId);

public static class ScheduleFollowUpEndpoint
{
    public static async Task<ProblemDetails> ValidateAsync(ScheduleFollowUp command, IQuerySession session, CancellationToken ct)
    {
        var check = new Check()
            .Required("description", command.Description, Check.LongText)
            .Required("dueOn", command.DueOn)
            .MaxLength("assignee", command.Assignee, 100)
            .AtMost("contactIds", command.ContactIds);
        // Reminders go to the assignee by mail: only an active team member may be one.
        if (!string.IsNullOrWhiteSpace(command.Assignee))
        {
            var account = Secrets.IsValidUserName(command.Assignee)
                ? await session.LoadAsync<UserAccount>(UserAccount.IdFor(command.Assignee), ct)
                : null;
            check.That(account is { IsActive: true }, "assignee", "Geen actieve gebruiker met deze gebruikersnaam.");
        }
        await KnownReferences.CheckCampaign(check, session, "campaignId", command.CampaignId, ct);
        await KnownReferences.CheckContacts(check, session, "contactIds", command.ContactIds, ct);
        if (command.DemandId is { } demandId) await KnownReferences.CheckDemands(check, session, "demandId", [demandId], ct);
        if (command.OriginInteractionId is { } origin) await KnownReferences.CheckInteractions(check, session, "originInteractionId", [origin], ct);
        return check.ToProblem();
    }

    [WolverinePost("/api/follow-ups"), Tags("FollowUps"), Authorize(Policy = Policies.Officer)]
    public static (Created, OutgoingMessages) Post(
        ScheduleFollowUp command, ClaimsPrincipal user, IDocumentSession session, IOptions<FollowUpPolicyOptions> options)
    {
        var scheduled = Decide(command, Guid.CreateVersion7(), user.Identity!.Name!);
        return (new Created(scheduled.FollowUpId, $"/api/follow-ups/{scheduled.FollowUpId}"),
            FollowUpScheduling.Start(scheduled, session, options.Value));
    }

    public static FollowUpScheduled Decide(ScheduleFollowUp command, Guid id, string scheduledBy) =>
        new(id, FollowUpKind.Manual, command.Description.Trim(), command.DueOn!.Value,
            string.IsNullOrWhiteSpace(command.Assignee) ? scheduledBy : command.Assignee.Trim(), command.CampaignId,
            (command.ContactIds ?? []).Distinct().ToList(), [], command.DemandId, command.OriginInteractionId, null);
}

public record CompleteFollowUp(DateOnly? CompletedOn, Guid? ByInteractionId, string? Note);

public static class CompleteFollowUpEndpoint
{
    public static async Task<ProblemDetails> ValidateAsync(CompleteFollowUp command, IQuerySession session, CancellationToken ct)
    {
        var check = new Check().MaxLength("note", command.Note, Check.LongText);
        if (command.ByInteractionId is { } by) await KnownReferences.CheckInteractions(check, session, "byInteractionId", [by], ct);
        return check.ToProblem();
    }

    public static ProblemDetails Validate(CompleteFollowUp command, FollowUp followUp, ClaimsPrincipal user) => FollowUpRules.MayManage(followUp, user);

    [WolverinePost("/api/follow-ups/{id}/completion"), Tags("FollowUps"), Authorize(Policy = Policies.Officer), EmptyResponse]
    public static FollowUpCompleted Post(CompleteFollowUp command, [WriteAggregate("id")] FollowUp followUp, IOptions<FollowUpPolicyOptions> options, TimeProvider clock) =>
        new(followUp.Id, command.CompletedOn ?? options.Value.Today(clock), command.ByInteractionId, command.Note?.Trim());
}

public record CancelFollowUp(string Reason);

public static class CancelFollowUpEndpoint
{
    public static ProblemDetails Validate(CancelFollowUp command) => new Check().Required("reason", command.Reason, Check.LongText).ToProblem();

    public static ProblemDetails Validate(CancelFollowUp command, FollowUp followUp, ClaimsPrincipal user) => FollowUpRules.MayManage(followUp, user);

    [WolverinePost("/api/follow-ups/{id}/cancellation"), Tags("FollowUps"), Authorize(Policy = Policies.Officer), EmptyResponse]
    public static FollowUpCancelled Post(CancelFollowUp command, [WriteAggregate("id")] FollowUp followUp) =>
        new(followUp.Id, command.Reason.Trim(), null);
}

public record RescheduleFollowUp(DateOnly? DueOn, string? Reason);

public static class RescheduleFollowUpEndpoint
{
    public static ProblemDetails Validate(RescheduleFollowUp command) =>
        new Check().Required("dueOn", command.DueOn).MaxLength("reason", command.Reason, Check.LongText).ToProblem();

    public static ProblemDetails Validate(RescheduleFollowUp command, FollowUp followUp, ClaimsPrincipal user) =>
        followUp.IsOpen && followUp.DueOn == command.DueOn
            ? Problems.Conflict("Deze follow-up staat al op die datum.")
            : FollowUpRules.MayManage(followUp, user);

    /// <summary>The reminder for the old date still fires, finds another due date and does nothing.</summary>
    [WolverinePost("/api/follow-ups/{id}/reschedule"), Tags("FollowUps"), Authorize(Policy = Policies.Officer), EmptyResponse]
    public static (Events, OutgoingMessages) Post(RescheduleFollowUp command, [WriteAggregate("id")] FollowUp followUp, IOptions<FollowUpPolicyOptions> options) =>
        ([new FollowUpRescheduled(followUp.Id, command.DueOn!.Value, command.Reason?.Trim())],
            FollowUpScheduling.Remind(followUp.Id, command.DueOn!.Value, options.Value));
}

public static class FollowUpRules
{
    /// <summary>Officers settle their own follow-ups; managers and admins anyone's.</summary>
    public static ProblemDetails MayManage(FollowUp followUp, ClaimsPrincipal user) =>
        followUp.Assignee == user.Identity?.Name || user.IsInRole(Roles.Manager) || user.IsInRole(Roles.Admin)
            ? MustBeOpen(followUp)
            : new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "Niet toegestaan", Detail = "Dit is de follow-up van een ander." };

    public static ProblemDetails MustBeOpen(FollowUp followUp) =>
        followUp.IsOpen ? WolverineContinue.NoProblems : Problems.Conflict("Deze follow-up is al afgehandeld.");
}
