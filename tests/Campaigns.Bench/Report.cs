using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Campaigns.Bench;

/// <summary>
/// <c>report --results FILE.jsonl --machine FILE --explain FILE --out docs/benchmarks.md</c>: the table (medians and
/// min–max over the rounds, every figure a ratio against its baseline from the same run) on stdout, and the generated part
/// of docs/benchmarks.md, between its markers; text outside the markers (the analysis) is kept.
/// </summary>
public static class Report
{
    public const string Begin = "<!-- ops/bench: generated from here -->";
    public const string End = "<!-- ops/bench: generated up to here -->";

    public static async Task<int> Run(string[] args)
    {
        var lines = (await File.ReadAllLinesAsync(Args.Get(args, "--results")))
            .Where(l => l.TrimStart().StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var machine = File.Exists(Args.Get(args, "--machine", "")) ? await File.ReadAllTextAsync(Args.Get(args, "--machine")) : "";
        var explain = File.Exists(Args.Get(args, "--explain", "")) ? await File.ReadAllTextAsync(Args.Get(args, "--explain")) : "";
        var output = Args.Get(args, "--out");

        IEnumerable<JsonElement> Kind(string kind) => lines.Where(l => l.GetProperty("kind").GetString() == kind);
        double D(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : double.NaN;

        var table = new StringBuilder();
        table.AppendLine("| measure | median | min–max | rounds | target | verdict |");
        table.AppendLine("| --- | ---: | ---: | ---: | --- | --- |");
        void Row(string name, IReadOnlyList<double> values, string format, string target, Func<double, bool>? meets)
        {
            var v = values.Where(x => !double.IsNaN(x)).ToList();
            if (v.Count == 0) { table.AppendLine($"| {name} | – | – | 0 | {target} | not measured |"); return; }
            var median = Median(v);
            var verdict = meets is null ? "" : meets(median) ? "meets" : "**misses**";
            table.AppendLine($"| {name} | {median.ToString(format, CultureInfo.InvariantCulture)} | {v.Min().ToString(format, CultureInfo.InvariantCulture)}–{v.Max().ToString(format, CultureInfo.InvariantCulture)} | {v.Count} | {target} | {verdict} |");
        }

        // (1) Commands: rounds pair pgbench and the app.
        var pg = Kind("pgbench").ToDictionary(e => (int)D(e, "round"));
        var app = Kind("post").ToDictionary(e => (int)D(e, "round"));
        var rounds = pg.Keys.Intersect(app.Keys).Order().ToList();
        Row("1. pgbench: JSONB insert per transaction, TPS (16 clients)", rounds.Select(r => D(pg[r], "tps")).ToList(), "F0", "baseline", null);
        Row("1. pgbench: p99 latency, ms", rounds.Select(r => D(pg[r], "p99")).ToList(), "F1", "", null);
        Row("1. app: POST /api/meetings, TPS (16 clients)", rounds.Select(r => D(app[r], "tps")).ToList(), "F0", "", null);
        Row("1. **app TPS ÷ pgbench TPS**", rounds.Select(r => D(app[r], "tps") / D(pg[r], "tps")).ToList(), "P0", "≥ 10% (on the way to 30%)", m => m >= 0.10);
        Row("1. app: p50 latency, ms", rounds.Select(r => D(app[r], "p50")).ToList(), "F1", "", null);
        Row("1. **app: p99 latency, ms**", rounds.Select(r => D(app[r], "p99")).ToList(), "F1", "< 100 ms", m => m < 100);
        var one = Kind("post-one").ToList();
        Row("1. **app, 1 client: p50 latency, ms**", one.Select(e => D(e, "p50")).ToList(), "F1", "< 15 ms", m => m < 15);
        Row("1. projection lag, answer → timelines past its position, p50, ms", rounds.Select(r => D(app[r], "lagP50")).ToList(), "F0", "", null);
        Row("1. **projection lag p99, ms** (polled every 10 ms)", rounds.Select(r => D(app[r], "lagP99")).ToList(), "F0", "< 1,000 ms", m => m < 1000);
        foreach (var s in Kind("post-at-scale"))
        {
            Row("1b. app at scale (after 2-3, big store): POST /api/meetings TPS", [D(s, "tps")], "F0", "", null);
            if (rounds.Count > 0)
                Row("1b. **app at scale TPS ÷ median pgbench TPS**", [D(s, "tps") / Median(rounds.Select(r => D(pg[r], "tps")).ToList())], "P0", "≥ 10%", m => m >= 0.10);
            Row("1b. **app at scale: p99 latency, ms**", [D(s, "p99")], "F1", "< 100 ms", m => m < 100);
        }
        var non201 = Kind("post").Concat(Kind("post-one")).Concat(Kind("post-at-scale")).Sum(e => e.GetProperty("statuses").EnumerateObject().Where(s => s.Name != "201").Sum(s => s.Value.GetInt32()));
        table.AppendLine($"| 1. app: answers other than 201 (all rounds) | {non201} | | | 0 | {(non201 == 0 ? "meets" : "**misses**")} |");

        // (2) Reads.
        foreach (var c in Kind("read").Select(e => e.GetProperty("case").GetString()!).Distinct())
        {
            var rs = Kind("read").Where(e => e.GetProperty("case").GetString() == c).ToList();
            Row($"2. {c}: raw SQL p95, ms", rs.Select(e => D(e, "rawP95")).ToList(), "F1", "baseline", null);
            Row($"2. {c}: app p95, ms", rs.Select(e => D(e, "appP95")).ToList(), "F1", "< 20 ms", m => m < 20);
            Row($"2. **{c}: app p95 ÷ raw p95**", rs.Select(e => D(e, "appP95") / D(e, "rawP95")).ToList(), "F1", "≤ 3×", m => m <= 3);
        }

        // (2b) Search.
        foreach (var c in Kind("search").Select(e => e.GetProperty("case").GetString()!).Distinct())
        {
            var rs = Kind("search").Where(e => e.GetProperty("case").GetString() == c).ToList();
            var label = $"2b. search {c} ('{rs[0].GetProperty("q").GetString()}', {D(rs[0], "matches"):N0} of {D(rs[0], "rows"):N0} rows)";
            Row($"{label}: the same tsquery and plan by hand, p95, ms", rs.Select(e => D(e, "rawP95")).ToList(), "F1", "baseline", null);
            Row($"{label}: by hand, every match ranked, p95, ms", rs.Select(e => D(e, "rawAllP95")).ToList(), "F1", "", null);
            Row($"{label}: GET /api/search p95, ms", rs.Select(e => D(e, "appP95")).ToList(), "F1", "< 50 ms", m => m < 50);
            Row($"2b. **search {c}: app p95 ÷ raw p95**", rs.Select(e => D(e, "appP95") / D(e, "rawP95")).ToList(), "F1", "≤ 3×", m => m <= 3);
        }
        foreach (var r in Kind("rebuild-search"))
            Row("2b. search index rebuilt from the snapshots, rows/s", [D(r, "rowsPerSecond")], "N0", "", null);

        // (3) Rebuild against the scan.
        var scans = Kind("scan").Select(e => D(e, "eventsPerSecond")).ToList();
        var rebuilds = Kind("rebuild").ToList();
        Row("3. raw sequential read of mt_events, events/s", scans, "N0", "baseline", null);
        Row("3. rebuild of all projections, events/s", rebuilds.Select(e => D(e, "eventsPerSecond")).ToList(), "N0", "", null);
        if (scans.Count > 0)
            Row("3. **rebuild ÷ scan**", rebuilds.Select(e => D(e, "eventsPerSecond") / Median(scans)).ToList(), "P1", "≥ 10% (on the way to 25%)", m => m >= 0.10);
        foreach (var t in Kind("rebuild-timelines").Where(t => t.GetProperty("ok").GetBoolean()))
        {
            Row("3. timelines rebuilt (`timelines`: entries and key rows; its own time, without the process start), events/s", [D(t, "eventsPerSecond")], "N0", "", null);
            if (scans.Count > 0)
                Row("3. **timelines rebuild ÷ scan**", [D(t, "eventsPerSecond") / Median(scans)], "P1", "≥ 10% (on the way to 25%)", m => m >= 0.10);
        }
        foreach (var r in rebuilds.Where(r => r.TryGetProperty("ok", out var ok) && !ok.GetBoolean()))
            table.AppendLine($"| 3. rebuild round {D(r, "round")} did not finish | {r.GetProperty("note").GetString()} | | | | **misses** |");

        // (4) Memory.
        foreach (var m in Kind("rss"))
            Row($"4. peak RSS (VmHWM), {m.GetProperty("phase").GetString()}, MB", [D(m, "peakRssMb")], "F0", "≤ 400 MB", v => v <= 400);

        var load = Kind("load").FirstOrDefault();
        var notes = new StringBuilder();
        if (load.ValueKind == JsonValueKind.Object)
            notes.AppendLine($"Data set: {D(load, "events"):N0} events on {D(load, "streams"):N0} streams, bulk-loaded (COPY) in {D(load, "seconds"):F0} s " +
                             $"({D(load, "eventsPerSecond"):N0} events/s); read models from the rebuild in 3.");
        foreach (var b in Kind("badinput"))
            notes.AppendLine($"Bad input: {D(b, "sent"):N0} requests, {D(b, "fivexx")} 5xx.");
        foreach (var n in Kind("note")) notes.AppendLine(n.GetProperty("text").GetString());

        Console.WriteLine(table.ToString());
        Console.WriteLine(notes.ToString());

        var generated = new StringBuilder()
            .AppendLine(Begin)
            .AppendLine()
            .AppendLine($"Last run: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, `ops/bench`.")
            .AppendLine()
            .AppendLine("### Machine").AppendLine().AppendLine("```").AppendLine(machine.Trim()).AppendLine("```").AppendLine()
            .AppendLine("### Figures").AppendLine().AppendLine(notes.ToString().Trim()).AppendLine().Append(table).AppendLine()
            .AppendLine("### Profile: EXPLAIN (ANALYZE, BUFFERS) of the timeline reads").AppendLine()
            .AppendLine("```").AppendLine(explain.Trim()).AppendLine("```").AppendLine()
            .AppendLine(End);

        var existing = File.Exists(output) ? await File.ReadAllTextAsync(output) : Template;
        var from = existing.IndexOf(Begin, StringComparison.Ordinal);
        var to = existing.IndexOf(End, StringComparison.Ordinal);
        var updated = from >= 0 && to > from
            ? existing[..from] + generated.ToString().TrimEnd() + existing[(to + End.Length)..]
            : existing.TrimEnd() + "\n\n" + generated;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        await File.WriteAllTextAsync(output, updated);
        Console.Error.WriteLine($"report: wrote {output}");
        return 0;
    }

    private static double Median(IReadOnlyList<double> values)
    {
        var s = values.Order().ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
    }

    private const string Template = "# Benchmarks\n\nWritten by `ops/bench` (issue 9).\n";
}
