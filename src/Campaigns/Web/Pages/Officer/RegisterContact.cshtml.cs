using Campaigns.Contacts;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Marten.Publishing;

namespace Campaigns.Web.Pages.Officer;

/// <summary>Registers a contact through RegisterContactEndpoint's own Validate and Decide.</summary>
[BindProperties]
public sealed class RegisterContactModel(OutboxedSessionFactory sessions, IMessageBus bus, TimeProvider clock) : FormPage
{
    public string? Name { get; set; }
    public ContactKind? Kind { get; set; }
    public string? Organisation { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Notes { get; set; }
    public DateOnly? EffectiveOn { get; set; }

    protected override IReadOnlyDictionary<string, string> FieldLabels { get; } = new Dictionary<string, string>
    {
        [nameof(Name)] = "Naam", [nameof(Kind)] = "Soort", [nameof(Organisation)] = "Organisatie", [nameof(Email)] = "E-mail",
        [nameof(Phone)] = "Telefoon", [nameof(Notes)] = "Notities", [nameof(EffectiveOn)] = "Rol vanaf"
    };

    public void OnGet() => EffectiveOn = Dutch.Today(clock);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var command = new RegisterContact(Name ?? "", Kind, Organisation ?? "", Email, Phone, Notes, EffectiveOn);
        if (!Accept(RegisterContactEndpoint.Validate(command, clock))) return Page();

        var registered = RegisterContactEndpoint.Decide(command, Guid.CreateVersion7(), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        await using var session = OpenSession(sessions, bus);
        session.Events.StartStream<Contact>(registered.ContactId, registered);
        await session.SaveChangesAsync(ct);
        Flash($"{registered.Name} is vastgelegd.");
        return Redirect($"/contacten/{registered.ContactId}");
    }
}
