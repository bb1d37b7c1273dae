using Microsoft.Extensions.Options;

namespace Campaigns.FollowUps;

/// <summary>A follow-up by hand: from a contact moment, a demand or a contact, or on its own.</summary>
public record ScheduleFollowUp(
    string Description, DateOnly? DueOn, string? Assignee, Guid? CampaignId, IReadOnlyList<Guid>? ContactIds,
    Guid? DemandId, Guid? OriginInteractionId);

public static class ScheduleFollowUpHandler
{
    public static async Task<ProblemDetails> ValidateAsync(ScheduleFollowUp command, IQuerySession session, CancellationToken ct)
    {
        var check = new Check()
            .Required("description", command.Description, Check.LongText)
            .Date("dueOn", command.DueOn)
            .MaxLength("assignee", command.Assignee, 100)
            .AtMost("contactIds", command.ContactIds);
        await KnownReferences.CheckActiveUser(check, session, "assignee", command.Assignee, ct);
        await KnownReferences.CheckCampaign(check, session, "campaignId", command.CampaignId, ct);
        await KnownReferences.CheckContacts(check, session, "contactIds", command.ContactIds, ct);
        if (command.DemandId is { } demandId) await KnownReferences.CheckDemands(check, session, "demandId", [demandId], ct);
        // A retracted contact moment's retraction cancelled its follow-ups: no new one starts from it.
        if (command.OriginInteractionId is { } origin)
            await KnownReferences.CheckInteractions(check, session, "originInteractionId", [origin], ct, refuseRetracted: true);
        return check.ToProblem();
    }

    public static (CommandResult, IStartStream, OutgoingMessages) Handle(ScheduleFollowUp command, Envelope envelope, IOptions<FollowUpPolicyOptions> options)
    {
        var scheduled = Decide(command, Guid.CreateVersion7(), envelope.UserName ?? throw new InvalidOperationException("No acting user."));
        return (CommandResult.Started(scheduled.FollowUpId, $"/api/follow-ups/{scheduled.FollowUpId}"),
            MartenOps.StartStream<FollowUp>(scheduled.FollowUpId, scheduled),
            FollowUpScheduling.Remind(scheduled.FollowUpId, scheduled.DueOn, options.Value));
    }

    /// <summary>The assignee is whoever scheduled it, unless another team member is named (the user name as stored on the account).</summary>
    public static FollowUpScheduled Decide(ScheduleFollowUp command, Guid id, string scheduledBy) =>
        new(id, FollowUpKind.Manual, command.Description.Trim(), command.DueOn!.Value,
            string.IsNullOrWhiteSpace(command.Assignee) ? scheduledBy : command.Assignee.Trim(), command.CampaignId,
            (command.ContactIds ?? []).Distinct().ToList(), [], command.DemandId, command.OriginInteractionId, null);
}

public static class ScheduleFollowUpEndpoint
{
    [WolverinePost("/api/follow-ups", OperationId = "ScheduleFollowUp"), Tags("FollowUps"), Authorize(Policy = Policies.Officer), EndpointSummary("Schedule a follow-up."), EndpointDescription("Schedules a follow-up (call back, send the promised note) for a user on a due date, linked to a contact moment or demand. Answers 201 with its location.")]
    public static Task<IResult> Post(ScheduleFollowUp command, HttpContext http, IMessageBus bus, CancellationToken ct) =>
        bus.AnswerAsync(command, http.User, ct);
}

public record CompleteFollowUp(DateOnly? CompletedOn, Guid? ByInteractionId, string? Note)
{
    public Guid FollowUpId { get; init; }
    public long? ExpectedVersion { get; init; }
}

public static class CompleteFollowUpHandler
{
    public static async Task<ProblemDetails> ValidateAsync(
        CompleteFollowUp command, IEventStream<FollowUp> stream, Envelope envelope, IQuerySession session, CancellationToken ct)
    {
        if (stream.Aggregate is not { } followUp) return Problems.NotFound("Deze follow-up bestaat niet.");
        var check = new Check().MaxLength("note", command.Note, Check.LongText).InRange("completedOn", command.CompletedOn);
        if (command.ByInteractionId is { } by) await KnownReferences.CheckInteractions(check, session, "byInteractionId", [by], ct);
        if (!check.IsValid) return check.ToProblem();
        return await FollowUpRules.MayChangeAsync(followUp, envelope, session, command.ExpectedVersion, stream, ct);
    }

    public static (CommandResult, Events) Handle(
        CompleteFollowUp command, [WriteAggregate] IEventStream<FollowUp> stream, IOptions<FollowUpPolicyOptions> options, TimeProvider clock) =>
        (CommandResult.Changed(command.FollowUpId),
            [new FollowUpCompleted(command.FollowUpId, command.CompletedOn ?? options.Value.Today(clock), command.ByInteractionId, Check.Blank(command.Note))]);
}

public static class CompleteFollowUpEndpoint
{
    [WolverinePost("/api/follow-ups/{id}/completion", OperationId = "CompleteFollowUp"), Tags("FollowUps"), Authorize(Policy = Policies.Officer), EndpointSummary("Complete a follow-up."), EndpointDescription("Records that the follow-up was done, optionally with the contact moment that did it.")]
    public static Task<IResult> Post(Guid id, CompleteFollowUp command, HttpContext http, IMessageBus bus, CancellationToken ct) =>
        bus.AnswerAsync(http, version => command with { FollowUpId = id, ExpectedVersion = version }, ct);
}

