using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Campaigns.Infrastructure;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine;

namespace Campaigns.Webhooks;

/// <summary>Delivers (or delivers again) one recorded delivery; sent to the durable local queue <see cref="Queue"/>.</summary>
public record DeliverWebhook(Guid DeliveryId);

public enum DeliveryStatus { Pending, Delivered, Failing, DeadLettered }

/// <summary>
/// One payload for one webhook, and how its delivery went. The payload names only ids and a link, never personal data:
/// a receiver reads the resource through the API, with its own authorisation.
/// </summary>
public sealed class WebhookDelivery
{
    public Guid Id { get; set; }
    public Guid WebhookId { get; set; }
    public string Kind { get; set; } = "";
    public DateTimeOffset OccurredAt { get; set; }
    public string Resource { get; set; } = "";
    public Dictionary<string, Guid> Data { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }

    public string Body() => JsonSerializer.Serialize(new
    {
        id = Id, kind = Kind, occurredAt = OccurredAt, resource = Resource, data = Data
    }, JsonDefaults.Create());
}

/// <summary>The receiver did not answer 2xx in time: Wolverine retries the message with backoff, then dead-letters it.</summary>
public sealed class WebhookDeliveryFailed(string message, Exception? inner = null) : Exception(message, inner);

public static class WebhookSignature
{
    public const string Header = "Campaigns-Signature";
    public const string DeliveryHeader = "Campaigns-Delivery";

    /// <summary><c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256(secret, "&lt;t&gt;.&lt;body&gt;")&gt;</c></summary>
    public static string Sign(string secret, long timestamp, string body) =>
        $"t={timestamp},v1={Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")))}";
}

/// <summary>
/// POSTs the payload, signed. No transaction of its own: each outcome is stored in a session opened here, so a failed
/// attempt is recorded even though the message is retried.
/// </summary>
public static class DeliverWebhookHandler
{
    public static async Task Handle(DeliverWebhook message, Envelope envelope, IDocumentStore store, IHttpClientFactory clients,
        IOptions<WebhookOptions> options, TimeProvider clock, ILogger<WebhookDelivery> logger, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var delivery = await session.LoadAsync<WebhookDelivery>(message.DeliveryId, ct);
        if (delivery is null || delivery.Status == DeliveryStatus.Delivered) return;
        var webhook = await session.LoadAsync<Webhook>(delivery.WebhookId, ct);
        if (webhook is not { Active: true }) return;

        var body = delivery.Body();
        var now = clock.GetUtcNow();
        delivery.Attempts++;
        delivery.LastAttemptAt = now;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url)
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json")
            };
            request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(webhook.Secret, now.ToUnixTimeSeconds(), body));
            request.Headers.Add(WebhookSignature.DeliveryHeader, delivery.Id.ToString());
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
            using var response = await clients.CreateClient(WebhookOptions.HttpClientName).SendAsync(request, timeout.Token);
            if (!response.IsSuccessStatusCode) throw new WebhookDeliveryFailed($"De ontvanger antwoordde {(int)response.StatusCode}.");
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            var failure = e as WebhookDeliveryFailed ?? new WebhookDeliveryFailed(
                e is OperationCanceledException ? "Geen antwoord binnen de tijd." : $"Niet bereikbaar: {e.Message}", e);
            // The last attempt of the retry budget: Wolverine dead-letters the message next.
            var last = envelope.Attempts > options.Value.RetryDelays.Length;
            delivery.Status = last ? DeliveryStatus.DeadLettered : DeliveryStatus.Failing;
            delivery.LastError = failure.Message;
            session.Store(delivery);
            await session.SaveChangesAsync(ct);
            logger.LogWarning("Webhook delivery {Delivery} to {Url} failed (attempt {Attempt}): {Error}", delivery.Id, webhook.Url, envelope.Attempts, failure.Message);
            throw failure;
        }

        delivery.Status = DeliveryStatus.Delivered;
        delivery.DeliveredAt = clock.GetUtcNow();
        delivery.LastError = null;
        session.Store(delivery);
        await session.SaveChangesAsync(ct);
    }
}
