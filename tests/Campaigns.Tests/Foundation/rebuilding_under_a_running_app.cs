using Campaigns.Infrastructure;
using Campaigns.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Campaigns.Tests.Foundation;

/// <summary><c>projections --rebuild</c> refuses, with a clear message, while an app holds the store.</summary>
public class rebuilding_under_a_running_app(AppFixture fixture) : IntegrationContext(fixture)
{
    private static IConfiguration Settings(string connectionString) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Campaigns"] = connectionString })
        .Build();

    [Fact]
    public async Task is_refused_while_the_app_runs()
    {
        // The fixture's app is running on this database.
        var error = new StringWriter();
        var console = Console.Error;
        Console.SetError(error);
        try
        {
            Assert.False(await StoreInUse.MayRebuildAsync(Settings(Fixture.ConnectionString), ["projections", "--rebuild"]));
        }
        finally
        {
            Console.SetError(console);
        }
        Assert.Contains("an app is running on this store", error.ToString());
        Assert.Null(await StoreInUse.TakeForRebuildAsync(Fixture.ConnectionString, Store.Options.DatabaseSchemaName));
        // Other commands are not held up.
        Assert.True(await StoreInUse.MayRebuildAsync(Settings(Fixture.ConnectionString), ["projections", "--list"]));
    }

    [Fact]
    public async Task runs_when_no_app_holds_the_store_and_holds_it_against_a_second_rebuild()
    {
        var idle = await TestDatabase.CreateAsync("campaigns_rebuild");
        try
        {
            await using var first = await StoreInUse.TakeForRebuildAsync(idle, "campaigns");
            Assert.NotNull(first);
            Assert.Null(await StoreInUse.TakeForRebuildAsync(idle, "campaigns"));
        }
        finally
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await TestDatabase.DropAsync(idle);
        }
    }
}
