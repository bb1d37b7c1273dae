using Campaigns.Contacts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Campaigns.Web.Pages.Officer;

/// <summary>"Rol beëindigen": the current role ends on a date, without a new one (EndContactRole).</summary>
[BindProperties]
public sealed class EndRoleModel(IQuerySession query, IMessageBus bus, TimeProvider clock) : FormPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public DateOnly? EffectiveOn { get; set; }
    public string? Reason { get; set; }
    public long ExpectedVersion { get; set; }

    [BindNever] public Contact Contact { get; private set; } = null!;
    [BindNever] public DateOnly Today { get; private set; }

    protected override IReadOnlyDictionary<string, string> FieldLabels { get; } = new Dictionary<string, string>
    {
        [nameof(EffectiveOn)] = "Einddatum", [nameof(Reason)] = "Reden"
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        EffectiveOn = Today;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ClearBindingErrors();
        var expected = ReadAt(ExpectedVersion);
        if (!await LoadAsync(ct)) return NotFound();
        var role = Contact.CurrentRole;
        if (await SendAsync(bus, new EndContactRole(EffectiveOn, Reason) { ContactId = Id, ExpectedVersion = expected }, ct) is null) return Page();
        Flash($"Rol van {Contact.Name} beëindigd op {Dutch.Date(EffectiveOn!.Value)}{(role is null ? "" : $": {Dutch.Kind(role.Kind)}, {role.Organisation}")}.");
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
