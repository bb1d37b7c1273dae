using System.Diagnostics;
using System.Net.Http.Headers;
using Campaigns.Infrastructure;
using Marten;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Campaigns.Bench;

/// <summary>
/// How the tool says who it is, the only place that knows: an API token in BENCH_AUTH_TOKEN (ops/bench-lib.sh's
/// <c>use_token_for</c> creates an admin account with <c>users add</c> and exports its token).
/// </summary>
public static class Auth
{
    public static string Token => Environment.GetEnvironmentVariable("BENCH_AUTH_TOKEN") is { Length: > 0 } token
        ? token
        : throw new InvalidOperationException("BENCH_AUTH_TOKEN is not set: run through ops/bench or ops/drill.");

    public static void Apply(HttpRequestHeaders headers) => headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
}

public static class Http
{
    public static HttpClient Client(string baseUrl, int connections = 64) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        ConnectTimeout = TimeSpan.FromSeconds(5)
    })
    {
        BaseAddress = new Uri(baseUrl),
        Timeout = TimeSpan.FromSeconds(30)
    };
}

public static class Store
{
    /// <summary>The app's own store configuration (schema, serializer, projections) on the given database.</summary>
    public static DocumentStore Create(string connectionString)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Campaigns"] = connectionString })
            .Build();
        var options = new StoreOptions();
        options.ConfigureCampaignsStore(configuration);
        return new DocumentStore(options);
    }

    public static async Task<T> Scalar<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<List<T>> Column<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var list = new List<T>();
        while (await reader.ReadAsync()) list.Add(reader.GetFieldValue<T>(0));
        return list;
    }
}

/// <summary>Latency samples in milliseconds.</summary>
public sealed class Latencies
{
    private readonly List<double> _samples = [];
    private readonly Lock _lock = new();

    public void Add(double ms) { lock (_lock) _samples.Add(ms); }
    public void Add(TimeSpan elapsed) => Add(elapsed.TotalMilliseconds);
    public int Count { get { lock (_lock) return _samples.Count; } }

    public double Percentile(double p)
    {
        lock (_lock)
        {
            if (_samples.Count == 0) return double.NaN;
            var sorted = _samples.Order().ToArray();
            var rank = Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1);
            return sorted[rank];
        }
    }

    public static double Ms(long startTimestamp) => Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds;
}

public static class Args
{
    public static string Get(string[] args, string name, string? fallback = null)
    {
        var i = Array.IndexOf(args, name);
        if (i >= 0 && i + 1 < args.Length) return args[i + 1];
        return fallback ?? throw new ArgumentException($"missing {name}");
    }

    public static int Int(string[] args, string name, int fallback) => int.Parse(Get(args, name, fallback.ToString()));
    public static double Double(string[] args, string name, double fallback) =>
        double.Parse(Get(args, name, fallback.ToString(System.Globalization.CultureInfo.InvariantCulture)), System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>What the read benchmarks share: <c>--url --connection [--rounds 3] [--samples 100] [--budget 8]</c>.</summary>
public sealed record ReadRun(string Url, string ConnectionString, int Rounds, int Samples, double Budget)
{
    public static ReadRun From(string[] args) => new(
        Args.Get(args, "--url"), Args.Get(args, "--connection"), Args.Int(args, "--rounds", 3), Args.Int(args, "--samples", 100),
        Args.Double(args, "--budget", 8));
}
