using Campaigns.Webhooks;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Wolverine;

namespace Campaigns.Web.Pages.Admin;

/// <summary>
/// Webhooks for admins: register one (its secret is shown once, in this answer), disable one, and send a failed delivery
/// again. Every change is the API's command, sent through the bus.
/// </summary>
public sealed class WebhooksModel(IQuerySession session, IMessageBus bus) : FormPage
{
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public List<string> Kinds { get; set; } = [];
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public Guid Target { get; set; }

    [BindNever] public IReadOnlyList<WebhookView> Hooks { get; private set; } = [];
    [BindNever] public IReadOnlyList<WebhookDelivery> Failed { get; private set; } = [];
    /// <summary>Shown once, right after the webhook was registered.</summary>
    [BindNever] public RegisteredWebhook? Created { get; private set; }

    protected override IReadOnlyDictionary<string, string> FieldLabels { get; } = new Dictionary<string, string>
    {
        [nameof(Address)] = "URL", [nameof(Kinds)] = "Gebeurtenissen", [nameof(Description)] = "Omschrijving"
    };

    public static string KindName(string kind) => kind switch
    {
        WebhookKinds.InteractionLogged => "Contactmoment vastgelegd",
        WebhookKinds.InteractionCorrected => "Contactmoment gecorrigeerd",
        WebhookKinds.InteractionRetracted => "Contactmoment ingetrokken",
        WebhookKinds.DemandAdopted => "Wens overgenomen",
        WebhookKinds.DemandAdoptionRetracted => "Overname ingetrokken",
        // "afgewezen", as the demand's status and timeline say; "verworpen" is what the Kamer does to a motie.
        WebhookKinds.DemandRejected => "Wens afgewezen",
        WebhookKinds.DemandWithdrawn => "Wens ingetrokken",
        WebhookKinds.CampaignStarted => "Campagne gestart",
        WebhookKinds.CampaignClosed => "Campagne gesloten",
        WebhookKinds.FollowUpDue => "Follow-up verloopt",
        WebhookKinds.FollowUpOverdue => "Follow-up te laat",
        _ => kind
    };

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        ClearBindingErrors();
        var result = await SendAsync(bus, new RegisterWebhook(Address?.Trim() ?? "", Kinds, Description), ct,
            new Dictionary<string, string> { ["url"] = nameof(Address) });
        if (result is not null)
        {
            // Not a redirect: the secret is in this answer only.
            Created = (RegisteredWebhook)result.Details!;
            Address = Description = null;
            Kinds = [];
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken ct)
    {
        ClearBindingErrors();
        if (await SendAsync(bus, new DisableWebhook { WebhookId = Target }, ct) is null)
        {
            await LoadAsync(ct);
            return Page();
        }
        Flash("De webhook is uitgeschakeld: er gaan geen leveringen meer naartoe.");
        return Redirect("/beheer/webhooks");
    }

    public async Task<IActionResult> OnPostResendAsync(CancellationToken ct)
    {
        ClearBindingErrors();
        if (await SendAsync(bus, new ResendWebhookDelivery { DeliveryId = Target }, ct) is null)
        {
            await LoadAsync(ct);
            return Page();
        }
        Flash("De levering wordt opnieuw verstuurd, met hetzelfde leverings-id.");
        return Redirect("/beheer/webhooks");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Hooks = (await session.Query<Webhook>().OrderBy(w => w.RegisteredAt).ToListAsync(ct)).Select(w => w.ToView()).ToList();
        Failed = await session.Query<WebhookDelivery>()
            .Where(d => d.Status == DeliveryStatus.Failing || d.Status == DeliveryStatus.DeadLettered)
            .OrderByDescending(d => d.CreatedAt).Take(100).ToListAsync(ct);
    }
}
