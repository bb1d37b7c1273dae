using Campaigns.Contacts;
using Campaigns.Privacy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Campaigns.Web.Pages.Officer;

/// <summary>"Vergeten" (GDPR art. 17), admins only: a confirmation step, then the Privacy slice's own erasure.</summary>
public sealed class ForgetContactModel(IQuerySession query, PersonForgetter forgetter) : FormPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public bool Confirmed { get; set; }
    [BindNever] public Contact Contact { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await query.LoadAsync<Contact>(Id, ct) is not { } contact) return NotFound();
        Contact = contact;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await query.LoadAsync<Contact>(Id, ct) is not { } contact) return NotFound();
        Contact = contact;
        if (!Confirmed)
        {
            ModelState.AddModelError(nameof(Confirmed), "Bevestig dat deze persoon vergeten moet worden.");
            return Page();
        }
        if (await forgetter.ForgetAsync(Id, ActingUser, ct) is null) return NotFound();
        Flash("De persoon is vergeten: naam, e-mail, telefoon en notities zijn gewist.");
        return Redirect("/contacten");
    }
}
