using Campaigns.Accounts;
using Campaigns.Campaigns;
using Campaigns.Demands;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Campaigns.Timelines;

public sealed record ThemeScore(string Theme, IReadOnlyDictionary<DemandStatus, int> ByStatus);

public sealed record AdoptedDemand(
    Guid DemandId, string? Code, string Text, string Theme, AdoptionVenue Venue, string? Reference, bool Partial,
    DateOnly AdoptedOn, DateOnly? FirstRaisedOn, int? DaysFromFirstRaisingToAdoption, IReadOnlyList<Guid> CreditedInteractionIds);

public sealed record CampaignScoreboard(
    Guid CampaignId, string Name, int Demands, IReadOnlyDictionary<DemandStatus, int> ByStatus,
    IReadOnlyList<ThemeScore> ByTheme, IReadOnlyList<AdoptedDemand> Adopted);

/// <summary>How far a campaign got: read from the inline demand snapshots, so always current.</summary>
public static class ScoreboardQueries
{
    [WolverineGet("/api/campaigns/{id}/scoreboard", OperationId = "GetCampaignScoreboard"), Tags("Timelines"), Authorize(Policy = Policies.Manager), EndpointSummary("Read a campaign's scoreboard."), EndpointDescription("Returns the campaign's demands by status with their adoptions, and the contact moments credited for them.")]
    public static async Task<IResult> Get(Guid id, IQuerySession session, CancellationToken ct)
    {
        var campaign = await session.LoadAsync<Campaign>(id, ct);
        if (campaign is null) return Results.NotFound();
        var demands = await session.Query<Demand>().Where(d => d.CampaignId == id).ToListAsync(ct);
        return Results.Ok(Score(campaign, demands));
    }

    public static CampaignScoreboard Score(Campaign campaign, IReadOnlyList<Demand> demands) => new(
        campaign.Id, campaign.Name, demands.Count, CountByStatus(demands),
        demands.GroupBy(d => d.Theme).OrderBy(g => g.Key).Select(g => new ThemeScore(g.Key, CountByStatus(g))).ToList(),
        demands.Where(d => d.Status == DemandStatus.Adopted).Select(d =>
        {
            var adoption = d.Adoptions[^1];
            return new AdoptedDemand(d.Id, d.Code, d.Text, d.Theme, adoption.Venue, adoption.Reference, adoption.Partial,
                adoption.OccurredOn, d.FirstRaisedOn,
                d.FirstRaisedOn is { } raised ? adoption.OccurredOn.DayNumber - raised.DayNumber : null,
                adoption.CreditedInteractionIds);
        }).OrderBy(a => a.AdoptedOn).ToList());

    private static IReadOnlyDictionary<DemandStatus, int> CountByStatus(IEnumerable<Demand> demands) =>
        Enum.GetValues<DemandStatus>().ToDictionary(s => s, s => demands.Count(d => d.Status == s));
}
