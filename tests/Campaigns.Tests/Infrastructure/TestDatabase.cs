using Npgsql;

namespace Campaigns.Tests.Infrastructure;

/// <summary>
/// Each test host gets a database of its own on the cluster started by ops/db, so test runs (and two worktrees)
/// never see each other's data. The base connection string is the one the app itself would use.
/// </summary>
public static class TestDatabase
{
    public const string DefaultConnectionString = "Host=127.0.0.1;Port=55432;Database=campaigns;Username=postgres";

    /// <summary>The configured connection string, else the ops/db cluster (on CAMPAIGNS_DB_PORT when set).</summary>
    public static string BaseConnectionString =>
        Environment.GetEnvironmentVariable("ConnectionStrings__Campaigns") is { Length: > 0 } configured
            ? configured
            : Environment.GetEnvironmentVariable("CAMPAIGNS_DB_PORT") is { Length: > 0 } port
                ? new NpgsqlConnectionStringBuilder(DefaultConnectionString) { Port = int.Parse(port) }.ConnectionString
                : DefaultConnectionString;

    public static async Task<string> CreateAsync(string prefix)
    {
        var name = $"{prefix}_{DateTime.UtcNow:yyyyMMddHHmmss}_{Guid.NewGuid():N}"[..60].ToLowerInvariant();
        await using var connection = new NpgsqlConnection(AdminConnectionString());
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"create database \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(BaseConnectionString) { Database = name, Pooling = true, MaxPoolSize = 60 }.ConnectionString;
    }

    public static async Task DropAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(AdminConnectionString());
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop database if exists \"{name}\" with (force)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static string AdminConnectionString() =>
        new NpgsqlConnectionStringBuilder(BaseConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
}
