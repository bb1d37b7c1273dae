using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Campaigns.Bench;

/// <summary>
/// <c>badinput --url U --connection CS [--count 10000] [--edges 4000] [--clients 8]</c> (drill 4): malformed requests at every
/// POST route of the README's API table: wrong types, missing required fields, huge strings, unknown ids (in the body and in
/// the route), invalid UTF-8, deep JSON, and bodies that are not a JSON object at all. Every request is built from a valid
/// body by breaking it in one way that the API must refuse, so nothing may be stored. Then the edges: bad query strings at
/// every GET route, bad <c>If-Match</c>, <c>Idempotency-Key</c> and <c>Content-Type</c> headers at every POST route (with a
/// body missing a required field, so that nothing may be stored), and bad path values (empty, overlong, garbled ids) at both.
/// GETs may answer 2xx (an ignored parameter) but never 5xx. Prints the answers per status and route, the first few
/// failures, and one JSON line.
/// </summary>
public static class BadInput
{
    /// <param name="Happened">Date fields of things that already happened: a date far in the future or before 1900 is refused there.</param>
    private sealed record Route(string Path, Func<World, Guid, JsonObject> ValidBody, string[] Required, string[] Texts, string[] Ids, string[] Dates,
        string[]? Happened = null);

    private static readonly string Today = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd");

    private static Route[] Routes(string interaction) =>
    [
        new("/api/themes", (w, _) => new() { ["slug"] = "bench-" + Guid.NewGuid().ToString("N")[..8], ["label"] = "Benchmark" },
            ["slug", "label"], ["slug", "label"], [], []),
        new("/api/themes/{theme}/label", (w, _) => new() { ["label"] = "Nieuw label" }, ["label"], ["label"], [], []),
        new("/api/contacts", (w, _) => new() { ["name"] = "Van Zwol", ["kind"] = "informateur", ["organisation"] = "Kabinetsformatie", ["effectiveOn"] = Today },
            ["name", "kind", "organisation"], ["name", "organisation"], [], ["effectiveOn"]),
        new("/api/contacts/{contact}/roles", (w, _) => new() { ["kind"] = "minister", ["organisation"] = "EZ", ["effectiveOn"] = Today },
            ["kind", "organisation", "effectiveOn"], ["organisation"], [], ["effectiveOn"]),
        new("/api/contacts/{contact}/role-end", (w, _) => new() { ["effectiveOn"] = Today, ["reason"] = "Klaar" },
            ["effectiveOn"], ["reason"], [], ["effectiveOn"]),
        new("/api/campaigns", (w, _) => new() { ["name"] = "Bench", ["goal"] = "Meten", ["startsOn"] = Today, ["themes"] = new JsonArray(w.AnyTheme) },
            ["name", "goal", "startsOn"], ["name", "goal"], [], ["startsOn"]),
        new("/api/campaigns/{campaign}/closure", (w, _) => new() { ["closedOn"] = Today, ["note"] = "Klaar" },
            ["closedOn"], ["note"], [], ["closedOn"]),
        new("/api/campaigns/{campaign}/demands", (w, _) => new() { ["theme"] = w.AnyTheme, ["text"] = "Meer vakmensen", ["formulatedOn"] = Today },
            ["theme", "text"], ["text", "theme"], [], ["formulatedOn"], ["formulatedOn"]),
        new("/api/demands/{demand}/support", (w, _) => new() { ["contactId"] = w.AnyContact, ["stance"] = "supports", ["occurredOn"] = Today },
            ["contactId", "stance", "occurredOn"], ["note"], ["contactId"], ["occurredOn"], ["occurredOn"]),
        new("/api/demands/{demand}/adoption", (w, _) => new() { ["venue"] = "motion", ["partial"] = false, ["occurredOn"] = Today },
            ["venue", "occurredOn"], ["reference", "note"], [], ["occurredOn"], ["occurredOn"]),
        new("/api/demands/{demand}/rejection", (w, _) => new() { ["occurredOn"] = Today, ["note"] = "Nee" }, ["occurredOn"], ["note"], [], ["occurredOn"], ["occurredOn"]),
        new("/api/demands/{demand}/withdrawal", (w, _) => new() { ["occurredOn"] = Today, ["note"] = "Weg" }, ["occurredOn"], ["note"], [], ["occurredOn"], ["occurredOn"]),
        .. LoadGenerator.InteractionRoutes.Select(path => new Route(path, (w, _) => Interaction(w, path),
            ["campaignId", "contactIds", "subject", DateField(path)], ["subject", "summary"], ["campaignId", "contactIds", "demandIds"], [DateField(path)], [DateField(path)])),
        new("/api/interactions/{interaction}/corrections", (w, _) => new() { ["subject"] = "Nieuw onderwerp", ["reason"] = "Typfout" },
            ["reason"], ["subject", "reason"], [], []),
        new("/api/interactions/{interaction}/retraction", (w, _) => new() { ["reason"] = "Dubbel" }, ["reason"], ["reason"], [], []),
    ];

