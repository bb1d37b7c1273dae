using Campaigns.Demands;
using Campaigns.Interactions;
using Campaigns.Parliament;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Campaigns.Web.Pages.Manager;

/// <summary>What the demand page shows of parliament, and what its Kamer forms post.</summary>
public sealed record DemandParliamentView(
    Demand Demand, long Version, DemandParliament Parliament, IReadOnlyDictionary<Guid, Interaction> Interactions, Names Names)
{
    public static async Task<DemandParliamentView> LoadAsync(IQuerySession session, Demand demand, Names names, CancellationToken ct)
    {
        var version = (await session.Events.FetchStreamStateAsync(demand.Id, ct))?.Version ?? 0;
        var parliament = await DemandParliamentQueries.ReadAsync(session, demand, ct);
        var ids = parliament.Linked.Select(l => l.Offer).OfType<AdoptionOffer>().SelectMany(o => o.CreditedInteractionIds).Distinct().ToList();
        var interactions = ids.Count == 0 ? new Dictionary<Guid, Interaction>() : (await session.LoadManyAsync<Interaction>(ct, ids)).ToDictionary(i => i.Id);
        return new DemandParliamentView(demand, version, parliament, interactions, names);
    }
}

/// <summary>
/// A demand and parliament: link or dismiss a proposed Kamer item (<see cref="LinkParliamentItem"/>), or record the
/// adoption an aangenomen motie offers through the demand's own <see cref="AdoptDemand"/>, all sent through the bus.
/// </summary>
public sealed class DemandParliamentModel(IQuerySession session, IMessageBus bus) : FormPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public Guid? TkId { get; set; }
    [BindProperty] public long Version { get; set; }
    [BindProperty] public List<Guid> CreditedInteractionIds { get; set; } = [];
    [BindProperty] public List<Guid> CreditedContactIds { get; set; } = [];

    [BindNever] public DemandParliamentView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostLinkAsync(CancellationToken ct) => SendLinkAsync(ParliamentLinkActions.Link, ct);

    public Task<IActionResult> OnPostDismissAsync(CancellationToken ct) => SendLinkAsync(ParliamentLinkActions.Dismiss, ct);

    public async Task<IActionResult> OnPostAdoptAsync(CancellationToken ct)
    {
        ClearBindingErrors();
        if (!await LoadAsync(ct)) return NotFound();
        var offer = View.Parliament.Linked.FirstOrDefault(l => l.Item.Id == TkId)?.Offer;
        if (offer is null)
        {
            ModelState.AddModelError("", "Deze motie biedt geen aanname (meer): is ze gekoppeld en aangenomen, en staat de wens nog open?");
            return Page();
        }
        // Only what the offer proposed may be credited; the manager may untick any of it.
        var command = new AdoptDemand(offer.Venue, offer.Reference, false, offer.OccurredOn, offer.Note,
            CreditedInteractionIds.Where(offer.CreditedInteractionIds.Contains).ToList(), CreditedContactIds.Where(offer.CreditedContactIds.Contains).ToList())
        {
            DemandId = Id, ExpectedVersion = ReadAt(Version)
        };
        var result = await SendAsync(bus, command, ct);
        if (result is null) return Page();
        Flash($"{offer.Label}: de wens is als aangenomen vastgelegd.");
        return Redirect($"/wensen/{Id}");
    }

    private async Task<IActionResult> SendLinkAsync(string action, CancellationToken ct)
    {
        ClearBindingErrors();
        var result = await SendAsync(bus, new LinkParliamentItem(TkId, action) { DemandId = Id, ExpectedVersion = ReadAt(Version) }, ct);
        if (result is null)
        {
            if (!await LoadAsync(ct)) return NotFound();
            return Page();
        }
        Flash(action == ParliamentLinkActions.Link ? "Gekoppeld aan de wens." : "Voorstel afgewezen; het wordt niet meer voorgesteld.");
        return Redirect($"/wensen/{Id}#kamer");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var demand = await session.LoadAsync<Demand>(Id, ct);
        if (demand is null) return false;
        View = await DemandParliamentView.LoadAsync(session, demand, await Names.LoadAsync(session, ct), ct);
        return true;
    }
}
