using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Campaigns.Bench;

/// <summary>
/// <c>post --url U --connection CS [--route /api/meetings|mix] [--clients 16] [--seconds 10] [--warmup 2] [--max-demands 2] [--ids FILE] [--label L]</c>:
/// closed-loop clients, each sending the next request when the previous answer is in. Bodies point at campaigns, contacts,
/// themes and demands that exist (read from the database), spread over them the way the demo data is, so demand row locks
/// are shared the way they would be in use. Prints one JSON line: answers per status, throughput, p50/p95/p99.
/// With --ids every id answered 201 is appended to FILE (drill 1 checks them after a crash); connection failures are
/// counted and retried after a short pause, so the clients ride out a restart of the app.
/// </summary>
public static class LoadGenerator
{
    public static readonly string[] InteractionRoutes = ["/api/letters", "/api/meetings", "/api/calls", "/api/emails", "/api/hearings"];

    public static async Task<int> Run(string[] args)
    {
        var url = Args.Get(args, "--url");
        var connectionString = Args.Get(args, "--connection");
        var route = Args.Get(args, "--route", "/api/meetings");
        var clients = Args.Int(args, "--clients", 16);
        var seconds = Args.Double(args, "--seconds", 10);
        var warmup = Args.Double(args, "--warmup", 2);
        var idsFile = Args.Get(args, "--ids", "");
        var label = Args.Get(args, "--label", "post");
        var round = Args.Int(args, "--round", 1);
        var maxDemands = Args.Int(args, "--max-demands", 2);

        var world = await World.Read(connectionString);
        using var http = Http.Client(url, clients * 2);
        await using var ids = idsFile.Length > 0 ? new StreamWriter(idsFile, append: true) { AutoFlush = true } : null;
        var idsLock = new Lock();

        var latencies = new Latencies();
        // Projection lag: when each measured command was answered, and at which log position; a poller notes when the
        // timelines' progression passes each position.
        var answered = new List<(long At, long Position)>();
        var answeredLock = new Lock();
        var statuses = new Dictionary<string, int>();
        var statusLock = new Lock();
        void Count(string key) { lock (statusLock) statuses[key] = statuses.GetValueOrDefault(key) + 1; }

        var started = Stopwatch.GetTimestamp();
        var measureFrom = started + (long)(warmup * Stopwatch.Frequency);
        var stopAt = measureFrom + (long)(seconds * Stopwatch.Frequency);
        long measured = 0;

        var workers = Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var random = new Random(c * 7919 + Environment.ProcessId);
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                var path = route == "mix" ? InteractionRoutes[random.Next(InteractionRoutes.Length)] : route;
                var body = world.Interaction(random, path, maxDemands);
                using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                Auth.Apply(request.Headers);
                var t0 = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.SendAsync(request);
                    var text = await response.Content.ReadAsStringAsync();
                    var at = Stopwatch.GetTimestamp();
                    var inWindow = t0 >= measureFrom && at <= stopAt;
                    if (inWindow)
                    {
                        latencies.Add(Latencies.Ms(t0));
                        Interlocked.Increment(ref measured);
                        if (response.Headers.TryGetValues("Campaigns-Position", out var values) && long.TryParse(values.FirstOrDefault(), out var position))
                            lock (answeredLock) answered.Add((at, position));
                    }
                    Count(((int)response.StatusCode).ToString());
                    if (response.StatusCode == HttpStatusCode.Created && ids is not null)
                    {
                        var id = JsonDocument.Parse(text).RootElement.GetProperty("id").GetString();
                        lock (idsLock) ids.WriteLine(id);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    // The app is down (drill 1 kills it): count it, pause, go on.
                    Count("connection-error");
                    await Task.Delay(100);
                }
            }
        })).ToArray();

        var polls = new List<(long At, long Position)>();
        using var pollerStop = new CancellationTokenSource();
        var poller = Task.Run(async () =>
        {
            await using var connection = new Npgsql.NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand(
                "select coalesce(max(last_seq_id), 0) from campaigns.mt_event_progression where name = 'timelines:All'", connection);
            while (!pollerStop.IsCancellationRequested)
            {
                var position = (long)(await command.ExecuteScalarAsync())!;
                polls.Add((Stopwatch.GetTimestamp(), position));
                try { await Task.Delay(10, pollerStop.Token); } catch (TaskCanceledException) { }
            }
        });

        var progress = Task.Run(async () =>
        {
            while (!workers.All(w => w.IsCompleted))
            {
                await Task.Delay(2000);
                lock (statusLock)
                    Console.Error.WriteLine($"{label}: {Stopwatch.GetElapsedTime(started).TotalSeconds,5:F0} s, answers {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}={s.Value}"))}");
            }
        });
        await Task.WhenAll(workers);
        await progress;
        // Give the timelines up to ten seconds to reach the last answered position.
        var last = answered.Count > 0 ? answered.Max(a => a.Position) : 0;
        var graceUntil = Stopwatch.GetTimestamp() + 10 * Stopwatch.Frequency;
        while (Stopwatch.GetTimestamp() < graceUntil && (polls.Count == 0 || polls[^1].Position < last)) await Task.Delay(50);
        await pollerStop.CancelAsync();
        await poller;
        var lag = new Latencies();
        var caughtUp = polls.ToArray();
        var notReached = 0;
        foreach (var (at, position) in answered)
        {
            var reached = Array.FindIndex(caughtUp, p => p.Position >= position);
            if (reached < 0) { notReached++; continue; }
            lag.Add(Math.Max(0, (caughtUp[reached].At - at) * 1000.0 / Stopwatch.Frequency));
        }

        var tps = measured / seconds;
        string Json(Dictionary<string, int> d) => "{" + string.Join(",", d.OrderBy(s => s.Key).Select(s => $"\"{s.Key}\":{s.Value}")) + "}";
        Console.WriteLine(FormattableString.Invariant(
            $$"""{"kind":"{{label}}","round":{{round}},"route":"{{route}}","clients":{{clients}},"seconds":{{seconds}},"requests":{{measured}},"tps":{{tps:F1}},"p50":{{latencies.Percentile(50):F2}},"p95":{{latencies.Percentile(95):F2}},"p99":{{latencies.Percentile(99):F2}},"lagSamples":{{lag.Count}},"lagP50":{{(lag.Count > 0 ? lag.Percentile(50).ToString("F2", System.Globalization.CultureInfo.InvariantCulture) : "null")}},"lagP99":{{(lag.Count > 0 ? lag.Percentile(99).ToString("F2", System.Globalization.CultureInfo.InvariantCulture) : "null")}},"lagNotReached":{{notReached}},"statuses":{{Json(statuses)}}}"""));
        return 0;
    }
}

