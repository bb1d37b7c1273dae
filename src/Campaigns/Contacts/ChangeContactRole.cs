namespace Campaigns.Contacts;

/// <summary>A new role from a date after the latest role's start. The contact comes from the route or the form.</summary>
public record ChangeContactRole(ContactKind? Kind, string Organisation, DateOnly? EffectiveOn)
{
    public Guid ContactId { get; init; }
    public long? ExpectedVersion { get; init; }
}

public static class ChangeContactRoleHandler
{
    public static ProblemDetails Validate(ChangeContactRole command, IEventStream<Contact> stream)
    {
        if (stream.Aggregate is not { } contact) return Problems.NotFound("Deze contactpersoon bestaat niet.");
        var check = CheckFields(command);
        if (!check.IsValid) return check.ToProblem();
        if (contact.Forgotten) return Problems.Conflict("Deze contactpersoon is vergeten.");
        if (ContactRoleRules.NewRole(contact, command.EffectiveOn!.Value) is { } wrong) return check.Add("effectiveOn", wrong).ToProblem();
        return CommandBus.Unchanged(command.ExpectedVersion, stream);
    }

    public static (CommandResult, Events) Handle(ChangeContactRole command, [WriteAggregate] IEventStream<Contact> stream) =>
        (CommandResult.Changed(command.ContactId), [Decide(command, stream.Aggregate!)]);

    /// <summary>The fields alone; the Kamerleden import, which back-fills memberships in order, uses this and <see cref="Decide"/>.</summary>
    public static Check CheckFields(ChangeContactRole command) =>
        new Check()
            .OneOf("kind", command.Kind)
            .Required("organisation", command.Organisation)
            .Date("effectiveOn", command.EffectiveOn);

    public static ContactRoleChanged Decide(ChangeContactRole command, Contact contact) =>
        new(contact.Id, command.Kind!.Value, command.Organisation.Trim(), command.EffectiveOn!.Value);
}

public static class ChangeContactRoleEndpoint
{
    [WolverinePost("/api/contacts/{id}/roles", OperationId = "ChangeContactRole"), Tags("Contacts"), Authorize(Policy = Policies.Officer), EndpointSummary("Record a contact's new role."), EndpointDescription("Records that the contact took up a role from a date, e.g. a Kamerlid becoming spokesperson or minister.")]
    public static Task<IResult> Post(Guid id, ChangeContactRole command, HttpContext http, IMessageBus bus, CancellationToken ct) =>
        bus.AnswerAsync(http, version => command with { ContactId = id, ExpectedVersion = version }, ct);
}

public record EndContactRole(DateOnly? EffectiveOn, string? Reason)
{
    public Guid ContactId { get; init; }
    public long? ExpectedVersion { get; init; }
}

public static class EndContactRoleHandler
{
    public static ProblemDetails Validate(EndContactRole command, IEventStream<Contact> stream)
    {
        if (stream.Aggregate is not { } contact) return Problems.NotFound("Deze contactpersoon bestaat niet.");
        var check = CheckFields(command);
        if (!check.IsValid) return check.ToProblem();
        var state = CheckState(command, contact);
        return CommandBus.Passed(state) ? CommandBus.Unchanged(command.ExpectedVersion, stream) : state;
    }

    public static (CommandResult, Events) Handle(EndContactRole command, [WriteAggregate] IEventStream<Contact> stream) =>
        (CommandResult.Changed(command.ContactId), [Decide(command, stream.Aggregate!)]);

    public static Check CheckFields(EndContactRole command) =>
        new Check().Date("effectiveOn", command.EffectiveOn).MaxLength("reason", command.Reason, Check.ShortText);

    /// <summary>Only a running role ends, and not before it began.</summary>
    public static ProblemDetails CheckState(EndContactRole command, Contact contact)
    {
        if (contact.CurrentRole is null) return Problems.Conflict("Deze contactpersoon heeft geen lopende rol.");
        return command.EffectiveOn is { } on && ContactRoleRules.EndRole(contact, on) is { } wrong
            ? new Check().Add("effectiveOn", wrong).ToProblem()
            : WolverineContinue.NoProblems;
    }

    public static ContactRoleEnded Decide(EndContactRole command, Contact contact) =>
        new(contact.Id, command.EffectiveOn!.Value, Check.Blank(command.Reason));
}

public static class EndContactRoleEndpoint
{
    [WolverinePost("/api/contacts/{id}/role-end", OperationId = "EndContactRole"), Tags("Contacts"), Authorize(Policy = Policies.Officer), EndpointSummary("End a contact's role."), EndpointDescription("Records the date a contact's role ended, e.g. leaving the Tweede Kamer.")]
    public static Task<IResult> Post(Guid id, EndContactRole command, HttpContext http, IMessageBus bus, CancellationToken ct) =>
        bus.AnswerAsync(http, version => command with { ContactId = id, ExpectedVersion = version }, ct);
}

/// <summary>Insert a role into the past (or fix the role that starts on a date): a correction of the history, with its reason.</summary>
public record CorrectContactRoleHistory(ContactKind? Kind, string Organisation, DateOnly? EffectiveOn, string Reason)
{
    public Guid ContactId { get; init; }
    public long? ExpectedVersion { get; init; }
}

public static class CorrectContactRoleHistoryHandler
{
    public static ProblemDetails Validate(CorrectContactRoleHistory command, IEventStream<Contact> stream)
    {
        if (stream.Aggregate is not { } contact) return Problems.NotFound("Deze contactpersoon bestaat niet.");
        var check = new Check()
            .OneOf("kind", command.Kind)
            .Required("organisation", command.Organisation)
            .Date("effectiveOn", command.EffectiveOn)
            .Required("reason", command.Reason, Check.LongText);
        if (!check.IsValid) return check.ToProblem();
        if (contact.Forgotten) return Problems.Conflict("Deze contactpersoon is vergeten.");
        if (ContactRoleRules.HistoryCorrection(contact, command.EffectiveOn!.Value) is { } wrong) return check.Add("effectiveOn", wrong).ToProblem();
        return CommandBus.Unchanged(command.ExpectedVersion, stream);
    }

    public static (CommandResult, Events) Handle(CorrectContactRoleHistory command, [WriteAggregate] IEventStream<Contact> stream) =>
        (CommandResult.Changed(command.ContactId),
            [new ContactRoleHistoryCorrected(command.ContactId, command.Kind!.Value, command.Organisation.Trim(), command.EffectiveOn!.Value, command.Reason.Trim())]);
}

public static class CorrectContactRoleHistoryEndpoint
{
    [WolverinePost("/api/contacts/{id}/role-history/corrections", OperationId = "CorrectContactRoleHistory"), Tags("Contacts"), Authorize(Policy = Policies.Officer), EndpointSummary("Correct a contact's role history."), EndpointDescription("Replaces a wrongly recorded role period; the earlier version stays in the event history.")]
    public static Task<IResult> Post(Guid id, CorrectContactRoleHistory command, HttpContext http, IMessageBus bus, CancellationToken ct) =>
        bus.AnswerAsync(http, version => command with { ContactId = id, ExpectedVersion = version }, ct);
}
