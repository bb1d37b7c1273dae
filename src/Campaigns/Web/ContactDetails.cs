using Campaigns.Contacts;
using Microsoft.AspNetCore.Mvc;

namespace Campaigns.Web;

/// <summary>
/// A contact's details (e-mail, phone, notes, organisation, lawful basis, informed on) and the role held today, with the
/// links that change them. For the contact's page: <c>@await Component.InvokeAsync("ContactDetails", new { contact })</c>.
/// </summary>
public sealed class ContactDetailsViewComponent(TimeProvider clock) : ViewComponent
{
    public IViewComponentResult Invoke(Contact contact) =>
        View("/Web/Pages/Shared/Components/ContactDetails/Default.cshtml", new ContactDetailsPanel(contact, Dutch.Today(clock),
            UserClaimsPrincipal.IsInRole(Roles.Admin)));
}

public sealed record ContactDetailsPanel(Contact Contact, DateOnly Today, bool MayForget);

/// <summary>Dutch names for the lawful bases and channels of GDPR facts.</summary>
public static class DutchPrivacy
{
    public static string Basis(LawfulBasis basis) => basis switch
    {
        LawfulBasis.LegitimateInterest => "Gerechtvaardigd belang (art. 6 lid 1 f)",
        LawfulBasis.Consent => "Toestemming (art. 6 lid 1 a)",
        LawfulBasis.PublicTask => "Taak van algemeen belang (art. 6 lid 1 e)",
        _ => "Overeenkomst (art. 6 lid 1 b)"
    };

    public static string Channel(InformationChannel channel) => channel switch
    {
        InformationChannel.Letter => "Brief",
        InformationChannel.Email => "E-mail",
        InformationChannel.InPerson => "Persoonlijk",
        _ => "Anders"
    };
}
