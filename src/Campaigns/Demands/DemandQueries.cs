namespace Campaigns.Demands;

public static class DemandQueries
{
    /// <summary>The demand with its version as the ETag, which a client sends back as <c>If-Match</c>.</summary>
    [WolverineGet("/api/demands/{id}", OperationId = "GetDemand"), Tags("Demands"), EndpointSummary("Read one demand."), EndpointDescription("Returns the demand with its status, supporters and outcome; its version is the ETag to send back as If-Match.")]
    public static async Task<IResult> Get(Guid id, HttpContext context, IQuerySession session, CancellationToken ct)
    {
        var demand = await session.LoadAsync<Demand>(id, ct);
        if (demand is null) return Results.NotFound();
        HttpCommands.WriteETag(context, (await session.Events.FetchStreamStateAsync(id, ct))?.Version ?? 0);
        return Results.Ok(demand);
    }

    [WolverineGet("/api/campaigns/{id}/demands", OperationId = "ListCampaignDemands"), Tags("Demands"), ProducesResponseType<IReadOnlyList<Demand>>(StatusCodes.Status200OK), EndpointSummary("List a campaign's demands."), EndpointDescription("Returns the demands formulated under the campaign, with their status; 404 when there is no such campaign.")]
    public static async Task<IResult> ForCampaign(Guid id, IQuerySession session, CancellationToken ct)
    {
        var demands = await session.Query<Demand>().Where(d => d.CampaignId == id).OrderBy(d => d.Code).ThenBy(d => d.FormulatedOn).ToListAsync(ct);
        // An empty list may mean no such campaign: that is a 404, not "no demands yet".
        if (demands.Count == 0 && await session.LoadAsync<global::Campaigns.Campaigns.Campaign>(id, ct) is null)
            return Results.Problem(Problems.NotFound("Deze campagne bestaat niet."));
        return Results.Ok(demands);
    }
}
