using Campaigns.Search;
using Campaigns.Themes;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CampaignSnapshot = Campaigns.Campaigns.Campaign;

namespace Campaigns.Web.Pages.Search;

/// <summary>The search box's page: the API's search with Dutch filter names, hits grouped by kind.</summary>
public sealed class SearchModel(IQuerySession session) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "soort")] public string? Type { get; set; }
    [BindProperty(SupportsGet = true, Name = "thema")] public string? Theme { get; set; }
    [BindProperty(SupportsGet = true, Name = "campagne")] public Guid? CampaignId { get; set; }
    [BindProperty(SupportsGet = true, Name = "van")] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "tot")] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "ingetrokken")] public bool IncludeRetracted { get; set; }

    public SearchResults? Results { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public IReadOnlyList<Theme> Themes { get; private set; } = [];
    public IReadOnlyList<CampaignSnapshot> Campaigns { get; private set; } = [];

    private static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["q"] = "Zoekwoorden", ["type"] = "Soort", ["theme"] = "Thema", ["campaignId"] = "Campagne", ["from"] = "Vanaf", ["to"] = "Tot en met",
        ["limit"] = "Aantal"
    };

    public async Task OnGetAsync(CancellationToken ct)
    {
        Themes = (await session.Query<Theme>().ToListAsync(ct)).OrderBy(t => t.Label).ToList();
        Campaigns = (await session.Query<CampaignSnapshot>().ToListAsync(ct)).OrderByDescending(c => c.StartsOn).ToList();
        // A form field left on "Alles" arrives empty; on their own, filters without words are no search yet.
        if (ModelState.ErrorCount > 0)
        {
            Errors = ModelState.Where(e => e.Value?.Errors.Count > 0).Select(e => $"{Label(e.Key)}: ongeldige waarde.").ToList();
            return;
        }
        if (string.IsNullOrWhiteSpace(Q)) return;
        var (results, problem) = await SearchQuery.SearchAsync(session, new SearchRequest
        {
            Q = Q, Type = string.IsNullOrEmpty(Type) ? null : Type, Theme = string.IsNullOrEmpty(Theme) ? null : Theme,
            CampaignId = CampaignId, From = From, To = To, IncludeRetracted = IncludeRetracted,
            // One kind chosen: more of it fits on the page.
            Limit = string.IsNullOrEmpty(Type) ? null : 50
        }, ct);
        Results = results;
        if (problem is HttpValidationProblemDetails invalid)
            Errors = invalid.Errors.SelectMany(e => e.Value.Select(m => $"{Label(e.Key)}: {m}")).ToList();
        else if (problem is not null) Errors = [problem.Detail ?? problem.Title ?? "De zoekopdracht klopt niet."];
    }

    private static string Label(string field) => Labels.GetValueOrDefault(field) ?? field switch
    {
        "soort" => "Soort", "thema" => "Thema", "campagne" => "Campagne", "van" => "Vanaf", "tot" => "Tot en met", _ => field
    };

    /// <summary>The same search narrowed to one kind, which then shows more hits of it.</summary>
    public string MoreLink(string kind)
    {
        var query = new Dictionary<string, string?>
        {
            ["q"] = Q, ["soort"] = kind, ["thema"] = Theme, ["campagne"] = CampaignId?.ToString(), ["van"] = From?.ToString("yyyy-MM-dd"),
            ["tot"] = To?.ToString("yyyy-MM-dd"), ["ingetrokken"] = IncludeRetracted ? "true" : null
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/zoeken", query.Where(p => !string.IsNullOrEmpty(p.Value)));
    }

    /// <summary>Officers may not open a demand's or campaign's manager page: such hits are shown without a link.</summary>
    public bool MayOpen(SearchHit hit) =>
        User.IsManager() || hit.Kind is not (SearchKinds.Demand or SearchKinds.Campaign);
}
