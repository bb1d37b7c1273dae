using Alba;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Campaigns.Tests.Infrastructure;

/// <summary>One host per test collection, on its own database.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    public const string Officer = "anna.officer";

    public IAlbaHost Host { get; private set; } = null!;
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        ConnectionString = await TestDatabase.CreateAsync("campaigns_test");
        Host = await StartHostAsync(ConnectionString);
    }

    /// <summary>Starts an app host on the given database; restart and two-node tests use it for extra hosts.</summary>
    public static async Task<IAlbaHost> StartHostAsync(string connectionString, bool solo = true,
        Action<IServiceCollection>? configureServices = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var host = await AlbaHost.For<Program>(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:Campaigns", connectionString);
            builder.UseSetting("Campaigns:SeedDemoDataWhenEmpty", "false");
            foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
            builder.ConfigureServices(services =>
            {
                if (solo)
                {
                    services.MartenDaemonModeIsSolo();
                    services.RunWolverineInSoloMode();
                }
                configureServices?.Invoke(services);
            });
        });
        host.BeforeEach(context =>
        {
            if (!context.Request.Headers.ContainsKey("X-User")) context.Request.Headers["X-User"] = Officer;
        });
        return host;
    }

    public async Task DisposeAsync()
    {
        await Host.StopAsync();
        await Host.DisposeAsync();
        await TestDatabase.DropAsync(ConnectionString);
    }
}

[CollectionDefinition(Name)]
public sealed class IntegrationCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "integration";
}
