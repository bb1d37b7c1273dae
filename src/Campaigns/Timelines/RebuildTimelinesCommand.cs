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
        var events = await TimelineSubscription.RebuildAsync(store, CancellationToken.None);
        Console.WriteLine($"Timelines rebuilt from {events} events.");
        return true;
    }
}
