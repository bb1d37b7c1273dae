namespace Campaigns.Infrastructure;

public static class Features
{
    /// <summary>Services the capability slices need beyond Marten and Wolverine.</summary>
    public static void AddCampaignsFeatures(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<FollowUps.FollowUpPolicyOptions>(configuration.GetSection(FollowUps.FollowUpPolicyOptions.Section));
        services.Configure<FollowUps.SmtpOptions>(configuration.GetSection(FollowUps.SmtpOptions.Section));
        // First: the app holds its store, so that a projection rebuild refuses to run under it.
        services.AddHostedService<StoreInUse>();
        // Before the demo data: the timeline key index must be in place before entries are written.
        services.AddHostedService<Timelines.TimelineKeysOnStartup>();
        services.AddTransient<DemoData.DemoDataSeeder>();
        services.AddHostedService<DemoData.DemoDataOnStartup>();
        services.Configure<Http.IdempotencyOptions>(configuration.GetSection(Http.IdempotencyOptions.Section));
        services.AddSingleton<Http.IdempotencyPurge>();
        services.AddHostedService(sp => sp.GetRequiredService<Http.IdempotencyPurge>());
        services.AddSingleton<Privacy.PersonForgetter>();
        EmailCapture.EmailCaptureSetup.AddCampaignsEmailCapture(services, configuration);
        services.AddTransient<Imports.TkImporter>();
        services.AddTransient<Imports.EventLog>();
        Webhooks.WebhooksSetup.AddCampaignsWebhooks(services, configuration);
        Search.SearchSetup.AddCampaignsSearch(services);
        Parliament.ParliamentSetup.AddCampaignsParliament(services);
    }
}
