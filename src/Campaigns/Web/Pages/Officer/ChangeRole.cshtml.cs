using Campaigns.Contacts;
using JasperFx;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Wolverine;
using Wolverine.Marten.Publishing;

namespace Campaigns.Web.Pages.Officer;

/// <summary>A new role from a date on, through ChangeContactRoleEndpoint's Validate and Decide.</summary>
[BindProperties]
public sealed class ChangeRoleModel(IQuerySession query, OutboxedSessionFactory sessions, IMessageBus bus, TimeProvider clock) : FormPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public ContactKind? Kind { get; set; }
    public string? Organisation { get; set; }
    public DateOnly? EffectiveOn { get; set; }
    /// <summary>The contact's stream version when the form was shown: a change by someone else in between is not overwritten.</summary>
    public long Version { get; set; }

    [BindNever] public Contact Contact { get; private set; } = null!;

    protected override IReadOnlyDictionary<string, string> FieldLabels { get; } = new Dictionary<string, string>
    {
        [nameof(Kind)] = "Soort", [nameof(Organisation)] = "Organisatie", [nameof(EffectiveOn)] = "Nieuwe rol vanaf"
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Kind = Contact.CurrentRole?.Kind;
        Organisation = Contact.CurrentRole?.Organisation;
        EffectiveOn = Dutch.Today(clock);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var expected = Version;
        if (!await LoadAsync(ct)) return NotFound();
        var command = new ChangeContactRole(Kind, Organisation ?? "", EffectiveOn);
        if (!Accept(ChangeContactRoleEndpoint.Validate(command))) return Page();

        await using var session = OpenSession(sessions, bus);
        try
        {
            // Refused when the stream moved on since the form was shown, here or at the commit.
            var stream = await session.Events.FetchForWriting<Contact>(Id, expected, ct);
            stream.AppendOne(ChangeContactRoleEndpoint.Decide(command, stream.Aggregate!));
            await session.SaveChangesAsync(ct);
        }
        catch (ConcurrencyException)
        {
            await LoadAsync(ct);
            ModelState.AddModelError("", "Iemand anders wijzigde deze contactpersoon intussen. Controleer de rollen hieronder en sla opnieuw op.");
            return Page();
        }
        Flash($"Nieuwe rol van {Contact.Name}: {Dutch.Kind(command.Kind!.Value)}, {command.Organisation.Trim()}.");
        return Redirect($"/contacten/{Id}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var contact = await query.LoadAsync<Contact>(Id, ct);
        if (contact is null) return false;
        Contact = contact;
        Version = (await query.Events.FetchStreamStateAsync(Id, ct))?.Version ?? 0;
        return true;
    }
}
