using System.Diagnostics;
using Npgsql;

namespace Campaigns.Bench;

/// <summary>
/// <c>scan --connection CS [--rounds 3]</c>: the rebuild's baseline: one sequential read of the whole event table, in
/// sequence order, every column a projection needs brought to the client and the JSON read as text. One JSON line per round.
/// </summary>
public static class Scan
{
    public static async Task<int> Run(string[] args)
    {
        var connectionString = Args.Get(args, "--connection");
        var rounds = Args.Int(args, "--rounds", 3);
        for (var round = 1; round <= rounds; round++)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            var clock = Stopwatch.StartNew();
            await using var command = new NpgsqlCommand(
                "select seq_id, id, stream_id, version, data, type, timestamp, user_name, correlation_id, causation_id, headers " +
                "from campaigns.mt_events order by seq_id", connection) { CommandTimeout = 600 };
            await using var reader = await command.ExecuteReaderAsync();
            long rows = 0, bytes = 0;
            while (await reader.ReadAsync())
            {
                bytes += reader.GetString(4).Length;
                rows++;
            }
            var seconds = clock.Elapsed.TotalSeconds;
            Console.Error.WriteLine($"scan: round {round}: {rows:N0} events in {seconds:F1} s ({rows / seconds:N0} events/s)");
            Console.WriteLine(FormattableString.Invariant(
                $$"""{"kind":"scan","round":{{round}},"events":{{rows}},"seconds":{{seconds:F3}},"eventsPerSecond":{{rows / seconds:F0}},"jsonChars":{{bytes}}}"""));
        }
        return 0;
    }
}
