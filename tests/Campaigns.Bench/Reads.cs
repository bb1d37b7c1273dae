using System.Diagnostics;
using System.Text;
using Npgsql;

namespace Campaigns.Bench;

/// <summary>
/// <c>reads --url U --connection CS [--rounds 3] [--samples 100] [--budget 8]</c>: timeline reads through the API against a
/// hand-written query over the same read-model tables (campaigns.timeline_keys joined to campaigns.mt_doc_timelineentry), one client, each API request
/// interleaved with its raw query so both see the same noise. Three cases: the busiest theme's first page, a deep cursor
/// page of it (90% of the way down), and the busiest contact's first page. Each case and round stops after --samples pairs
/// or --budget seconds, whichever comes first. One JSON line per case and round.
/// </summary>
public static class Reads
{
    private const string Table = "campaigns.mt_doc_timelineentry";
    private const string Keys = "campaigns.timeline_keys";
    private const int PageSize = 50;

    public static async Task<int> Run(string[] args)
    {
        var (url, connectionString, rounds, samples, budget) = ReadRun.From(args);

        var (theme, themeEntries, contact, contactEntries, (on, at, id)) = await Targets.FindAsync(connectionString);
        var cursor = Cursor(on, at, id);
        Console.Error.WriteLine($"reads: theme '{theme}' has {themeEntries:N0} entries, deep cursor at entry {themeEntries * 9 / 10:N0}; " +
                                $"contact {contact} has {contactEntries:N0} entries");

        // The hand-written equivalent of the app's query: the timeline's key rows in page order, joined to their entries.
        const string Page = $"""
            select e.data::text from {Keys} k join {Table} e on e.id = k.entry_id
            where k.key = @key and not k.retracted
            """;
        var order = $"order by k.happened_on, k.recorded_at, k.entry_id limit {PageSize + 1}";
        var cases = new (string Name, string Path, string Sql, Action<NpgsqlParameterCollection> Bind)[]
        {
            ("theme-first-page", $"/api/timelines/themes/{theme}", $"{Page} {order}",
                p => p.AddWithValue("key", $"theme:{theme}")),
            ("theme-deep-page", $"/api/timelines/themes/{theme}?cursor={cursor}",
                $"{Page} and (k.happened_on, k.recorded_at, k.entry_id) > (@on, @at, @id) {order}",
                p =>
                {
                    p.AddWithValue("key", $"theme:{theme}");
                    p.AddWithValue("on", on);
                    p.AddWithValue("at", at);
                    p.AddWithValue("id", id);
                }),
            ("contact-first-page", $"/api/timelines/contacts/{contact}", $"{Page} {order}",
                p => p.AddWithValue("key", $"contact:{contact}"))
        };

        using var http = Http.Client(url, 4);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();

        for (var round = 1; round <= rounds; round++)
        {
            foreach (var c in cases)
            {
                var app = new Latencies();
                var raw = new Latencies();
                long bytes = 0;
                var rows = 0;
                // Warm both paths: plans, connection pools, JIT.
                for (var i = 0; i < 3; i++) { await Api(http, c.Path); await Raw(connection, c.Sql, c.Bind); }
                var started = Stopwatch.GetTimestamp();
                for (var i = 0; i < samples && (i < 10 || Stopwatch.GetElapsedTime(started).TotalSeconds < budget); i++)
                {
                    var t0 = Stopwatch.GetTimestamp();
                    rows = await Raw(connection, c.Sql, c.Bind);
                    raw.Add(Latencies.Ms(t0));
                    t0 = Stopwatch.GetTimestamp();
                    bytes = await Api(http, c.Path);
                    app.Add(Latencies.Ms(t0));
                }
                Console.Error.WriteLine($"reads: round {round} {c.Name}: app p95 {app.Percentile(95):F1} ms, raw p95 {raw.Percentile(95):F1} ms ({app.Count} pairs)");
                Console.WriteLine(FormattableString.Invariant(
                    $$"""{"kind":"read","case":"{{c.Name}}","round":{{round}},"samples":{{app.Count}},"appP50":{{app.Percentile(50):F2}},"appP95":{{app.Percentile(95):F2}},"rawP50":{{raw.Percentile(50):F2}},"rawP95":{{raw.Percentile(95):F2}},"rawRows":{{rows}},"appBytes":{{bytes}}}"""));
            }
        }
        return 0;
    }

    private static async Task<long> Api(HttpClient http, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        Auth.Apply(request.Headers);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(body)}");
        return body.Length;
    }

    private static async Task<int> Raw(NpgsqlConnection connection, string sql, Action<NpgsqlParameterCollection> bind)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        bind(command.Parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = 0;
        while (await reader.ReadAsync()) { _ = reader.GetString(0); rows++; }
        return rows;
    }

    /// <summary>What the read cases and their plans look at: the busiest theme, the busiest contact, and a position 90% down the theme.</summary>
    public sealed record Targets(string Theme, long ThemeEntries, Guid Contact, long ContactEntries, (DateOnly On, DateTimeOffset At, Guid Id) Deep)
    {
        public static async Task<Targets> FindAsync(string connectionString)
        {
            var theme = await Store.Scalar<string>(connectionString,
                $"select t from {Table}, jsonb_array_elements_text(data->'themes') t group by t order by count(*) desc limit 1");
            var contact = Guid.Parse(await Store.Scalar<string>(connectionString,
                $"select c from {Table}, jsonb_array_elements_text(data->'contactIds') c group by c order by count(*) desc, c limit 1"));
            var themeEntries = await Store.Scalar<long>(connectionString,
                $"select count(*) from {Table} where data @> '{{\"themes\":[\"{theme}\"]}}'::jsonb and (data->>'retracted')::boolean is not true");
            var contactEntries = await Store.Scalar<long>(connectionString,
                $"select count(*) from {Table} where data @> '{{\"contactIds\":[\"{contact}\"]}}'::jsonb and (data->>'retracted')::boolean is not true");
            return new Targets(theme, themeEntries, contact, contactEntries, await PositionAt(connectionString, theme, themeEntries * 9 / 10));
        }
    }

    private static async Task<(DateOnly, DateTimeOffset, Guid)> PositionAt(string connectionString, string theme, long offset)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"""
             select happened_on, recorded_at, id from {Table}
             where data @> @filter::jsonb and (data->>'retracted')::boolean is not true
             order by happened_on, recorded_at, id offset @offset limit 1
             """, connection);
        command.Parameters.AddWithValue("filter", $"{{\"themes\":[\"{theme}\"]}}");
        command.Parameters.AddWithValue("offset", offset);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetFieldValue<DateOnly>(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetGuid(2));
    }

    /// <summary>The app's cursor format (TimelineQueries.Cursor.After): base64url of "happenedOn|recordedAt UTC ticks|id".</summary>
    public static string Cursor(DateOnly on, DateTimeOffset at, Guid id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{on:O}|{at.UtcTicks}|{id}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