public record CancelFollowUp(string Reason)
{
    public Guid FollowUpId { get; init; }
    public long? ExpectedVersion { get; init; }
}

public static class CancelFollowUpHandler
{
    public static async Task<ProblemDetails> ValidateAsync(
        CancelFollowUp command, IEventStream<FollowUp> stream, Envelope envelope, IQuerySession session, CancellationToken ct)
    {
        if (stream.Aggregate is not { } followUp) return Problems.NotFound("Deze follow-up bestaat niet.");
        var check = new Check().Required("reason", command.Reason, Check.LongText);
        if (!check.IsValid) return check.ToProblem();
        return await FollowUpRules.MayChangeAsync(followUp, envelope, session, command.ExpectedVersion, stream, ct);
    }

    public static (CommandResult, Events) Handle(CancelFollowUp command, [WriteAggregate] IEventStream<FollowUp> stream) =>
        (CommandResult.Changed(command.FollowUpId), [new FollowUpCancelled(command.FollowUpId, command.Reason.Trim(), null)]);
}

public static class CancelFollowUpEndpoint
{
    [WolverinePost("/api/follow-ups/{id}/cancellation", OperationId = "CancelFollowUp"), Tags("FollowUps"), Authorize(Policy = Policies.Officer), EndpointSummary("Cancel a follow-up."), EndpointDescription("Records that the follow-up is no longer needed, with the reason.")]
    public static Task<IResult> Post(Guid id, CancelFollowUp command, HttpContext http, IMessageBus bus, CancellationToken ct) =>
        bus.AnswerAsync(http, version => command with { FollowUpId = id, ExpectedVersion = version }, ct);
}

public record RescheduleFollowUp(DateOnly? DueOn, string Reason)
{
    public Guid FollowUpId { get; init; }
    public long? ExpectedVersion { get; init; }
}

public static class RescheduleFollowUpHandler
{
    public static async Task<ProblemDetails> ValidateAsync(
        RescheduleFollowUp command, IEventStream<FollowUp> stream, Envelope envelope, IQuerySession session, CancellationToken ct)
    {
        if (stream.Aggregate is not { } followUp) return Problems.NotFound("Deze follow-up bestaat niet.");
        var check = new Check()
            .Date("dueOn", command.DueOn)
            // Whoever finds the follow-up on its new day should know why it moved.
            .Required("reason", command.Reason, Check.LongText);
        if (!check.IsValid) return check.ToProblem();
        if (followUp.IsOpen && followUp.DueOn == command.DueOn) return Problems.Conflict("Deze follow-up staat al op die datum.");
        return await FollowUpRules.MayChangeAsync(followUp, envelope, session, command.ExpectedVersion, stream, ct);
    }

    /// <summary>The reminder for the old date still fires, finds another due date and does nothing.</summary>
    public static (CommandResult, Events, OutgoingMessages) Handle(
        RescheduleFollowUp command, [WriteAggregate] IEventStream<FollowUp> stream, IOptions<FollowUpPolicyOptions> options) =>
        (CommandResult.Changed(command.FollowUpId),
            [new FollowUpRescheduled(command.FollowUpId, command.DueOn!.Value, Check.Blank(command.Reason))],
            FollowUpScheduling.Remind(command.FollowUpId, command.DueOn!.Value, options.Value));
}

public static class RescheduleFollowUpEndpoint
{
    [WolverinePost("/api/follow-ups/{id}/reschedule", OperationId = "RescheduleFollowUp"), Tags("FollowUps"), Authorize(Policy = Policies.Officer), EndpointSummary("Reschedule a follow-up."), EndpointDescription("Moves the follow-up to a new due date or assignee.")]
    public static Task<IResult> Post(Guid id, RescheduleFollowUp command, HttpContext http, IMessageBus bus, CancellationToken ct) =>
        bus.AnswerAsync(http, version => command with { FollowUpId = id, ExpectedVersion = version }, ct);
}

public static class FollowUpRules
{
    /// <summary>
    /// Officers settle their own follow-ups; managers and admins anyone's. The acting user's role comes from their
    /// account, so the API and the pages (which both send the command as the signed-in user) decide alike.
    /// </summary>
    public static async Task<ProblemDetails> MayChangeAsync(
        FollowUp followUp, Envelope envelope, IQuerySession session, long? expectedVersion, IEventStream<FollowUp> stream, CancellationToken ct)
    {
        var user = envelope.UserName ?? "";
        var mayManage = string.Equals(followUp.Assignee, user, StringComparison.OrdinalIgnoreCase)
                        || await session.LoadAsync<UserAccount>(UserAccount.IdFor(user), ct) is { Role: Roles.Manager or Roles.Admin, IsActive: true };
        if (!mayManage)
            return new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "Niet toegestaan", Detail = "Dit is de follow-up van een ander." };
        if (!followUp.IsOpen) return Problems.Conflict("Deze follow-up is al afgehandeld.");
        // The reminders (due, overdue) move the stream on without changing what anybody decided: a form read before
        // them still holds.
        if (expectedVersion is { } expected && expected < stream.CurrentVersion
            && (await session.Events.FetchStreamAsync(followUp.Id, fromVersion: expected + 1, token: ct)).All(e => e.Data is FollowUpDue or FollowUpOverdue))
            return Wolverine.Http.WolverineContinue.NoProblems;
        return CommandBus.Unchanged(expectedVersion, stream);
    }
}
