using Campaigns.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Campaigns.Tests.Foundation;

/// <summary>
/// <c>ops/run</c> starts in Development, where ASP.NET Core checks every registration when the host is built: a singleton
/// that takes a scoped service (the message bus, a session) stops the app before it serves anything.
/// </summary>
public class the_development_host
{
    [Fact]
    public void builds_with_every_registration_checked()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Development,
            ApplicationName = typeof(CampaignsHost).Assembly.GetName().Name
        });
        builder.Configuration["ConnectionStrings:Campaigns"] = "Host=127.0.0.1;Port=1;Database=never_opened;Username=postgres";
        builder.Host.UseDefaultServiceProvider(o => { o.ValidateOnBuild = true; o.ValidateScopes = true; });
        builder.AddCampaigns();

        using var app = builder.Build();

        Assert.NotNull(app.Services.GetRequiredService<global::Campaigns.DemoData.DemoDataSeeder>());
    }
}