    private static string DateField(string path) => path switch { "/api/letters" or "/api/emails" => "sentOn", "/api/calls" => "calledOn", _ => "heldOn" };

    private static JsonObject Interaction(World w, string path) => JsonNode.Parse(w.Interaction(new Random(1), path))!.AsObject();

    public static async Task<int> Run(string[] args)
    {
        var url = Args.Get(args, "--url");
        var connectionString = Args.Get(args, "--connection");
        var count = Args.Int(args, "--count", 10_000);
        var edges = Args.Int(args, "--edges", 4_000);
        var clients = Args.Int(args, "--clients", 8);

        var world = await World.Read(connectionString);
        var interaction = await Store.Scalar<Guid>(connectionString, "select id from campaigns.mt_doc_interaction where not (data->>'retracted')::boolean limit 1");
        var contact = world.AnyContact;
        var routes = Routes(interaction.ToString());
        string Fill(string path, bool unknownId, Random random) => path
            .Replace("{theme}", unknownId ? "bestaat-niet-" + random.Next(1000) : world.AnyTheme)
            .Replace("{contact}", (unknownId ? Guid.NewGuid() : contact).ToString())
            .Replace("{campaign}", (unknownId ? Guid.NewGuid() : world.AnyCampaign).ToString())
            .Replace("{demand}", (unknownId ? Guid.NewGuid() : world.AnyDemand).ToString())
            .Replace("{interaction}", (unknownId ? Guid.NewGuid() : interaction).ToString());

        // Sanity: the valid bodies are valid for the interaction routes (proves the malformations are what is refused).
        using var http = Http.Client(url, clients * 2);
        var byStatus = new Dictionary<int, int>();
        var byRouteAndKind = new Dictionary<string, int>();
        var failures = new List<string>();
        var statsLock = new Lock();
        var sent = 0;
        var started = Stopwatch.GetTimestamp();

        var workers = Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var random = new Random(1000 + c);
            while (true)
            {
                var n = Interlocked.Increment(ref sent);
                if (n > count) break;
                var route = routes[n % routes.Length];
                var (kind, bytes, contentType, unknownRouteId) = Malform(route, world, random);
                var path = Fill(route.Path, unknownRouteId, random);
                using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(bytes) };
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
                Auth.Apply(request.Headers);
                int status;
                string body = "";
                try
                {
                    using var response = await http.SendAsync(request);
                    status = (int)response.StatusCode;
                    if (status >= 500 || status < 400) body = await response.Content.ReadAsStringAsync();
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    status = 0;
                    body = e.Message;
                }
                lock (statsLock)
                {
                    byStatus[status] = byStatus.GetValueOrDefault(status) + 1;
                    var key = $"{route.Path} {kind} {status}";
                    byRouteAndKind[key] = byRouteAndKind.GetValueOrDefault(key) + 1;
                    if ((status >= 500 || status < 400) && failures.Count < 20)
                        failures.Add($"{status} POST {path} [{kind}] {Preview(bytes)} -> {body[..Math.Min(300, body.Length)]}");
                }
                if (n % 2000 == 0) Console.Error.WriteLine($"badinput: {n:N0} / {count:N0} sent, {Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s");
            }
        })).ToArray();
        await Task.WhenAll(workers);

        // The edges: query strings, headers and path values.
        var edgeRoutes = EdgeRoutes(routes);
        var edgeSent = 0;
        var edgeWorkers = Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var random = new Random(5000 + c);
            while (true)
            {
                var n = Interlocked.Increment(ref edgeSent);
                if (n > edges) break;
                var (method, template, required) = edgeRoutes[n % edgeRoutes.Count];
                var (kind, path, headers, contentType) = Edge(method, template, random);
                path = Fill(path, false, random).Replace("{user}", "admin").Replace("{followup}", contact.ToString());
                using var request = new HttpRequestMessage(method == "GET" ? HttpMethod.Get : HttpMethod.Post, path);
                if (method == "POST")
                {
                    // A body missing a required field: whatever the headers say, nothing may be stored.
                    var body = required.Body(world);
                    body.Remove(required.Field);
                    request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body.ToJsonString()));
                    request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType ?? "application/json");
                }
                foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
                Auth.Apply(request.Headers);
                int status;
                string answer = "";
                try
                {
                    using var response = await http.SendAsync(request);
                    status = (int)response.StatusCode;
                    if (status >= 500 || (method == "POST" && status < 400)) answer = await response.Content.ReadAsStringAsync();
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    status = 0;
                    answer = e.Message;
                }
                lock (statsLock)
                {
                    var counted = method == "GET" && status is > 0 and < 400 ? 1000 + status : status; // GET 2xx are not "accepted"
                    byStatus[counted] = byStatus.GetValueOrDefault(counted) + 1;
                    var key = $"{method}:{template} {kind} {status}";
                    byRouteAndKind[key] = byRouteAndKind.GetValueOrDefault(key) + 1;
                    if ((status >= 500 || (method == "POST" && status < 400)) && failures.Count < 20)
                        failures.Add($"{status} {method} {path} [{kind}] {string.Join(' ', headers.Select(h => $"{h.Name}: {Shorten(h.Value)}"))} -> {answer[..Math.Min(300, answer.Length)]}");
                }
            }
        })).ToArray();
        await Task.WhenAll(edgeWorkers);

        foreach (var f in failures) Console.Error.WriteLine("badinput: NOT REFUSED WITH 4xx: " + f);
        var fivexx = byStatus.Where(s => s.Key is >= 500 and < 1000).Sum(s => s.Value);
        var accepted = byStatus.Where(s => s.Key is > 0 and < 400).Sum(s => s.Value);
        var errors = byStatus.GetValueOrDefault(0);
        var summary = string.Join(",", byStatus.OrderBy(s => s.Key).Select(s => $"\"{s.Key}\":{s.Value}"));
        Console.Error.WriteLine($"badinput: answers by status {{{summary}}}; routes x kinds covered: {byRouteAndKind.Keys.Select(k => string.Join(' ', k.Split(' ')[..2])).Distinct().Count()}");
        Console.WriteLine($$"""{"kind":"badinput","sent":{{Math.Min(sent, count) + Math.Min(edgeSent, edges)}},"edges":{{Math.Min(edgeSent, edges)}},"fivexx":{{fivexx}},"accepted":{{accepted}},"connectionErrors":{{errors}},"statuses":{""" + summary + "}}");
        return 0;
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + $"… ({text.Length} chars)" : text;

    /// <summary>A POST route's valid body and one required field to drop from it.</summary>
    private sealed record Broken(Func<World, JsonObject> Body, string Field);

    private static readonly string[] GetRoutes =
    [
        "/api/themes", "/api/themes/{theme}", "/api/themes/{theme}/coverage", "/api/campaigns", "/api/campaigns/{campaign}",
        "/api/campaigns/{campaign}/demands", "/api/campaigns/{campaign}/scoreboard", "/api/demands/{demand}", "/api/contacts",
        "/api/contacts/{contact}", "/api/interactions/{interaction}", "/api/timelines/themes/{theme}", "/api/timelines/contacts/{contact}",
        "/api/timelines/campaigns/{campaign}", "/api/timelines/demands/{demand}", "/api/follow-ups", "/api/follow-ups/mine",
        "/api/follow-ups/{followup}", "/api/follow-ups/calendar/{user}.ics", "/api/audit", "/api/me", "/api/users", "/api/users/{user}/tokens",
    ];

    private static List<(string Method, string Template, Broken Required)> EdgeRoutes(Route[] posts)
    {
        var none = new Broken(_ => new JsonObject(), "");
        return
        [
            .. GetRoutes.Select(r => ("GET", r, none)),
            .. posts.Select(r => ("POST", r.Path, new Broken(w => r.ValidBody(w, Guid.Empty), r.Required[0]))),
        ];
    }

    private static readonly string[] QueryNames =
        ["from", "to", "asOf", "cursor", "limit", "after", "user", "stream", "type", "campaignId", "theme", "contactId", "includeRetracted", "status", "assignee", "search", "token"];

    private static readonly string[] QueryValues =
    [
        "9999-12-31", "0001-01-01", "9999-12-31T23:59:59-14:00", "-1", "0", "99999999999999999999", "nee", "%00", "%FF%FE", "%01",
        "MjAyNS0xMS0yMHw5MjIzMzcyMDM2ODU0Nzc1ODA3fDAxOThhM2M0LTAwMDAtNzAwMC04MDAwLTAwMDAwMDAwMDAwMA", "'%3B%20drop%20table%20x%3B--",
    ];

    private static readonly string[] PathValues =
        ["00000000-0000-0000-0000-000000000000", "not-a-guid", "%FF%FE", "..%2F..%2Fetc", "%20", "-1"];

    /// <summary>One edge: a bad query string (GET), a bad header (POST), or a bad path value (either).</summary>
    private static (string Kind, string Path, List<(string Name, string Value)> Headers, string? ContentType) Edge(string method, string template, Random random)
    {
        var headers = new List<(string, string)>();
        var pick = random.Next(3);
        if (pick == 0 || (method == "GET" && pick == 1))
        {
            if (method == "GET")
            {
                var value = random.Next(8) == 0 ? new string('x', 3000 + random.Next(5000)) : QueryValues[random.Next(QueryValues.Length)];
                return ("query", $"{template}?{QueryNames[random.Next(QueryNames.Length)]}={value}", headers, null);
            }
            var path = System.Text.RegularExpressions.Regex.Replace(template, @"\{\w+\}", _ =>
                random.Next(4) == 0 ? new string('9', 300 + random.Next(300)) : PathValues[random.Next(PathValues.Length)]);
            return ("path", path, headers, null);
        }
        if (pick == 2 && method == "GET")
        {
            var path = System.Text.RegularExpressions.Regex.Replace(template, @"\{\w+\}", _ => PathValues[random.Next(PathValues.Length)]);
            return ("path", path, headers, null);
        }
        switch (random.Next(3))
        {
            case 0:
                string[] ifMatch = ["\"99999999999999999999\"", "W/\"-1\"", "garbage", "\"\"", new string('"', 500), "*", "\"1\", \"2\""];
                headers.Add(("If-Match", ifMatch[random.Next(ifMatch.Length)]));
                return ("if-match", template, headers, null);
            case 1:
                string[] keys = ["", new string('k', 5000), "a\tb", "a b c", "%D0%BA", new string('k', 200)];
                headers.Add(("Idempotency-Key", keys[random.Next(keys.Length)]));
                return ("idempotency-key", template, headers, null);
            default:
                string[] types = ["text/plain", "application/json; charset=latin1", "multipart/form-data", "garbage/;;;", "application/xml", "application/json; charset=utf-32"];
                return ("content-type", template, headers, types[random.Next(types.Length)]);
        }
    }

    private static string Preview(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        return text.Length > 160 ? text[..160] + $"… ({bytes.Length:N0} bytes)" : text;
    }

    private static (string Kind, byte[] Body, string ContentType, bool UnknownRouteId) Malform(Route route, World world, Random random)
    {
        const string json = "application/json";
        var body = route.ValidBody(world, Guid.Empty);
        byte[] Bytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());
        var hasRouteId = route.Path.Contains('{');
        var pick = random.Next(hasRouteId ? 11 : 10);
        switch (pick)
        {
            case 0: // a required field missing
            {
                body.Remove(route.Required[random.Next(route.Required.Length)]);
                return ("missing-field", Bytes(body), json, false);
            }
            case 1: // wrong types for a required field
            {
                var field = route.Required[random.Next(route.Required.Length)];
                JsonNode?[] wrong = [JsonValue.Create(42), JsonValue.Create(true), new JsonArray(1, 2), new JsonObject { ["x"] = 1 }, JsonValue.Create(-1.5e300)];
                body[field] = wrong[random.Next(wrong.Length)];
                return ("wrong-type", Bytes(body), json, false);
            }
            case 2: // required field explicitly null or blank
            {
                var field = route.Required[random.Next(route.Required.Length)];
                body[field] = random.Next(2) == 0 ? null : JsonValue.Create("   ");
                return ("null-or-blank", Bytes(body), json, false);
            }
            case 3: // a huge string (beyond every length limit), in a text field
            {
                var field = route.Texts[random.Next(route.Texts.Length)];
                body[field] = new string('x', random.Next(2) == 0 ? 4_001 + random.Next(10_000) : 1_000_000 + random.Next(1000));
                return ("huge-string", Bytes(body), json, false);
            }
            case 4: // unknown ids in the body, else an invalid date
            {
                if (route.Ids.Length > 0)
                {
                    var field = route.Ids[random.Next(route.Ids.Length)];
                    body[field] = field.EndsWith("Ids") ? new JsonArray(Guid.NewGuid().ToString()) : JsonValue.Create(Guid.NewGuid().ToString());
                    return ("unknown-id", Bytes(body), json, false);
                }
                if (route.Dates.Length == 0) goto case 1;
                body[route.Dates[0]] = random.Next(3) switch { 0 => "2025-13-45", 1 => "gisteren", _ => "2025-02-30" };
                return ("bad-date", Bytes(body), json, false);
            }
            case 5: // invalid UTF-8 inside a string
            {
                var text = body.ToJsonString();
                var field = route.Texts[random.Next(route.Texts.Length)];
                var marker = $"\"{field}\":\"";
                var at = text.IndexOf(marker, StringComparison.Ordinal);
                var bytes = Encoding.UTF8.GetBytes(at < 0 ? text : text[..(at + marker.Length)]).ToList();
                bytes.AddRange(new byte[][] { [0xFF, 0xFE], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80] }[random.Next(4)]);
                if (at >= 0) bytes.AddRange(Encoding.UTF8.GetBytes(text[(at + marker.Length)..]));
                return ("invalid-utf8", bytes.ToArray(), json, false);
            }
            case 6: // deep JSON
            {
                var depth = random.Next(2) == 0 ? 65 + random.Next(100) : 10_000 + random.Next(90_000);
                var field = route.Required[random.Next(route.Required.Length)];
                var text = body.ToJsonString();
                var nested = new string('[', depth) + new string(']', depth);
                var withDeep = text.Insert(text.Length - 1, $",\"{field}\":{nested}");
                return ("deep-json", Encoding.UTF8.GetBytes(withDeep), json, false);
            }
            case 7: // not an object: null, an array, a number, a string, nothing
            {
                string[] bodies = ["null", "[]", "42", "\"tekst\"", "", "{", "{\"a\":", "true"];
                return ("not-an-object", Encoding.UTF8.GetBytes(bodies[random.Next(bodies.Length)]), json, false);
            }
            case 8: // something that "happened" in the far future or before 1900
            {
                if (route.Happened is { Length: > 0 } happened)
                {
                    body[happened[0]] = random.Next(2) == 0
                        ? DateOnly.FromDateTime(DateTime.UtcNow).AddDays(random.Next(3, 36_500)).ToString("yyyy-MM-dd")
                        : "1066-10-14";
                    return ("impossible-date", Bytes(body), json, false);
                }
                goto case 0;
            }
            case 9: // the wrong content type, or binary garbage
            {
                if (random.Next(2) == 0) return ("wrong-content-type", Bytes(body), random.Next(2) == 0 ? "text/plain" : "application/x-www-form-urlencoded", false);
                var garbage = new byte[random.Next(1, 4096)];
                random.NextBytes(garbage);
                garbage[0] = (byte)'{';
                return ("garbage", garbage, json, false);
            }
            default: // an unknown id (or slug) in the route, with a valid body
                return ("unknown-route-id", Bytes(body), json, true);
        }
    }
}
