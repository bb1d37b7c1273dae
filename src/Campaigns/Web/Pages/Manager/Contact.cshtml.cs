using Campaigns.Contacts;
using Campaigns.Timelines;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace Campaigns.Web.Pages.Manager;

public sealed class ContactModel(IQuerySession session, TimeProvider clock) : TimelinePageModel(session, clock)
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public Contact? Contact { get; private set; }

    public override string TimelineTitle => Contact?.Name ?? "contactpersoon";

    /// <summary>The role shown: the one held on the "as of" day, else the current one.</summary>
    public RolePeriod? Role => Contact is null ? null : AsOf is { } day ? Contact.RoleOn(day) : Contact.CurrentRole;

    protected override string TimelineKey => TimelineKeys.Contact(Id);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Contact = await Session.LoadAsync<Contact>(Id, ct);
        if (Contact is null) return NotFound();
        await ReadTimelineAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        Contact = await Session.LoadAsync<Contact>(Id, ct);
        return Contact is null ? NotFound() : await CsvAsync(ct);
    }
}
