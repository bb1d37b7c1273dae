using System.Diagnostics;
using JasperFx.CommandLine;

namespace Campaigns.Timelines;

/// <summary>
/// <c>dotnet run --project src/Campaigns -- timelines</c>: builds every timeline entry again from the event log. Run it
/// while no app serves the store; the running subscription would otherwise write beside it.
/// </summary>
[Description("Rebuilds the timelines (entries and key index) from the event log", Name = "timelines")]
public sealed class RebuildTimelinesCommand : JasperFxAsyncCommand<NetCoreInput>
{
    public override async Task<bool> Execute(NetCoreInput input)
    {
        // Built, not started: the subscription does not run while the entries are rebuilt.
        using var host = input.BuildHost();
        var store = host.Services.GetRequiredService<IDocumentStore>();
        await TimelineKeys.EnsureAsync(store, CancellationToken.None);
        var last = await LastSequenceAsync(store);
        var clock = Stopwatch.StartNew();
        var shown = TimeSpan.Zero;
        // Reported on the rebuild's own thread, so no Progress<T> (which posts to the thread pool and may print late).
        var progress = new Reporter(position =>
        {
            if (clock.Elapsed - shown < TimeSpan.FromSeconds(2)) return;
            shown = clock.Elapsed;
            Console.WriteLine($"Timelines: {(last == 0 ? 100 : 100 * position / last)}% (event {position:N0} of {last:N0}), {clock.Elapsed.TotalSeconds:F0} s");
        });
        var events = await TimelineSubscription.RebuildAsync(store, CancellationToken.None, progress: progress);
        Console.WriteLine($"Timelines rebuilt from {events} events in {clock.ElapsedMilliseconds} ms.");
        return true;
    }

    private static async Task<long> LastSequenceAsync(IDocumentStore store)
    {
        await using var session = store.QuerySession();
        return await session.Events.QueryAllRawEvents().Select(e => e.Sequence).OrderByDescending(s => s).FirstOrDefaultAsync();
    }

    private sealed class Reporter(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
