using System.Net.Sockets;
using JasperFx.Events.Projections;
using Microsoft.Extensions.Options;
using Marten;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Marten;

namespace Campaigns.Webhooks;

public static class WebhooksSetup
{
    /// <summary>Everything webhooks need: settings, the snapshot, the fan-out subscription, the queue and its retry policy.</summary>
    public static void AddCampaignsWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(WebhookOptions.Section);
        services.Configure<WebhookOptions>(section);
        var options = section.Get<WebhookOptions>() ?? new WebhookOptions();
        WebhookSubscription.BaseUrl = options.BaseUrl.TrimEnd('/');

        services.AddHttpClient(WebhookOptions.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            // A receiver's redirect is not followed: it could point into the server's own network.
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                ConnectCallback = ConnectToCheckedAddresses(provider.GetRequiredService<IOptions<WebhookOptions>>())
            });
        services.ConfigureMarten(store =>
        {
            store.Projections.Snapshot<Webhook>(SnapshotLifecycle.Inline);
            store.Schema.For<WebhookDelivery>().Duplicate(d => d.CreatedAt);
        });
        services.SubscribeToEvents(new WebhookSubscription());
        services.ConfigureWolverine(opts =>
        {
            // Durable (UseDurableLocalQueues): a delivery waiting for its next attempt survives a restart.
            opts.PublishMessage<DeliverWebhook>().ToLocalQueue(WebhookOptions.Queue);
            opts.LocalQueue(WebhookOptions.Queue).MaximumParallelMessages(4);
            // Backoff over about 24 hours by default, then the dead-letter queue (the admin screen can resend).
            opts.OnException<WebhookDeliveryFailed>().ScheduleRetry(options.RetryDelays).Then.MoveToErrorQueue();
        });
    }

    /// <summary>
    /// Checks the receiver's addresses again at every delivery, and connects to the ones it checked: a host that was
    /// public when the webhook was registered can point into the server's own network later (DNS rebinding).
    /// </summary>
    private static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> ConnectToCheckedAddresses(
        IOptions<WebhookOptions> options) =>
        async (context, ct) =>
        {
            var host = context.DnsEndPoint.Host;
            var addresses = await RegisterWebhookHandler.AddressesAsync(host, ct);
            if (!options.Value.AllowPrivateAddresses && (addresses.Length == 0 || addresses.Any(RegisterWebhookHandler.IsPrivate)))
                throw new HttpRequestException($"{host} wijst naar een privé of lokaal adres; daar gaat geen webhook heen.");
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };
}
