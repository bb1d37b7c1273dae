using Campaigns.Infrastructure.Http;
using Marten;
using Wolverine.Http;

namespace Campaigns.Demands;

public static class DemandQueries
{
    [WolverineGet("/api/demands/{id}"), Tags("Demands")]
    public static async Task<IResult> Get(Guid id, HttpContext context, IQuerySession session, CancellationToken ct)
    {
        var (demand, _) = await Concurrency.LoadWithETagAsync<Demand>(session, id, context, ct);
        return demand is null ? Results.NotFound() : Results.Ok(demand);
    }

    [WolverineGet("/api/campaigns/{id}/demands"), Tags("Demands")]
    public static Task<IReadOnlyList<Demand>> ForCampaign(Guid id, IQuerySession session, CancellationToken ct) =>
        session.Query<Demand>().Where(d => d.CampaignId == id).OrderBy(d => d.Code).ThenBy(d => d.FormulatedOn).ToListAsync(ct);
}
