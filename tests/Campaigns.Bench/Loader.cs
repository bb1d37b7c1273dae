using System.Diagnostics;
using JasperFx.Events;
using Marten;
using Marten.Events;

namespace Campaigns.Bench;

/// <summary>
/// <c>load --connection CS --events N</c>: writes the generated log with Marten's streaming bulk append (COPY in batches),
/// which bypasses the inline projections; read models come from a projection rebuild afterwards.
/// Prints a progress line every 50,000 events and, last, one JSON line with the figures.
/// </summary>
public static class Loader
{
    public static async Task<int> Run(string[] args)
    {
        var connectionString = Args.Get(args, "--connection");
        var target = long.Parse(Args.Get(args, "--events", "1000000"));
        var batch = Args.Int(args, "--batch", 10_000);
        var generator = new EventGenerator(target);

        using var store = Store.Create(connectionString);
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        // The schema as the app leaves it on start, so that the rebuild also pays for the timeline key index.
        await global::Campaigns.Timelines.TimelineKeys.EnsureAsync(store, CancellationToken.None);

        // Pass 1: the final version of every stream, for mt_streams (written before the events, for the foreign key).
        var clock = Stopwatch.StartNew();
        var streams = new Dictionary<Guid, (long Version, Type Aggregate)>();
        long total = 0;
        foreach (var e in generator.Generate())
        {
            streams[e.StreamId] = (streams.TryGetValue(e.StreamId, out var s) ? s.Version + 1 : 1, e.Aggregate);
            total++;
        }
        Console.Error.WriteLine($"load: planned {total:N0} events on {streams.Count:N0} streams in {clock.Elapsed.TotalSeconds:F1} s");
        var headers = streams.Select(s => new BulkEventStreamHeader { Id = s.Key, Version = s.Value.Version, AggregateType = s.Value.Aggregate }).ToList();

        clock.Restart();
        await store.BulkInsertEventStreamAsync("*DEFAULT*", headers, Events(generator, total, clock), batch);
        var seconds = clock.Elapsed.TotalSeconds;
        Console.Error.WriteLine($"load: {total:N0} events in {seconds:F1} s ({total / seconds:N0} events/s)");
        Console.WriteLine($$"""{"kind":"load","events":{{total}},"streams":{{streams.Count}},"seconds":{{seconds:F3}},"eventsPerSecond":{{total / seconds:F0}}}""");
        return 0;
    }

    private static async IAsyncEnumerable<IEvent> Events(EventGenerator generator, long total, Stopwatch clock)
    {
        var versions = new Dictionary<Guid, long>();
        long n = 0;
        foreach (var planned in generator.Generate())
        {
            var version = versions[planned.StreamId] = versions.GetValueOrDefault(planned.StreamId) + 1;
            var e = Wrap(planned.Data);
            e.Id = Guid.CreateVersion7(planned.RecordedAt);
            e.StreamId = planned.StreamId;
            e.Version = version;
            e.Timestamp = planned.RecordedAt;
            e.UserName = planned.User;
            if (++n % 50_000 == 0)
                Console.Error.WriteLine($"load: {n,9:N0} / {total:N0} events ({100.0 * n / total:F0}%), {n / clock.Elapsed.TotalSeconds:N0} events/s");
            yield return e;
        }
        await Task.CompletedTask;
    }

    private static readonly Dictionary<Type, Func<object, IEvent>> Wrappers = [];

    private static IEvent Wrap(object data)
    {
        var type = data.GetType();
        if (!Wrappers.TryGetValue(type, out var wrap))
        {
            var eventType = typeof(Event<>).MakeGenericType(type);
            Wrappers[type] = wrap = d => (IEvent)Activator.CreateInstance(eventType, d)!;
        }
        return wrap(data);
    }
}
