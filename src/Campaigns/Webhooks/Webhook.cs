
namespace Campaigns.Webhooks;

/// <summary>
/// An admin registered a receiver. The secret is kept (in this event and the snapshot) because every delivery is signed
/// with it; it is answered once, to the admin who registered it, and never by any read.
/// </summary>
public record WebhookRegistered(Guid WebhookId, string Url, IReadOnlyList<string> Kinds, string? Description, string Secret);

public record WebhookDisabled(Guid WebhookId);

/// <summary>One webhook subscription, one stream; the snapshot is stored inline.</summary>
public sealed class Webhook
{
    public Guid Id { get; set; }
    public string Url { get; set; } = "";
    public List<string> Kinds { get; set; } = [];
    public string? Description { get; set; }
    public string Secret { get; set; } = "";
    public bool Active { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }

    public static Webhook Create(JasperFx.Events.IEvent<WebhookRegistered> e) => new()
    {
        Id = e.Data.WebhookId, Url = e.Data.Url, Kinds = e.Data.Kinds.ToList(), Description = e.Data.Description,
        Secret = e.Data.Secret, Active = true, RegisteredAt = e.Timestamp
    };

    public void Apply(WebhookDisabled _) => Active = false;

    public WebhookView ToView() => new(Id, Url, Kinds, Description, Active, RegisteredAt);
}

/// <summary>What reads answer: never the secret.</summary>
public record WebhookView(Guid Id, string Url, IReadOnlyList<string> Kinds, string? Description, bool Active, DateTimeOffset RegisteredAt);

/// <summary>The event kinds a webhook can ask for.</summary>
public static class WebhookKinds
{
    public const string InteractionLogged = "interaction.logged";
    public const string InteractionCorrected = "interaction.corrected";
    public const string InteractionRetracted = "interaction.retracted";
    public const string DemandAdopted = "demand.adopted";
    public const string DemandAdoptionRetracted = "demand.adoption-retracted";
    public const string DemandRejected = "demand.rejected";
    public const string DemandWithdrawn = "demand.withdrawn";
    public const string CampaignStarted = "campaign.started";
    public const string CampaignClosed = "campaign.closed";
    public const string FollowUpDue = "follow-up.due";
    public const string FollowUpOverdue = "follow-up.overdue";

    public static readonly IReadOnlyList<string> All =
    [
        InteractionLogged, InteractionCorrected, InteractionRetracted, DemandAdopted, DemandAdoptionRetracted, DemandRejected, DemandWithdrawn,
        CampaignStarted, CampaignClosed, FollowUpDue, FollowUpOverdue
    ];
}
