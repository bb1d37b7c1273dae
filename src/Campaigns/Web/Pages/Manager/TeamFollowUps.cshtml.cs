using Campaigns.Campaigns;
using Campaigns.FollowUps;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Campaigns.Web.Pages.Manager;

/// <summary>The team's open follow-ups per person: open, due today and overdue, filtered by person, campaign and status.</summary>
public sealed class TeamFollowUpsModel(IQuerySession session, TimeProvider clock, IOptions<FollowUpPolicyOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "persoon")] public string? Assignee { get; set; }
    [BindProperty(SupportsGet = true, Name = "campagne")] public Guid? CampaignId { get; set; }
    [BindProperty(SupportsGet = true, Name = "status")] public FollowUpListStatus? Status { get; set; }

    public TeamFollowUpsView View { get; private set; } = new(default, [], []);
    public IReadOnlyList<Campaign> Campaigns { get; private set; } = [];
    public Names Names { get; private set; } = Names.Empty;

    public static IReadOnlyList<(FollowUpListStatus? Status, string Label)> Statuses { get; } =
        [(null, "Alle open"), (FollowUpListStatus.Due, "Vandaag of eerder"), (FollowUpListStatus.Overdue, "Te laat")];

    public static string Kind(FollowUpKind kind) => kind switch
    {
        FollowUpKind.ThankYou => "Bedankbrief",
        FollowUpKind.Chaser => "Nabellen",
        FollowUpKind.ImplementationCheck => "Uitvoering controleren",
        FollowUpKind.StaleDemand => "Wens blijft liggen",
        FollowUpKind.Inbreng => "Inbreng sturen",
        _ => "Eigen taak"
    };

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Status is FollowUpListStatus.Done) Status = null;
        View = await TeamFollowUps.ReadAsync(session, new TeamFollowUpFilter(Assignee, CampaignId, Status), options.Value.Today(clock), ct);
        Names = await Names.LoadAsync(session, ct);
        Campaigns = Names.CampaignsByStart.ToList();
    }
}
