namespace Campaigns.Infrastructure;

public static class Features
{
    /// <summary>Services the capability slices need beyond Marten and Wolverine.</summary>
    public static void AddCampaignsFeatures(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHostedService<DemoData.DemoDataOnStartup>();
        services.AddSingleton<Privacy.PersonForgetter>();
    }
}
