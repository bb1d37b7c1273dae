using Campaigns.Campaigns;
using Campaigns.Contacts;
using Campaigns.Demands;
using Campaigns.Interactions;
using Campaigns.Timelines;

namespace Campaigns.Parliament;

/// <summary>A motie or amendement linked to one of the campaign's demands: a column of the matrix.</summary>
public sealed record VoteMatrixMotie(Guid TkId, string Soort, string Reference, string? Onderwerp, string? Outcome, DateOnly? VotedOn, IReadOnlyList<Guid> DemandIds);

/// <param name="Votes">Per column, in order: Voor, Tegen, Niet deelgenomen, or null when the fractie did not vote on it.</param>
/// <param name="LastContactOn">Our latest contact moment in this campaign with someone of the fractie (their role on that day).</param>
public sealed record VoteMatrixRow(string Fractie, IReadOnlyList<string?> Votes, DateOnly? LastContactOn, int? DaysSinceContact);

public sealed record CampaignVotes(Guid CampaignId, IReadOnlyList<VoteMatrixMotie> Moties, IReadOnlyList<VoteMatrixRow> Fracties);

public static class CampaignVotesQueries
{
    [WolverineGet("/api/campaigns/{id}/votes", OperationId = "GetCampaignVotes"), Tags("Parliament"), Authorize(Policy = Policies.Manager),
     ProducesResponseType<CampaignVotes>(StatusCodes.Status200OK),
     EndpointSummary("Read how each fractie voted on the campaign's moties."),
     EndpointDescription("A matrix of fracties × the moties and amendementen linked to the campaign's demands, with each fractie's vote on the latest besluit, and beside it the days since our last contact moment in the campaign with a member of that fractie.")]
    public static async Task<IResult> Get(Guid id, IQuerySession session, TimeProvider clock, CancellationToken ct) =>
        await session.LoadAsync<Campaign>(id, ct) is null
            ? Results.Problem(Problems.NotFound("Deze campagne bestaat niet."))
            : Results.Ok(await ReadAsync(session, id, Web.Dutch.Today(clock), ct));

    public static async Task<CampaignVotes> ReadAsync(IQuerySession session, Guid campaignId, DateOnly today, CancellationToken ct)
    {
        var demands = await session.Query<Demand>().Where(d => d.CampaignId == campaignId).ToListAsync(ct);
        var links = demands.SelectMany(d => d.ParliamentLinks.Select(tk => (TkId: tk, DemandId: d.Id))).ToList();
        if (links.Count == 0) return new CampaignVotes(campaignId, [], []);
        var items = (await session.LoadManyAsync<ParliamentItem>(ct, links.Select(l => l.TkId).Distinct()))
            .Where(i => i.Kind == ParliamentKinds.Zaak && i.Besluiten.Any(b => b.Votes.Count > 0))
            .OrderBy(i => i.Besluiten.Select(b => b.Besluit.Datum).Max()).ThenBy(i => i.Nummer).ToList();
        var columns = items.Select(i =>
        {
            var decided = Decided(i)!;
            return new VoteMatrixMotie(i.Id, i.Soort, DemandParliamentQueries.Reference(i), i.Onderwerp, decided.Outcome, decided.Besluit.Datum,
                links.Where(l => l.TkId == i.Id).Select(l => l.DemandId).Distinct().ToList());
        }).ToList();
        var fracties = items.SelectMany(i => Decided(i)!.Votes).Select(v => v.Fractie).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();

        var interactions = await session.Query<Interaction>().Where(i => i.CampaignId == campaignId && !i.Retracted).ToListAsync(ct);
        var contactIds = interactions.SelectMany(i => i.ContactIds).Distinct().ToList();
        var contacts = contactIds.Count == 0 ? [] : await session.LoadManyAsync<Contact>(ct, contactIds);
        var lastContact = CoverageQueries.Measure(interactions, contacts, today).ToDictionary(c => c.Organisation, c => c.LastContactOn);

        var rows = fracties.Select(f =>
        {
            var votes = items.Select(i => Decided(i)!.Votes.FirstOrDefault(v => v.Fractie == f && !v.Vergissing)?.Soort).ToList();
            var last = lastContact.GetValueOrDefault(f);
            return new VoteMatrixRow(f, votes, last, last is { } on ? today.DayNumber - on.DayNumber : null);
        }).ToList();
        return new CampaignVotes(campaignId, columns, rows);
    }

    private static ParliamentDecisionView? Decided(ParliamentItem item) =>
        item.Besluiten.LastOrDefault(b => b.Votes.Count > 0 && b.Outcome is not null) ?? item.Besluiten.LastOrDefault(b => b.Votes.Count > 0);
}
