using Campaigns.Contacts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Campaigns.Web.Pages.Officer;

/// <summary>
/// A contact's details with their history: change e-mail, phone, notes and lawful basis (ChangeContactDetails), and
/// record that the person was informed (InformDataSubject). Every change is an event of its own; the history below the
/// forms reads them from the contact's stream, with who recorded them and when.
/// </summary>
public sealed class ContactDetailsModel(IQuerySession query, IMessageBus bus, TimeProvider clock) : FormPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? Notes { get; set; }
    [BindProperty] public LawfulBasis? LawfulBasis { get; set; }
    [BindProperty] public DateOnly? InformedOn { get; set; }
    [BindProperty] public InformationChannel? Channel { get; set; }
    [BindProperty] public string? InformNote { get; set; }
    [BindProperty] public long ExpectedVersion { get; set; }

    [BindNever] public Contact Contact { get; private set; } = null!;
    [BindNever] public DateOnly Today { get; private set; }
    [BindNever] public IReadOnlyList<ContactHistoryLine> History { get; private set; } = [];

    protected override IReadOnlyDictionary<string, string> FieldLabels { get; } = new Dictionary<string, string>
    {
        [nameof(Email)] = "E-mail", [nameof(Phone)] = "Telefoon", [nameof(Notes)] = "Notities", [nameof(LawfulBasis)] = "Grondslag",
        [nameof(InformedOn)] = "Geïnformeerd op", [nameof(Channel)] = "Hoe", [nameof(InformNote)] = "Toelichting"
    };

    private static readonly Dictionary<string, string> InformFields = new() { ["note"] = nameof(InformNote) };
    private static readonly Dictionary<string, string> DetailFields = new() { ["changes"] = "" };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Email = Contact.Email;
        Phone = Contact.Phone;
        Notes = Contact.Notes;
        LawfulBasis = Contact.LawfulBasis;
        InformedOn = Today;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ClearBindingErrors();
        var expected = ReadAt(ExpectedVersion);
        if (!await LoadAsync(ct)) return NotFound();
        var command = new ChangeContactDetails(Email, Phone, Notes, LawfulBasis) { ContactId = Id, ExpectedVersion = expected };
        if (await SendAsync(bus, command, ct, DetailFields) is null)
        {
            InformedOn ??= Today;
            return Page();
        }
        Flash($"Gegevens van {Contact.Name} opgeslagen.");
        return Redirect($"/contacten/{Id}/gegevens");
    }

    public async Task<IActionResult> OnPostInformedAsync(CancellationToken ct)
    {
        ClearBindingErrors();
        var expected = ReadAt(ExpectedVersion);
        if (!await LoadAsync(ct)) return NotFound();
        var command = new InformDataSubject(InformedOn, Channel, InformNote) { ContactId = Id, ExpectedVersion = expected };
        if (await SendAsync(bus, command, ct, InformFields) is null)
        {
            Email ??= Contact.Email;
            Phone ??= Contact.Phone;
            Notes ??= Contact.Notes;
            LawfulBasis ??= Contact.LawfulBasis;
            return Page();
        }
        Flash($"Vastgelegd: {Contact.Name} is geïnformeerd op {Dutch.Date(InformedOn!.Value)}.");
        return Redirect($"/contacten/{Id}/gegevens");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var contact = await query.LoadAsync<Contact>(Id, ct);
        if (contact is null) return false;
        Contact = contact;
        Today = Dutch.Today(clock);
        var events = await query.Events.FetchStreamAsync(Id, token: ct);
        if (ExpectedVersion == 0) ExpectedVersion = events.Count == 0 ? 0 : events[^1].Version;
        History = ContactHistoryLine.From(events);
        return true;
    }
}

/// <summary>One line of a contact's history: what was recorded, by whom and when.</summary>
public sealed record ContactHistoryLine(DateTimeOffset At, string? By, string What)
{
    public static IReadOnlyList<ContactHistoryLine> From(IReadOnlyList<IEvent> events)
    {
        var lines = new List<ContactHistoryLine>();
        Contact? before = null;
        foreach (var e in events)
        {
            var what = e.Data switch
            {
                ContactRegistered r => $"Vastgelegd als {Dutch.Kind(r.Kind)}, {r.Organisation} vanaf {Dutch.Date(r.EffectiveOn)}",
                ContactDetailsChanged d when before is not null => "Gegevens gewijzigd: " + Changes(before, d),
                ContactRoleChanged r => $"Nieuwe rol: {Dutch.Kind(r.Kind)}, {r.Organisation} vanaf {Dutch.Date(r.EffectiveOn)}",
                ContactRoleEnded r => $"Rol beëindigd op {Dutch.Date(r.EffectiveOn)}{(r.Reason is { } why ? $" ({why})" : "")}",
                ContactRoleHistoryCorrected r => $"Rolgeschiedenis gecorrigeerd: {Dutch.Kind(r.Kind)}, {r.Organisation} vanaf {Dutch.Date(r.EffectiveOn)}. Reden: {r.Reason}",
                DataSubjectInformed i => $"Geïnformeerd (AVG) op {Dutch.Date(i.InformedOn)} per {DutchPrivacy.Channel(i.Channel).ToLowerInvariant()}{(i.Note is { } note ? $": {note}" : "")}",
                ContactForgotten => "Vergeten (AVG)",
                _ => null
            };
            before = e.Data switch
            {
                ContactRegistered r => Contact.Create(r),
                ContactDetailsChanged d => before?.Apply(d),
                _ => before
            };
            if (what is not null) lines.Add(new ContactHistoryLine(e.Timestamp, e.UserName, what));
        }
        lines.Reverse();
        return lines;
    }

    private static string Changes(Contact before, ContactDetailsChanged d)
    {
        static string Show(string? value) => string.IsNullOrEmpty(value) ? "(leeg)" : value;
        var parts = new List<string>();
        if (before.Email != d.Email) parts.Add($"e-mail {Show(before.Email)} → {Show(d.Email)}");
        if (before.Phone != d.Phone) parts.Add($"telefoon {Show(before.Phone)} → {Show(d.Phone)}");
        if (before.Notes != d.Notes) parts.Add($"notities {Show(before.Notes)} → {Show(d.Notes)}");
        if (before.LawfulBasis != d.LawfulBasis) parts.Add($"grondslag {DutchPrivacy.Basis(before.LawfulBasis)} → {DutchPrivacy.Basis(d.LawfulBasis)}");
        return parts.Count == 0 ? "niets" : string.Join("; ", parts);
    }
}
