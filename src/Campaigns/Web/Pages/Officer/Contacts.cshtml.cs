using Campaigns.Contacts;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Campaigns.Web.Pages.Officer;

public sealed class ContactsModel(IQuerySession session, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "zoek")] public string? Search { get; set; }
    [BindProperty(SupportsGet = true, Name = "soort")] public ContactKind? Kind { get; set; }
    public IReadOnlyList<ContactView> Contacts { get; private set; } = [];
    /// <summary>The list shows the role each contact holds today, not one that starts later.</summary>
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = Dutch.Today(clock);
        Contacts = await ContactQueries.List(Search, Kind, session, ct);
    }
}
