using Campaigns.Campaigns;
using Campaigns.FollowUps;
using Microsoft.AspNetCore.Mvc;
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

    /// <summary>The filters that were refused, by their label; the list is not shown then.</summary>
    public IReadOnlyList<string> FilterErrors { get; private set; } = [];

    /// <summary>The people to pick from: those with open follow-ups, and the one asked for when that team member has none.</summary>
    public IReadOnlyList<string> People { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Names = await Names.LoadAsync(session, ct);
        Campaigns = Names.CampaignsByStart.ToList();
        // Open is what the list shows anyway ("Alle open").
        if (Status is FollowUpListStatus.Open) Status = null;
        View = await TeamFollowUps.ReadAsync(session, new TeamFollowUpFilter(Assignee, CampaignId, Status), options.Value.Today(clock), ct);
        People = View.Assignees;

        // A filter the page cannot apply would otherwise be dropped, and the page show everyone while seeming filtered.
        var errors = FormPage.Unreadable(ModelState).Select(e => e.Field switch
        {
            "campagne" => $"Campagne: '{e.Value}' is geen geldige campagne.",
            "status" => $"Welke: '{e.Value}' is geen geldige keuze. {Choices}",
            _ => $"{e.Field}: '{e.Value}' is geen geldige waarde."
        }).ToList();
        // The team view lists open follow-ups only; "done" is not one of its choices.
        if (Status is FollowUpListStatus.Done) errors.Add($"Welke: '{Request.Query["status"]}' is geen geldige keuze. {Choices}");
        if (CampaignId is { } campaign && !Names.Campaigns.ContainsKey(campaign)) errors.Add("Campagne: deze campagne bestaat niet.");
        if (Assignee is { Length: > 0 } who && !People.Contains(who, StringComparer.OrdinalIgnoreCase))
        {
            // A team member without open follow-ups is a fair choice (an empty list); a name no one has is not.
            if (await UserEndpoints.FindAsync(session, Secrets.IsValidUserName(who) ? who : null, ct) is { } account) People = [.. People, account.Name];
            else errors.Add($"Persoon: '{who}' is geen gebruiker.");
        }
        if (errors.Count == 0) return Page();
        FilterErrors = errors;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private static string Choices => $"Kies {string.Join(", ", Statuses.SkipLast(1).Select(s => s.Label))} of {Statuses[^1].Label}.";
}
