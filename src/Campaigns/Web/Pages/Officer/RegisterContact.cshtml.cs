using Campaigns.Contacts;
using Microsoft.AspNetCore.Mvc;

namespace Campaigns.Web.Pages.Officer;

/// <summary>
/// Registers a contact through RegisterContactHandler. A name close to one already recorded first shows the candidates
/// and asks "toch nieuw vastleggen?"; only a confirmed form sends the command.
/// </summary>
[BindProperties]
public sealed class RegisterContactModel(IQuerySession query, IMessageBus bus, TimeProvider clock) : FormPage
{
    public string? Name { get; set; }
    public ContactKind? Kind { get; set; }
    public string? Organisation { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Notes { get; set; }
    public DateOnly? EffectiveOn { get; set; }
    /// <summary>The name whose close matches the officer saw before choosing "toch nieuw vastleggen"; a changed name is checked again.</summary>
    public string? ConfirmedName { get; set; }

    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever] public IReadOnlyList<PossibleDuplicate> Candidates { get; private set; } = [];

    protected override IReadOnlyDictionary<string, string> FieldLabels { get; } = new Dictionary<string, string>
    {
        [nameof(Name)] = "Naam", [nameof(Kind)] = "Soort", [nameof(Organisation)] = "Organisatie", [nameof(EffectiveOn)] = "Rol vanaf",
        [nameof(Email)] = "E-mail", [nameof(Phone)] = "Telefoon", [nameof(Notes)] = "Notities"
    };

    /// <summary>A captured e-mail's unknown address opens the form with its address and name filled in (?email=&amp;name=).</summary>
    public void OnGet(string? email, string? name)
    {
        EffectiveOn = Dutch.Today(clock);
        Email = string.IsNullOrWhiteSpace(email) ? null : email.Trim()[..Math.Min(email.Trim().Length, Check.ShortText)];
        Name = string.IsNullOrWhiteSpace(name) ? null : name.Trim()[..Math.Min(name.Trim().Length, Check.ShortText)];
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ClearBindingErrors();
        if (!string.IsNullOrWhiteSpace(Name) && ConfirmedName?.Trim() != Name.Trim())
        {
            Candidates = await ContactQueries.CloseMatchesAsync(query, Name, ct);
            if (Candidates.Count > 0) return Page();
        }
        var command = new RegisterContact(Name ?? "", Kind, Organisation ?? "", Email, Phone, Notes, EffectiveOn);
        if (await SendAsync(bus, command, ct) is not { Id: { } id }) return Page();
        Flash($"{command.Name.Trim()} is vastgelegd.");
        return Redirect($"/contacten/{id}");
    }
}
