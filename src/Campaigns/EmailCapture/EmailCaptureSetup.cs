namespace Campaigns.EmailCapture;

public static class EmailCaptureSetup
{
    /// <summary>Settings, the documents, the poll queue and the watchdog that keeps one chain of polls alive.</summary>
    public static void AddCampaignsEmailCapture(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EmailCaptureOptions>(configuration.GetSection(EmailCaptureOptions.Section));
        services.AddSingleton<MessageCapture>();
        services.AddSingleton<CaptureMailboxPoller>();
        services.AddSingleton<CapturePollHooks>();
        services.AddHostedService<CapturePollingWatchdog>();
        services.ConfigureMarten(store =>
        {
            store.Schema.For<CapturedEmail>().Duplicate(d => d.SentAt);
            store.Schema.For<CapturedMessage>();
            store.Schema.For<CaptureMailboxSchedule>();
        });
        services.ConfigureWolverine(opts =>
        {
            // Durable (UseDurableLocalQueues): the next poll survives a restart. One poll at a time on a node.
            opts.PublishMessage<PollCaptureMailbox>().ToLocalQueue(EmailCaptureOptions.Queue);
            opts.LocalQueue(EmailCaptureOptions.Queue).Sequential();
        });
    }
}
