using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace Campaigns.Bench;

/// <summary>
/// <c>retry --url U --connection CS [--clients 16] [--seconds 20] [--timeout-ms 250] [--give-up-seconds 120] --label L</c>
/// (ops/drill, retry drill): clients register contacts, each request with an Idempotency-Key of its own, and retry every
/// failed, refused-by-5xx or timed-out POST with the same key and body until it is answered 2xx. ops/drill kills the app
/// with SIGKILL and restarts it meanwhile. Afterwards every key must have exactly one stored contact (0 duplicates),
/// with the id it was answered (0 lost, 0 mismatched), and no client gave up. Prints PASS or FAIL with the counts.
/// </summary>
public static class RetryDrill
{
    public static async Task<int> Run(string[] args)
    {
        var url = Args.Get(args, "--url");
        var connectionString = Args.Get(args, "--connection");
        var clients = Args.Int(args, "--clients", 16);
        var seconds = Args.Int(args, "--seconds", 20);
        var timeout = TimeSpan.FromMilliseconds(Args.Int(args, "--timeout-ms", 250));
        var giveUp = TimeSpan.FromSeconds(Args.Int(args, "--give-up-seconds", 120));
        var label = Args.Get(args, "--label", $"r{DateTime.UtcNow:HHmmss}");

        using var http = Http.Client(url, clients * 2);
        var answered = new ConcurrentDictionary<string, Guid>();
        var unanswered = new ConcurrentBag<string>();
        long attempts = 0, retries = 0, timedOut = 0, connectionErrors = 0, fiveXx = 0, replays = 0, otherStatus = 0;
        var statuses = new ConcurrentDictionary<int, int>();
        var started = Stopwatch.StartNew();
        var newRequestsUntil = TimeSpan.FromSeconds(seconds);

        async Task Client(int client)
        {
            for (var n = 0; started.Elapsed < newRequestsUntil; n++)
            {
                var key = $"{label}-{client}-{n}";
                var body = new { name = $"Retry {key}", kind = "informateur", organisation = "Retry drill", effectiveOn = "2025-11-01" };
                var first = true;
                var deadline = started.Elapsed + giveUp;
                while (true)
                {
                    if (!first) Interlocked.Increment(ref retries);
                    first = false;
                    if (started.Elapsed > deadline) { unanswered.Add(key); break; }
                    Interlocked.Increment(ref attempts);
                    using var request = new HttpRequestMessage(HttpMethod.Post, "/api/contacts") { Content = JsonContent.Create(body) };
                    Auth.Apply(request.Headers);
                    request.Headers.Add("Idempotency-Key", key);
                    using var cts = new CancellationTokenSource(timeout);
                    try
                    {
                        using var response = await http.SendAsync(request, cts.Token);
                        var status = (int)response.StatusCode;
                        statuses.AddOrUpdate(status, 1, (_, c) => c + 1);
                        if (response.IsSuccessStatusCode)
                        {
                            if (response.Headers.Contains("Idempotent-Replay")) Interlocked.Increment(ref replays);
                            using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cts.Token));
                            answered[key] = answer.RootElement.GetProperty("id").GetGuid();
                            break;
                        }
                        if (status >= 500) Interlocked.Increment(ref fiveXx); else Interlocked.Increment(ref otherStatus);
                    }
                    catch (OperationCanceledException) { Interlocked.Increment(ref timedOut); }
                    catch (HttpRequestException) { Interlocked.Increment(ref connectionErrors); }
                    await Task.Delay(200);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, clients).Select(Client));

        // What the store holds for this run's keys: one contact per key, with the answered id.
        var stored = new Dictionary<string, List<Guid>>();
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "select data->>'name', stream_id from campaigns.mt_events where type = 'contact_registered' and data->>'name' like @prefix",
                connection) { CommandTimeout = 300 };
            command.Parameters.AddWithValue("prefix", $"Retry {label}-%");
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var key = reader.GetString(0)["Retry ".Length..];
                if (!stored.TryGetValue(key, out var ids)) stored[key] = ids = [];
                ids.Add(reader.GetGuid(1));
            }
        }

        var duplicates = stored.Count(s => s.Value.Count > 1);
        var lost = answered.Count(a => !stored.ContainsKey(a.Key));
        var mismatched = answered.Count(a => stored.TryGetValue(a.Key, out var ids) && !ids.Contains(a.Value));
        // Stored without a 2xx to its client: only possible for a key a client gave up on.
        var storedUnanswered = stored.Keys.Count(k => !answered.ContainsKey(k));
        var pass = answered.Count > 0 && retries > 0 && duplicates == 0 && lost == 0 && mismatched == 0 && unanswered.IsEmpty;

        var line = $"retry drill: {answered.Count} requests answered 2xx after {attempts} attempts ({retries} retries: {timedOut} timed out, " +
                   $"{connectionErrors} connection errors, {fiveXx} answered 5xx, {otherStatus} other non-2xx; {replays} answered as replays); " +
                   $"{duplicates} duplicates, {lost} lost, {mismatched} with another id than answered, {unanswered.Count} given up " +
                   $"({storedUnanswered} of those stored)";
        Console.Error.WriteLine("answers by status: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")));
        Console.WriteLine($"{(pass ? "PASS" : "FAIL")} {line}");
        return pass ? 0 : 1;
    }
}
