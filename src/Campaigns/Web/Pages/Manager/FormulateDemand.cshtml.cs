using Campaigns.Campaigns;
using Campaigns.Demands;
using Campaigns.Themes;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Campaigns.Web.Pages.Manager;

/// <summary>Formulate a demand within a campaign: the FormulateDemand command, sent through the bus as the API sends it.</summary>
public sealed class FormulateDemandModel(IQuerySession session, IMessageBus bus, TimeProvider clock) : FormPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public string? Theme { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Target { get; set; }
    [BindProperty] public string? Source { get; set; }
    [BindProperty] public DateOnly? FormulatedOn { get; set; }

    [BindNever] public Campaign Campaign { get; private set; } = null!;
    /// <summary>The campaign's own themes first, then the others.</summary>
    [BindNever] public IReadOnlyList<Theme> Themes { get; private set; } = [];

    protected override IReadOnlyDictionary<string, string> FieldLabels { get; } = new Dictionary<string, string>
    {
        [nameof(Theme)] = "Thema", [nameof(Text)] = "Wens", [nameof(Code)] = "Code", [nameof(Target)] = "Meetbaar doel",
        [nameof(Source)] = "Brondocument", [nameof(FormulatedOn)] = "Geformuleerd op"
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        FormulatedOn = Dutch.Today(clock);
        if (Campaign.Themes.Count == 1) Theme = Campaign.Themes[0];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ClearBindingErrors();
        if (!await LoadAsync(ct)) return NotFound();
        var command = new FormulateDemand(Theme ?? "", Text ?? "", Code, Target, Source, FormulatedOn) { CampaignId = Id };
        var result = await SendAsync(bus, command, ct);
        if (result is null) return Page();
        // A code names one demand in the campaign's documents ("wens 2d"): a second one with the code is most likely a typo,
        // but not always (a demand split in two), so it is stored and the manager is told.
        var code = Code?.Trim();
        var sameCode = !string.IsNullOrEmpty(code) && await session.Query<Demand>()
            .AnyAsync(d => d.CampaignId == Id && d.Id != result.Id && d.Code!.Equals(code, StringComparison.OrdinalIgnoreCase), ct);
        Flash($"Wens {(string.IsNullOrEmpty(code) ? "" : code + " ")}toegevoegd aan {Campaign.Name}."
              + (sameCode ? $" Let op: deze campagne had al een wens met code {code}." : " Hij staat nu bij de wensen op het dashboard."),
            "Naar het dashboard", $"/campagnes/{Id}");
        return Redirect($"/wensen/{result.Id}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var campaign = await session.LoadAsync<Campaign>(Id, ct);
        if (campaign is null) return false;
        Campaign = campaign;
        Themes = (await session.Query<Theme>().ToListAsync(ct))
            .OrderBy(t => campaign.Themes.Contains(t.Slug) ? 0 : 1).ThenBy(t => t.Label).ToList();
        return true;
    }
}
