namespace Campaigns.Contacts;

/// <summary>
/// E-mail, phone, notes and lawful basis as they should read from now on: the whole set, so an empty or missing e-mail,
/// phone or note clears it (a missing lawful basis keeps the current one). Organisation and
/// kind belong to a role (ChangeContactRole, or a correction of the role history); "informed on" to InformDataSubject.
/// </summary>
public record ChangeContactDetails(string? Email, string? Phone, string? Notes, LawfulBasis? LawfulBasis)
{
    public Guid ContactId { get; init; }
    public long? ExpectedVersion { get; init; }
}

public static class ChangeContactDetailsHandler
{
    public static ProblemDetails Validate(ChangeContactDetails command, IEventStream<Contact> stream)
    {
        if (stream.Aggregate is not { } contact) return Problems.NotFound("Deze contactpersoon bestaat niet.");
        var email = Check.Blank(command.Email);
        var check = new Check()
            .MaxLength("email", command.Email, Check.ShortText)
            .That(email is null || email.Contains('@'), "email", "Geen geldig e-mailadres.")
            .MaxLength("phone", command.Phone, 40)
            .MaxLength("notes", command.Notes, Check.LongText)
            .That(command.LawfulBasis is null || Enum.IsDefined(command.LawfulBasis.Value), "lawfulBasis", "Onbekende waarde.");
        if (!check.IsValid) return check.ToProblem();
        if (contact.Forgotten) return Problems.Conflict("Deze contactpersoon is vergeten.");
        if (Decide(command, contact) is null) return check.Add("changes", "Er is niets veranderd.").ToProblem();
        return CommandBus.Unchanged(command.ExpectedVersion, stream);
    }

    public static (CommandResult, Events) Handle(ChangeContactDetails command, [WriteAggregate] IEventStream<Contact> stream) =>
        (CommandResult.Changed(command.ContactId), [Decide(command, stream.Aggregate!)!]);

    /// <summary>The new details, or null when they are what the contact already has.</summary>
    public static ContactDetailsChanged? Decide(ChangeContactDetails command, Contact contact)
    {
        var changed = new ContactDetailsChanged(contact.Id, Check.Blank(command.Email), Check.Blank(command.Phone),
            Check.Blank(command.Notes), command.LawfulBasis ?? contact.LawfulBasis);
        return changed == new ContactDetailsChanged(contact.Id, contact.Email, contact.Phone, contact.Notes, contact.LawfulBasis) ? null : changed;
    }
}

public static class ChangeContactDetailsEndpoint
{
    [WolverinePost("/api/contacts/{id}/details", OperationId = "ChangeContactDetails"), Tags("Contacts"), Authorize(Policy = Policies.Officer), EndpointSummary("Change a contact's details."), EndpointDescription("Records new name, e-mail, phone or organisation details for the contact.")]
    public static Task<IResult> Post(Guid id, ChangeContactDetails command, HttpContext http, IMessageBus bus, CancellationToken ct) =>
        bus.AnswerAsync(http, version => command with { ContactId = id, ExpectedVersion = version }, ct);
}
