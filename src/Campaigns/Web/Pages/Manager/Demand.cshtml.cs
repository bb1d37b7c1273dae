using Campaigns.Demands;
using Campaigns.Interactions;
using Campaigns.Timelines;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace Campaigns.Web.Pages.Manager;

/// <summary>A demand's journey (the API's demand timeline) and the interactions credited for its adoption.</summary>
public sealed class DemandModel(IQuerySession session, TimeProvider clock) : TimelinePageModel(session, clock)
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public Demand Demand { get; private set; } = null!;
    public IReadOnlyList<Interaction> Credited { get; private set; } = [];
    /// <summary>Linked and proposed Kamer items, for the "Kamer" section.</summary>
    public DemandParliamentView Kamer { get; private set; } = null!;

    public override string TimelineTitle => Demand?.Code is { Length: > 0 } code ? $"wens {code}" : "wens";
    public override bool FiltersCampaign => false;

    protected override string TimelineKey => TimelineKeys.Demand(Id);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var demand = await Session.LoadAsync<Demand>(Id, ct);
        if (demand is null) return NotFound();
        Demand = demand;
        var credited = demand.Adoptions.SelectMany(a => a.CreditedInteractionIds).Distinct().ToList();
        Credited = credited.Count == 0 ? [] : (await Session.LoadManyAsync<Interaction>(ct, credited)).OrderBy(i => i.HappenedOn).ToList();
        await ReadTimelineAsync(ct);
        Kamer = await DemandParliamentView.LoadAsync(Session, demand, Names, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var demand = await Session.LoadAsync<Demand>(Id, ct);
        if (demand is null) return NotFound();
        Demand = demand;
        return await CsvAsync(ct);
    }
}
