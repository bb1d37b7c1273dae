using System.Security.Cryptography;
using System.Text;
using Campaigns.Campaigns;
using Campaigns.Demands;
using Campaigns.FollowUps;
using Campaigns.Interactions;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Wolverine;
using Wolverine.Marten.Subscriptions;

namespace Campaigns.Webhooks;

/// <summary>
/// Turns events into deliveries, off the command path: a subscription of Marten's async daemon sees every event of the
/// kinds below, whichever handler appended it. For each active webhook that asked for the kind it stores a
/// <see cref="WebhookDelivery"/> and sends <see cref="DeliverWebhook"/> through Wolverine's outbox, in the same
/// transaction as the subscription's progress: a crash mid-page processes the page again, with the same delivery ids.
/// </summary>
public sealed class WebhookSubscription : BatchSubscription
{
    public const string Name = "webhooks";

    public static readonly IReadOnlyList<Type> EventTypes =
    [
        typeof(LetterSent), typeof(MeetingHeld), typeof(CallMade), typeof(EmailSent), typeof(HearingAttended),
        typeof(InteractionCorrected), typeof(InteractionRetracted),
        typeof(DemandAdopted), typeof(DemandAdoptionRetracted), typeof(DemandRejected), typeof(DemandWithdrawn),
        typeof(CampaignStarted), typeof(CampaignClosed),
        typeof(FollowUpDue), typeof(FollowUpOverdue)
    ];

    public WebhookSubscription() : base(Name)
    {
        foreach (var type in EventTypes) IncludeType(type);
        Options.BatchSize = 500;
    }

    public override Task ProcessEventsAsync(EventRange page, ISubscriptionController controller,
        IDocumentOperations operations, IMessageBus bus, CancellationToken cancellationToken) =>
        FanOutAsync(page.Events, operations, bus, cancellationToken);

    /// <summary>One delivery per event and matching webhook, stored with the page and sent through the outbox.</summary>
    public static async Task FanOutAsync(IReadOnlyList<IEvent> events, IDocumentOperations operations, IMessageBus bus, CancellationToken cancellationToken)
    {
        var notices = events.Select(e => (Event: e, Notice: Describe(e.Data))).Where(x => x.Notice is not null).ToList();
        if (notices.Count == 0) return;
        var webhooks = await operations.Query<Webhook>().Where(w => w.Active).ToListAsync(cancellationToken);
        if (webhooks.Count == 0) return;
        var baseUrl = BaseUrl;
        // A replay of the log (`projections rebuild`, a page processed again after a crash) must not send anything twice:
        // a delivery's id is derived from the event and the webhook, so the ones that exist already are skipped.
        var due = notices
            .SelectMany(n => webhooks.Where(w => w.Kinds.Contains(n.Notice!.Kind)).Select(w => (Id: DeliveryId(n.Event.Id, w.Id), n.Event, n.Notice, Webhook: w)))
            .ToList();
        if (due.Count == 0) return;
        var existing = (await operations.LoadManyAsync<WebhookDelivery>(cancellationToken, due.Select(d => d.Id).ToArray())).Select(d => d.Id).ToHashSet();
        foreach (var (id, e, notice, webhook) in due)
        {
            if (existing.Contains(id)) continue;
            var delivery = new WebhookDelivery
            {
                Id = id, WebhookId = webhook.Id, Kind = notice!.Kind, OccurredAt = e.Timestamp,
                Resource = baseUrl + notice.Resource, Data = notice.Data, CreatedAt = DateTimeOffset.UtcNow,
                Status = DeliveryStatus.Pending
            };
            operations.Store(delivery);
            await bus.PublishAsync(new DeliverWebhook(delivery.Id));
        }
    }

    /// <summary>Set from <c>Campaigns:Webhooks:BaseUrl</c> at start-up: resource links are absolute when it is set.</summary>
    public static string BaseUrl { get; set; } = "";

    public sealed record Notice(string Kind, string Resource, Dictionary<string, Guid> Data);

    /// <summary>The kind, link and ids of an event; ids only, never names or texts.</summary>
    public static Notice? Describe(object data) => data switch
    {
        InteractionRecorded r => new(WebhookKinds.InteractionLogged, $"/api/interactions/{r.InteractionId}",
            new() { ["interactionId"] = r.InteractionId, ["campaignId"] = r.CampaignId }),
        InteractionCorrected c => new(WebhookKinds.InteractionCorrected, $"/api/interactions/{c.InteractionId}", new() { ["interactionId"] = c.InteractionId }),
        InteractionRetracted r => new(WebhookKinds.InteractionRetracted, $"/api/interactions/{r.InteractionId}", new() { ["interactionId"] = r.InteractionId }),
        DemandAdopted a => Demand(WebhookKinds.DemandAdopted, a.DemandId, a.CampaignId),
        DemandAdoptionRetracted r => Demand(WebhookKinds.DemandAdoptionRetracted, r.DemandId, r.CampaignId),
        DemandRejected r => Demand(WebhookKinds.DemandRejected, r.DemandId, r.CampaignId),
        DemandWithdrawn w => Demand(WebhookKinds.DemandWithdrawn, w.DemandId, w.CampaignId),
        CampaignStarted s => new(WebhookKinds.CampaignStarted, $"/api/campaigns/{s.CampaignId}", new() { ["campaignId"] = s.CampaignId }),
        CampaignClosed c => new(WebhookKinds.CampaignClosed, $"/api/campaigns/{c.CampaignId}", new() { ["campaignId"] = c.CampaignId }),
        FollowUpDue d => new(WebhookKinds.FollowUpDue, $"/api/follow-ups/{d.FollowUpId}", new() { ["followUpId"] = d.FollowUpId }),
        FollowUpOverdue o => new(WebhookKinds.FollowUpOverdue, $"/api/follow-ups/{o.FollowUpId}", new() { ["followUpId"] = o.FollowUpId }),
        _ => null
    };

    private static Notice Demand(string kind, Guid demandId, Guid campaignId) =>
        new(kind, $"/api/demands/{demandId}", new() { ["demandId"] = demandId, ["campaignId"] = campaignId });

    /// <summary>The same event and webhook always give the same delivery id, so a page processed again does not double it.</summary>
    public static Guid DeliveryId(Guid eventId, Guid webhookId)
    {
        var hash = MD5.HashData(Encoding.ASCII.GetBytes($"{eventId:N}{webhookId:N}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x30);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash, bigEndian: true);
    }
}
