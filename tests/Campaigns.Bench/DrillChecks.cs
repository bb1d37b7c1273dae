using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace Campaigns.Bench;

/// <summary>Checks behind ops/drill.</summary>
public static class DrillChecks
{
    private static readonly string[] InteractionEvents = ["letter_sent", "meeting_held", "call_made", "email_sent", "hearing_attended"];

    /// <summary>How long until the timeline subscription's progress reached the log's last sequence, or null if it did not.</summary>
    internal static async Task<TimeSpan?> WaitForTimelinesAsync(NpgsqlConnection connection, TimeSpan limit)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (watch.Elapsed < limit)
        {
            await using var command = new NpgsqlCommand(
                "select coalesce((select last_seq_id from campaigns.mt_event_progression where name = 'timelines:All'), 0) >= " +
                "coalesce((select max(seq_id) from campaigns.mt_events), 0)", connection);
            if ((bool)(await command.ExecuteScalarAsync())!) return watch.Elapsed;
            await Task.Delay(500);
        }
        return null;
    }

    /// <summary>
    /// <c>verify-crash --connection CS --ids FILE</c> (drill 1): every id answered 201 has its interaction event and its
    /// timeline entry; no timeline entry exists without an event; no interaction event lacks its entry. Prints PASS or FAIL.
    /// </summary>
    public static async Task<int> VerifyCrash(string[] args)
    {
        var connectionString = Args.Get(args, "--connection");
        var ids = File.ReadAllLines(Args.Get(args, "--ids")).Where(l => l.Length > 0).Select(Guid.Parse).Distinct().ToArray();

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        async Task<long> Count(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 300 };
            command.Parameters.AddWithValue("ids", ids);
            command.Parameters.AddWithValue("types", InteractionEvents);
            return (long)(await command.ExecuteScalarAsync())!;
        }

        // Timelines follow the log asynchronously; after a kill -9 the subscription moves to a live node once the dead one
        // is ejected. Nothing may be lost, so wait (bounded) until it has reached the end of the log, and say how long.
        var caughtUp = await WaitForTimelinesAsync(connection, TimeSpan.FromMinutes(5));
        Console.Error.WriteLine($"drill 1: timelines reached the end of the log after {caughtUp?.TotalSeconds:0.0} s" +
                                (caughtUp is null ? " (not within 5 minutes)" : ""));

        var withoutEvent = await Count(
            "select count(*) from unnest(@ids) i where not exists (select 1 from campaigns.mt_events e where e.stream_id = i and e.version = 1 and e.type = any(@types))");
        var withoutEntry = await Count(
            "select count(*) from unnest(@ids) i where not exists (select 1 from campaigns.mt_doc_timelineentry t where t.id = i)");
        var orphanEntries = await Count(
            """
            select count(*) from campaigns.mt_doc_timelineentry t
            where not exists (select 1 from campaigns.mt_events e where e.stream_id = t.id)
              and not exists (select 1 from campaigns.mt_events e where e.id = t.id)
            """);
        var eventsWithoutEntry = await Count(
            """
            select count(*) from campaigns.mt_events e
            where e.type = any(@types) and not exists (select 1 from campaigns.mt_doc_timelineentry t where t.id = e.stream_id)
            """);
        var interactionEvents = await Count("select count(*) from campaigns.mt_events e where e.type = any(@types)");

        var pass = ids.Length > 0 && withoutEvent == 0 && withoutEntry == 0 && orphanEntries == 0 && eventsWithoutEntry == 0;
        Console.WriteLine($"{(pass ? "PASS" : "FAIL")} drill 1 kill -9 under load: {ids.Length} answered 201; {withoutEvent} without their event, " +
                          $"{withoutEntry} without their timeline entry; {orphanEntries} timeline entries without an event; " +
                          $"{eventsWithoutEntry} of {interactionEvents} interaction events without an entry");
        return pass ? 0 : 1;
    }

    /// <summary>
    /// <c>dump-timelines --url U --connection CS --out FILE</c> (drill 5): every theme, contact, campaign and demand timeline,
    /// all pages, retracted entries included, as the API answers them, one line per timeline; prints counts and a SHA-256.
    /// </summary>
    public static async Task<int> DumpTimelines(string[] args)
    {
        var url = Args.Get(args, "--url");
        var connectionString = Args.Get(args, "--connection");
        var output = Args.Get(args, "--out");

        var timelines = new List<string>();
        timelines.AddRange((await Store.Column<string>(connectionString, "select data->>'slug' from campaigns.mt_doc_theme order by 1")).Select(s => $"themes/{s}"));
        timelines.AddRange((await Store.Column<Guid>(connectionString, "select id from campaigns.mt_doc_contact order by 1")).Select(i => $"contacts/{i}"));
        timelines.AddRange((await Store.Column<Guid>(connectionString, "select id from campaigns.mt_doc_campaign order by 1")).Select(i => $"campaigns/{i}"));
        timelines.AddRange((await Store.Column<Guid>(connectionString, "select id from campaigns.mt_doc_demand order by 1")).Select(i => $"demands/{i}"));

        using var http = Http.Client(url, 4);
        await using var file = new StreamWriter(output);
        long entries = 0;
        foreach (var timeline in timelines)
        {
            var line = new StringBuilder(timeline).Append('\t');
            string? cursor = null;
            do
            {
                var path = $"/api/timelines/{timeline}?includeRetracted=true&limit=200" + (cursor is null ? "" : $"&cursor={cursor}");
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                Auth.Apply(request.Headers);
                using var response = await http.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {body}");
                using var page = JsonDocument.Parse(body);
                foreach (var item in page.RootElement.GetProperty("items").EnumerateArray())
                {
                    line.Append(item.GetRawText()).Append(',');
                    entries++;
                }
                cursor = page.RootElement.TryGetProperty("next", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
            } while (cursor is not null);
            await file.WriteLineAsync(line.ToString());
        }
        await file.FlushAsync();
        file.Close();
        var hash = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(output))).ToLowerInvariant();
        Console.WriteLine($$"""{"kind":"timelines","timelines":{{timelines.Count}},"entries":{{entries}},"sha256":"{{hash}}"}""");
        return 0;
    }
}
