using Campaigns.Contacts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Campaigns.Web.Pages.Officer;

/// <summary>
/// A new role from a date on (ChangeContactRole), or, when the officer says so, a role inserted into the past as a
/// correction of the role history (CorrectContactRoleHistory), with its reason.
/// </summary>
[BindProperties]
public sealed class ChangeRoleModel(IQuerySession query, IMessageBus bus, TimeProvider clock) : FormPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public ContactKind? Kind { get; set; }
    public string? Organisation { get; set; }
    public DateOnly? EffectiveOn { get; set; }
    public bool IsCorrection { get; set; }
    public string? Reason { get; set; }
    /// <summary>The contact's stream version when the form was shown: a change by someone else in between is not overwritten.</summary>
    public long ExpectedVersion { get; set; }

    [BindNever] public Contact Contact { get; private set; } = null!;
    [BindNever] public DateOnly Today { get; private set; }

    protected override IReadOnlyDictionary<string, string> FieldLabels { get; } = new Dictionary<string, string>
    {
        [nameof(Kind)] = "Soort", [nameof(Organisation)] = "Organisatie", [nameof(EffectiveOn)] = "Nieuwe rol vanaf",
        [nameof(Reason)] = "Reden van de correctie"
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Kind = Contact.CurrentRole?.Kind;
        Organisation = Contact.CurrentRole?.Organisation;
        EffectiveOn = Today;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ClearBindingErrors();
        var expected = ReadAt(ExpectedVersion);
        if (!await LoadAsync(ct)) return NotFound();
        object command = IsCorrection
            ? new CorrectContactRoleHistory(Kind, Organisation ?? "", EffectiveOn, Reason ?? "") { ContactId = Id, ExpectedVersion = expected }
            : new ChangeContactRole(Kind, Organisation ?? "", EffectiveOn) { ContactId = Id, ExpectedVersion = expected };
        if (await SendAsync(bus, command, ct) is null) return Page();
        Flash(IsCorrection
            ? $"Rolgeschiedenis van {Contact.Name} gecorrigeerd: {Dutch.Kind(Kind!.Value)}, {Organisation!.Trim()} vanaf {Dutch.Date(EffectiveOn!.Value)}."
            : $"Nieuwe rol van {Contact.Name}: {Dutch.Kind(Kind!.Value)}, {Organisation!.Trim()} vanaf {Dutch.Date(EffectiveOn!.Value)}.");
        return Redirect($"/contacten/{Id}/gegevens");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var contact = await query.LoadAsync<Contact>(Id, ct);
        if (contact is null) return false;
        Contact = contact;
        Today = Dutch.Today(clock);
        if (ExpectedVersion == 0) ExpectedVersion = (await query.Events.FetchStreamStateAsync(Id, ct))?.Version ?? 0;
        return true;
    }
}
