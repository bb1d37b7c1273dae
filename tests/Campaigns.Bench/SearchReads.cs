using System.Diagnostics;
using Npgsql;

namespace Campaigns.Bench;

/// <summary>
/// <c>search --url U --connection CS [--rounds 3] [--samples 100] [--budget 8]</c>: <c>GET /api/search</c> against the same
/// tsquery written by hand over the same table (campaigns.search_entries), one client, each API request interleaved with
/// its raw query. Cases from common to rare words, and two words at once. One JSON line per case and round.
/// </summary>
public static class SearchReads
{
    private const string Table = "campaigns.search_entries";

    public static async Task<int> Run(string[] args)
    {
        var (url, connectionString, rounds, samples, budget) = ReadRun.From(args);

        // The app's query for each word: a prefix, plus the singular of a plural (see SearchQuery.Forms).
        var cases = new (string Name, string Q, string TsQuery)[]
        {
            ("common-word", "netcongestie", "netcongestie:*"),
            ("plural", "subsidies", "subsidies:* | subsidie:*"),
            ("rare-word", "praktijkleren", "praktijkleren:*"),
            ("two-words", "mkb regeldruk", "mkb & regeldruk:*"),
        };
        // By hand, the app's plan: the newest 101 matching contact moments and every match of the other kinds, ranked.
        const string Raw = $"""
            select id, kind, title, ts_rank(document, q) as rank from (
                (select * from {Table} where kind = 'contact-moment' and document @@ to_tsquery('dutch', @q) and not retracted
                 order by happened_on desc limit 101)
                union all
                (select * from {Table} where kind <> 'contact-moment' and document @@ to_tsquery('dutch', @q) and not retracted)) c,
                to_tsquery('dutch', @q) q
            order by rank desc limit 10
            """;
        // For scale: every match ranked, the cost the app's plan avoids.
        const string RawAll = $"""
            select id, kind, title, ts_rank(document, q) as rank from {Table}, to_tsquery('dutch', @q) q
            where document @@ q and not retracted order by rank desc limit 10
            """;

        var rows = await Store.Scalar<long>(connectionString, $"select count(*) from {Table}");
        Console.Error.WriteLine($"search: {rows:N0} rows in the index");
        using var http = Http.Client(url, 4);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();

        for (var round = 1; round <= rounds; round++)
        {
            foreach (var c in cases)
            {
                var matches = await Store.Scalar<long>(connectionString,
                    $"select count(*) from {Table} where document @@ to_tsquery('dutch', '{c.TsQuery}') and not retracted");
                var app = new Latencies();
                var raw = new Latencies();
                var rawAll = new Latencies();
                var path = "/api/search?q=" + Uri.EscapeDataString(c.Q);
                for (var i = 0; i < 3; i++) { await Api(http, path); await RawQuery(connection, Raw, c.TsQuery); }
                var started = Stopwatch.GetTimestamp();
                for (var i = 0; i < samples && (i < 10 || Stopwatch.GetElapsedTime(started).TotalSeconds < budget); i++)
                {
                    var t0 = Stopwatch.GetTimestamp();
                    await RawQuery(connection, Raw, c.TsQuery);
                    raw.Add(Latencies.Ms(t0));
                    t0 = Stopwatch.GetTimestamp();
                    await RawQuery(connection, RawAll, c.TsQuery);
                    rawAll.Add(Latencies.Ms(t0));
                    t0 = Stopwatch.GetTimestamp();
                    await Api(http, path);
                    app.Add(Latencies.Ms(t0));
                }
                Console.Error.WriteLine($"search: round {round} {c.Name} ('{c.Q}', {matches:N0} matches): app p95 {app.Percentile(95):F1} ms, raw p95 {raw.Percentile(95):F1} ms, every match ranked p95 {rawAll.Percentile(95):F1} ms");
                Console.WriteLine(FormattableString.Invariant(
                    $$"""{"kind":"search","case":"{{c.Name}}","q":"{{c.Q}}","round":{{round}},"rows":{{rows}},"matches":{{matches}},"samples":{{app.Count}},"appP50":{{app.Percentile(50):F2}},"appP95":{{app.Percentile(95):F2}},"rawP50":{{raw.Percentile(50):F2}},"rawP95":{{raw.Percentile(95):F2}},"rawAllP95":{{rawAll.Percentile(95):F2}}}"""));
            }
        }
        return 0;
    }

    private static async Task Api(HttpClient http, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        Auth.Apply(request.Headers);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {body}");
    }

    private static async Task RawQuery(NpgsqlConnection connection, string sql, string tsquery)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("q", tsquery);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) _ = reader.GetString(2);
    }
}
