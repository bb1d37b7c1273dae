using System.Collections.Concurrent;
using Alba;
using Campaigns.Accounts;
using Campaigns.Timelines;
using Microsoft.AspNetCore.Http;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Campaigns.Tests.Infrastructure;

/// <summary>One host per test collection, on its own database.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    /// <summary>
    /// The user every request acts as unless it says otherwise. The name is historical: the account has the admin role,
    /// so that tests of other capabilities may do everything; role tests provision their own users.
    /// </summary>
    public const string Officer = "anna.officer";

    public const int UntouchedDemandDays = 3650;

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
            builder.UseSetting("Campaigns:CreateFirstAdmin", "false");
            // A solo host runs the timeline subscription itself; two-node tests use Wolverine's distribution.
            if (solo) builder.UseSetting("Campaigns:SingleNode", "true");
            // The test data is back-dated (the formation of 2025): with the default 30 days, every "untouched demand"
            // check would fall due at once and race the assertions. Tests of that policy compute with this setting.
            builder.UseSetting("Campaigns:FollowUps:UntouchedDemandDays", UntouchedDemandDays.ToString());
            foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
            builder.ConfigureServices(services =>
            {
                if (solo)
                {
                    services.RunWolverineInSoloMode();
                }
                configureServices?.Invoke(services);
            });
        });
        var users = new TestUsers(host.Services.GetRequiredService<IDocumentStore>());
        Users[host] = users;
        // A request without an Authorization header acts as the default user; an empty header means anonymous.
        host.BeforeEachAsync(async context =>
        {
            if (!context.Request.Headers.ContainsKey("Authorization"))
                context.Request.Headers.Authorization = "Bearer " + await users.TokenForAsync(Officer, Roles.Admin);
            // Reads see every write made before them, as a user who passes the command's position back does. A test of
            // that mechanism itself sends the header or waitFor, and is left to it.
            if (HttpMethods.IsGet(context.Request.Method) && !context.Request.Headers.ContainsKey(TimelineProgress.WaitForHeader)
                && !context.Request.Query.ContainsKey("waitFor"))
                await host.Services.GetRequiredService<TimelineProgress>().WaitForEverythingAsync(TimeSpan.FromSeconds(30));
        });
        return host;
    }

    private static readonly ConcurrentDictionary<IAlbaHost, TestUsers> Users = new();

    /// <summary>A bearer token for a test user with this role on this fixture's host, provisioned on demand.</summary>
    public Task<string> TokenForAsync(string user, string role = Roles.Admin) => Users[Host].TokenForAsync(user, role);

    public async Task DisposeAsync()
    {
        Users.TryRemove(Host, out _);
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

/// <summary>
/// Test accounts with API tokens, written straight to the store (no password: hashing one costs 100 ms). Each test
/// wipes the store, so every use checks that the account and token still exist and writes them again if not.
/// </summary>
public sealed class TestUsers(IDocumentStore store)
{
    private readonly string _salt = Guid.NewGuid().ToString("N");

    public async Task<string> TokenForAsync(string user, string role)
    {
        var token = $"{Secrets.TokenPrefix}test-{UserAccount.IdFor(user)}-{_salt}";
        var tokenId = new Guid(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(token)));
        await using var session = store.LightweightSession();
        var account = await session.LoadAsync<UserAccount>(UserAccount.IdFor(user));
        var stored = await session.LoadAsync<ApiToken>(tokenId);
        if (account?.Role == role && account.IsActive && stored is { IsRevoked: false }) return token;

        session.Store(new UserAccount(UserAccount.IdFor(user), user, role, null, false, Secrets.NewStamp(), DateTimeOffset.UtcNow, "tests", null));
        session.Store(new ApiToken(tokenId, UserAccount.IdFor(user), Secrets.HashToken(token), "tests", DateTimeOffset.UtcNow, "tests", null, null));
        await session.SaveChangesAsync();
        return token;
    }
}
