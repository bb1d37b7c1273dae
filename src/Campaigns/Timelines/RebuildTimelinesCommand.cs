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
        var last = await store.Storage.Database.FetchHighestEventSequenceNumber();
        var clock = Stopwatch.StartNew();
        var shown = TimeSpan.Zero;
        void Show(long position)
        {
            if (clock.Elapsed - shown < TimeSpan.FromSeconds(2)) return;
            shown = clock.Elapsed;
            Console.WriteLine($"Timelines: {(last == 0 ? 100 : 100 * position / last)}% (event {position:N0} of {last:N0}), {clock.Elapsed.TotalSeconds:F0} s");
        }
        var events = await TimelineSubscription.RebuildAsync(store, CancellationToken.None, onPage: Show);
        Console.WriteLine($"Timelines rebuilt from {events} events in {clock.ElapsedMilliseconds} ms.");
        return true;
    }
}
