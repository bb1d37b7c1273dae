using Campaigns.Accounts;
using Campaigns.Infrastructure.Http;
using Campaigns.Infrastructure.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace Campaigns.Contacts;

/// <param name="LawfulBasis">Why we may record this person; legitimate interest unless said.</param>
public record RegisterContact(
    string Name, ContactKind? Kind, string Organisation, string? Email, string? Phone, string? Notes, DateOnly? EffectiveOn,
    LawfulBasis? LawfulBasis = null);

public static class RegisterContactEndpoint
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
            .That(command.EffectiveOn is null || command.EffectiveOn.Value.Year >= 1900, "effectiveOn", "Ongeldige datum.")
            .ToProblem();

    [WolverinePost("/api/contacts"), Tags("Contacts"), Authorize(Policy = Policies.Officer)]
    public static (Created, IStartStream) Post(RegisterContact command, TimeProvider clock)
    {
        var registered = Decide(command, Guid.CreateVersion7(), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        return (new Created(registered.ContactId, $"/api/contacts/{registered.ContactId}"),
            MartenOps.StartStream<Contact>(registered.ContactId, registered));
    }

    public static ContactRegistered Decide(RegisterContact command, Guid id, DateOnly today) =>
        new(id, command.Name.Trim(), command.Kind!.Value, command.Organisation.Trim(), command.EffectiveOn ?? today,
            Blank(command.Email), Blank(command.Phone), Blank(command.Notes), command.LawfulBasis ?? LawfulBasis.LegitimateInterest);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
