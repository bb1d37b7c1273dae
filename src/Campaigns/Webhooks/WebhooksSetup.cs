using JasperFx.Events.Projections;
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
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
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
}
