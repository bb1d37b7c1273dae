namespace Campaigns.Contacts;

/// <param name="LawfulBasis">Why we may record this person; legitimate interest unless said.</param>
public record RegisterContact(
    string Name, ContactKind? Kind, string Organisation, string? Email, string? Phone, string? Notes, DateOnly? EffectiveOn,
    LawfulBasis? LawfulBasis = null);

/// <summary>A contact already recorded whose name is close to the new one: perhaps the same person.</summary>
public sealed record PossibleDuplicate(Guid Id, string Name, ContactKind Kind, string Organisation);

public static class RegisterContactHandler
{
    public static ProblemDetails Validate(RegisterContact command, TimeProvider clock) =>
        new Check()
            .Required("name", command.Name)
            .OneOf("kind", command.Kind)
            .Required("organisation", command.Organisation)
            .MaxLength("email", command.Email, Check.ShortText)
            .That(command.Email is null || command.Email.Contains('@'), "email", "Geen geldig e-mailadres.")
            .MaxLength("phone", command.Phone, 40)
            .MaxLength("notes", command.Notes, Check.LongText)
            .InRange("effectiveOn", command.EffectiveOn)
            .ToProblem();

    /// <summary>Registers as asked; close matches do not stop it, they are answered so that the caller can warn.</summary>
    public static async Task<(CommandResult, IStartStream)> Handle(RegisterContact command, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var registered = Decide(command, Guid.CreateVersion7(), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var duplicates = await ContactQueries.CloseMatchesAsync(session, registered.Name, ct);
        var id = registered.ContactId;
        return (CommandResult.Started(id, $"/api/contacts/{id}", new { id, possibleDuplicates = duplicates }),
            MartenOps.StartStream<Contact>(id, registered));
    }

    public static ContactRegistered Decide(RegisterContact command, Guid id, DateOnly today) =>
        new(id, command.Name.Trim(), command.Kind!.Value, command.Organisation.Trim(), command.EffectiveOn ?? today,
            Check.Blank(command.Email), Check.Blank(command.Phone), Check.Blank(command.Notes), command.LawfulBasis ?? LawfulBasis.LegitimateInterest);
}

public static class RegisterContactEndpoint
{
    /// <summary>201 with the new id and <c>possibleDuplicates</c>: contacts whose name is close (case, accents, "van der").</summary>
    [WolverinePost("/api/contacts", OperationId = "RegisterContact"), Tags("Contacts"), Authorize(Policy = Policies.Officer), EndpointSummary("Register a contact."), EndpointDescription("Registers a person or organisation the association deals with: a Kamerlid, an official, a ministry. Answers 201 with the contact's location.")]
    public static Task<IResult> Post(RegisterContact command, HttpContext http, IMessageBus bus, CancellationToken ct) =>
        bus.AnswerAsync(command, http.User, ct);
}
