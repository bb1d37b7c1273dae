using Campaigns.Demands;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Campaigns.Web.Pages.Manager;

/// <summary>Take back a demand's latest adoption: the RetractAdoption command, sent through the bus as the API sends it.</summary>
public sealed class RetractAdoptionModel(IQuerySession session, IMessageBus bus) : FormPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    /// <summary>The demand's stream version when the form was shown.</summary>
    [BindProperty] public long Version { get; set; }
    [BindProperty] public string? Reason { get; set; }

    [BindNever] public Demand Demand { get; private set; } = null!;
    public Adoption? Latest => Demand.Adoptions.Count > 0 ? Demand.Adoptions[^1] : null;

    protected override IReadOnlyDictionary<string, string> FieldLabels { get; } = new Dictionary<string, string> { [nameof(Reason)] = "Waarom" };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Version = (await session.Events.FetchStreamStateAsync(Id, ct))?.Version ?? 0;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ClearBindingErrors();
        if (!await LoadAsync(ct)) return NotFound();
        var command = new RetractAdoption(Reason ?? "") { DemandId = Id, ExpectedVersion = ReadAt(Version) };
        if (await SendAsync(bus, command, ct) is null) return Page();
        Flash("Overname ingetrokken. De wens staat weer zoals voor de overname; de tijdlijn bewaart de ingetrokken overname met de reden.",
            "Naar het dashboard", $"/campagnes/{Demand.CampaignId}");
        return Redirect($"/wensen/{Id}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await session.LoadAsync<Demand>(Id, ct) is not { } demand) return false;
        Demand = demand;
        return true;
    }
}
