using Campaigns.Timelines;
using Marten;
using Microsoft.AspNetCore.Mvc;
using CampaignSnapshot = Campaigns.Campaigns.Campaign;

namespace Campaigns.Web.Pages.Manager;

/// <summary>A campaign's whole timeline (the API's campaign timeline) with the filters of the other timelines.</summary>
public sealed class CampaignTimelineModel(IQuerySession session, TimeProvider clock) : TimelinePageModel(session, clock)
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public CampaignSnapshot Campaign { get; private set; } = null!;

    public override string TimelineTitle => Campaign?.Name ?? "campagne";
    public override bool FiltersCampaign => false;

    protected override string TimelineKey => TimelineKeys.Campaign(Id);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        await ReadTimelineAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct) => await LoadAsync(ct) ? await CsvAsync(ct) : NotFound();

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await Session.LoadAsync<CampaignSnapshot>(Id, ct) is not { } campaign) return false;
        Campaign = campaign;
        return true;
    }
}
