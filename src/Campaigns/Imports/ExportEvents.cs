using Campaigns.Accounts;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Campaigns.Imports;

/// <summary>
/// <c>GET /api/export</c> (manager): the whole event log as JSON lines, oldest first, streamed. Restore it into an
/// empty store with <c>dotnet run --project src/Campaigns -- import events &lt;file&gt;</c>. It holds every personal
/// detail the store holds: keep it as safely as a database backup.
/// </summary>
public static class ExportEventsEndpoint
{
    [WolverineGet("/api/export", OperationId = "ExportEvents"), Tags("Export"), Authorize(Policy = Policies.Manager), EndpointSummary("Export the event log."), EndpointDescription("Streams every recorded event as JSON lines, for a backup or an analysis elsewhere.")]
    public static IResult Get(EventLog log, TimeProvider clock, CancellationToken ct) =>
        Results.Stream(output => log.ExportAsync(output, ct), "application/x-ndjson",
            $"campaigns-events-{clock.GetUtcNow():yyyyMMdd-HHmmss}.jsonl");
}
