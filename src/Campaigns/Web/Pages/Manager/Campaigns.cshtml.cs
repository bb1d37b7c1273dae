using Campaigns.Campaigns;
using Campaigns.Demands;
using Campaigns.Themes;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Campaigns.Web.Pages.Manager;

/// <summary>Every campaign, open ones first, with its period, themes and demands per status. For everyone; managers may start one.</summary>
public sealed class CampaignsModel(IQuerySession session) : PageModel
{
    public IReadOnlyList<Campaign> Campaigns { get; private set; } = [];
    public IReadOnlyDictionary<Guid, IReadOnlyDictionary<DemandStatus, int>> DemandsByStatus { get; private set; } =
        new Dictionary<Guid, IReadOnlyDictionary<DemandStatus, int>>();
    public IReadOnlyDictionary<string, Theme> Themes { get; private set; } = new Dictionary<string, Theme>();

    public bool IsManager => User.IsInRole(Roles.Manager) || User.IsInRole(Roles.Admin);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Campaigns = (await session.Query<Campaign>().ToListAsync(ct)).OrderBy(c => c.Status).ThenByDescending(c => c.StartsOn).ThenBy(c => c.Name).ToList();
        var demands = await session.Query<Demand>().Select(d => new DemandCount(d.CampaignId, d.Status)).ToListAsync(ct);
        DemandsByStatus = demands.GroupBy(d => d.CampaignId).ToDictionary(g => g.Key,
            g => (IReadOnlyDictionary<DemandStatus, int>)g.GroupBy(d => d.Status).ToDictionary(s => s.Key, s => s.Count()));
        Themes = (await session.Query<Theme>().ToListAsync(ct)).ToDictionary(t => t.Slug);
    }

    public string Theme(string slug) => Themes.TryGetValue(slug, out var t) ? t.Label : slug;

    public IReadOnlyDictionary<DemandStatus, int> Counts(Guid campaign) =>
        DemandsByStatus.TryGetValue(campaign, out var counts) ? counts : new Dictionary<DemandStatus, int>();

    public sealed record DemandCount(Guid CampaignId, DemandStatus Status);
}
