using Npgsql;

namespace Campaigns.Infrastructure;

/// <summary>
/// A running app holds a shared PostgreSQL advisory lock on its store (database and schema) for as long as it runs;
/// <c>projections --rebuild</c> needs it exclusively, so it refuses while any app serves: a rebuild empties the inline
/// read models, and live commands would write into them half-way. An app that starts during a rebuild waits for it.
/// </summary>
public sealed class StoreInUse(IConfiguration configuration, ILogger<StoreInUse> logger) : IHostedService, IAsyncDisposable
{
    public const string Refusal =
        "projections --rebuild: an app is running on this store (it holds the store's advisory lock). " +
        "Stop every app instance that uses this database and schema, then run the rebuild again.";

    /// <summary>Set while this process rebuilds: it must not wait for its own exclusive lock.</summary>
    private static NpgsqlConnection? _rebuilding;

    private NpgsqlConnection? _connection;

    /// <summary>The lock's key: "campaign" in the high bytes, the schema's stable hash in the low ones.</summary>
    public static long Key(string schema)
    {
        var hash = 2166136261u;
        foreach (var c in schema) hash = (hash ^ c) * 16777619u;
        return 0x63616d70_00000000L | hash;
    }

    private static string Schema(IConfiguration configuration) => configuration["Campaigns:Schema"] ?? "campaigns";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_rebuilding is not null) return;
        var connectionString = configuration.GetConnectionString(CampaignsHost.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString)) return;
        _connection = new NpgsqlConnection(connectionString);
        await _connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("select pg_try_advisory_lock_shared(@key)", _connection);
        command.Parameters.AddWithValue("key", Key(Schema(configuration)));
        if ((bool)(await command.ExecuteScalarAsync(cancellationToken))!) return;
        logger.LogWarning("A projection rebuild holds the store; waiting for it to finish");
        await using var wait = new NpgsqlCommand("select pg_advisory_lock_shared(@key)", _connection) { CommandTimeout = 0 };
        wait.Parameters.AddWithValue("key", Key(Schema(configuration)));
        await wait.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null) await _connection.DisposeAsync();
        _connection = null;
    }

    /// <summary>
    /// Takes the store exclusively for a rebuild, for the rest of this process; null when an app holds it (then
    /// <see cref="Refusal"/> says what to do).
    /// </summary>
    public static async Task<NpgsqlConnection?> TakeForRebuildAsync(string connectionString, string schema, CancellationToken ct = default)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("select pg_try_advisory_lock(@key)", connection);
        command.Parameters.AddWithValue("key", Key(schema));
        if ((bool)(await command.ExecuteScalarAsync(ct))!) return connection;
        await connection.DisposeAsync();
        return null;
    }

    /// <summary>For Program: a rebuild takes the store or is refused, before the command runs.</summary>
    public static async Task<bool> MayRebuildAsync(IConfiguration configuration, string[] args)
    {
        if (!args.Contains("projections") || !args.Contains("--rebuild")) return true;
        var connectionString = configuration.GetConnectionString(CampaignsHost.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString)) return true;
        _rebuilding = await TakeForRebuildAsync(connectionString, Schema(configuration));
        if (_rebuilding is not null) return true;
        Console.Error.WriteLine(Refusal);
        return false;
    }
}