/// <summary>What exists in the store, for bodies that validate: campaigns with their themes and demands, and contacts.</summary>
public sealed class World
{
    private sealed record CampaignInfo(Guid Id, string[] Themes, Guid[] Demands);

    private readonly CampaignInfo[] _campaigns;
    private readonly Guid[] _contacts;

    private World(CampaignInfo[] campaigns, Guid[] contacts) => (_campaigns, _contacts) = (campaigns, contacts);

    public Guid AnyCampaign => _campaigns[0].Id;
    public Guid AnyContact => _contacts[0];
    public Guid AnyDemand => _campaigns.First(c => c.Demands.Length > 0).Demands[0];
    public string AnyTheme => _campaigns.First(c => c.Themes.Length > 0).Themes[0];

    public static async Task<World> Read(string connectionString)
    {
        var campaigns = await Store.Column<string>(connectionString,
            """
            select json_build_object('id', c.id, 'themes', c.data->'themes',
                   'demands', coalesce((select json_agg(d.id) from campaigns.mt_doc_demand d
                                        where d.campaign_id = c.id and d.data->>'status' not in ('Adopted','Rejected','Withdrawn')), '[]'))::text
            from campaigns.mt_doc_campaign c where c.data->>'status' <> 'Closed'
            """);
        var contacts = await Store.Column<Guid>(connectionString, "select id from campaigns.mt_doc_contact order by id limit 5000");
        var parsed = campaigns.Select(text =>
        {
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            return new CampaignInfo(root.GetProperty("id").GetGuid(),
                root.GetProperty("themes").EnumerateArray().Select(t => t.GetString()!).ToArray(),
                root.GetProperty("demands").EnumerateArray().Select(d => d.GetGuid()).ToArray());
        }).Where(c => c.Themes.Length > 0).ToArray();
        if (parsed.Length == 0 || contacts.Count == 0)
            throw new InvalidOperationException("No open campaign or no contact in the store: seed or load data first.");
        return new World(parsed, contacts.ToArray());
    }

    /// <summary>A valid body for one of the five "log a contact moment" routes, shaped like the demo interactions.</summary>
    public string Interaction(Random random, string route, int maxDemands = 2)
    {
        var campaign = _campaigns[random.Next(_campaigns.Length)];
        var contacts = Enumerable.Range(0, random.Next(1, 3)).Select(_ => _contacts[random.Next(_contacts.Length)]).Distinct().ToArray();
        var themes = campaign.Themes.OrderBy(_ => random.Next()).Take(random.Next(1, 3)).ToArray();
        var demands = campaign.Demands.OrderBy(_ => random.Next()).Take(random.Next(0, maxDemands + 1)).ToArray();
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-random.Next(0, 60)).ToString("yyyy-MM-dd");
        var dateField = route switch
        {
            "/api/letters" or "/api/emails" => "sentOn",
            "/api/calls" => "calledOn",
            _ => "heldOn"
        };
        var body = new Dictionary<string, object?>
        {
            ["campaignId"] = campaign.Id,
            ["contactIds"] = contacts,
            ["themes"] = themes,
            ["demandIds"] = demands,
            ["subject"] = "Gesprek over de MKB-toets en de regeldrukagenda",
            ["summary"] = "Toegelicht dat 99% van de bedrijven minder dan 50 werknemers heeft en dat de MKB-toets standaard hoort te zijn bij nieuwe regelgeving.",
            [dateField] = day
        };
        if (route is "/api/meetings" or "/api/hearings") body["location"] = "Tweede Kamer, Den Haag";
        if (route is "/api/meetings" or "/api/calls" or "/api/hearings") body["outcome"] = "Stuurt de planning van de regeldrukagenda door.";
        return JsonSerializer.Serialize(body);
    }
}
