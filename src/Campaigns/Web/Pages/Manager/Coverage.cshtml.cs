using Campaigns.Contacts;
using Campaigns.Interactions;
using Campaigns.Themes;
using Campaigns.Timelines;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Campaigns.Web.Pages.Manager;

/// <summary>Organisations (or, for Kamerleden, fracties) × themes, coloured by days since the last contact: CoverageQueries.Measure per theme.</summary>
public sealed class CoverageModel(IQuerySession session, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "soort")] public ContactKind? Kind { get; set; }
    [BindProperty(SupportsGet = true, Name = "dagen")] public int Days { get; set; } = 60;

    public DateOnly Today { get; private set; }
    public IReadOnlyList<Theme> Themes { get; private set; } = [];
    public IReadOnlyList<string> Organisations { get; private set; } = [];
    /// <summary>Per theme slug, per organisation: what the API's coverage measure says.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, OrganisationCoverage>> Cells { get; private set; } =
        new Dictionary<string, IReadOnlyDictionary<string, OrganisationCoverage>>();

    public static IReadOnlyList<(int UpTo, string Css, string Label)> Buckets { get; } =
    [
        (30, "heat-0", "≤ 30 dagen"), (60, "heat-1", "31–60 dagen"), (90, "heat-2", "61–90 dagen"),
        (180, "heat-3", "91–180 dagen"), (int.MaxValue, "heat-4", "> 180 dagen")
    ];

    public const int MinDays = 1, MaxDays = 3660;

    /// <summary>The filters that were refused, by their label; the heatmap is not shown then.</summary>
    public IReadOnlyList<string> FilterErrors { get; private set; } = [];

    /// <summary>What was typed in "dagen", also when it was not a number, so that the form shows it back.</summary>
    public string DaysAsTyped => Request.Query.ContainsKey("dagen") ? Request.Query["dagen"].ToString() : Days.ToString();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Today = Dutch.Today(clock);
        // A value the page cannot use was once replaced quietly (60, or clamped): the map then answered another question.
        var errors = FormPage.Unreadable(ModelState).Select(e => e.Field switch
        {
            "dagen" => $"Dagen: '{e.Value}' is geen geldig aantal.",
            "soort" => $"Organisaties van: '{e.Value}' is geen bekende soort.",
            _ => $"{e.Field}: '{e.Value}' is geen geldige waarde."
        }).ToList();
        if (ModelState["dagen"] is not { Errors.Count: > 0 } && Days is < MinDays or > MaxDays) errors.Add($"Dagen: kies {MinDays} tot en met {MaxDays}.");
        // The binder takes any number as an enum value ("soort=7"); only the kinds the select offers count.
        if (ModelState["soort"] is not { Errors.Count: > 0 } && Kind is { } kind && !Enum.IsDefined(kind))
            errors.Add($"Organisaties van: '{Request.Query["soort"]}' is geen bekende soort.");
        if (errors.Count > 0)
        {
            FilterErrors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var since = Today.AddDays(-Days);
        Themes = (await session.Query<Theme>().ToListAsync(ct)).OrderBy(t => t.Label).ToList();
        var contacts = (await session.Query<Contact>().ToListAsync(ct))
            .Where(c => Kind is null || c.Roles.Any(r => r.Kind == Kind)).ToList();
        var interactions = await session.Query<Interaction>().Where(i => !i.Retracted).ToListAsync(ct);

        var cells = new Dictionary<string, IReadOnlyDictionary<string, OrganisationCoverage>>();
        foreach (var theme in Themes)
        {
            var about = interactions.Where(i => i.Themes.Contains(theme.Slug)).ToList();
            cells[theme.Slug] = CoverageQueries.Measure(about, contacts, since).ToDictionary(c => c.Organisation);
        }
        Cells = cells;
        Organisations = Kind is null
            ? contacts.SelectMany(c => c.Roles.Select(r => r.Organisation)).Distinct().Order(StringComparer.CurrentCultureIgnoreCase).ToList()
            : contacts.SelectMany(c => c.Roles.Where(r => r.Kind == Kind).Select(r => r.Organisation)).Distinct().Order(StringComparer.CurrentCultureIgnoreCase).ToList();
        return Page();
    }

    public (string Css, string Text, string Title) Cell(string theme, string organisation)
    {
        if (!Cells.TryGetValue(theme, out var byOrganisation) || !byOrganisation.TryGetValue(organisation, out var coverage) || coverage.LastContactOn is null)
            return ("heat-none", "–", "nooit gesproken");
        var days = Today.DayNumber - coverage.LastContactOn.Value.DayNumber;
        var bucket = Buckets.First(b => days <= b.UpTo);
        return (bucket.Css, days.ToString(), $"laatst op {Dutch.Date(coverage.LastContactOn.Value)}, {coverage.Contacts} contactmoment(en)");
    }
}
