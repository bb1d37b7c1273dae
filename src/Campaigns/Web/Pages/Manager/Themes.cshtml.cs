using Campaigns.Themes;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Campaigns.Web.Pages.Manager;

/// <summary>The themes and their labels, for everyone; managers add one or rename one (the slug stays) through the bus.</summary>
public sealed class ThemesModel(IQuerySession session, IMessageBus bus) : FormPage
{
    [BindProperty] public string? Slug { get; set; }
    [BindProperty] public string? Label { get; set; }
    /// <summary>The rename form: which theme, its new label and the version it was read at.</summary>
    [BindProperty] public string? RenameSlug { get; set; }
    [BindProperty] public string? NewLabel { get; set; }
    [BindProperty] public long Version { get; set; }

    [BindNever] public IReadOnlyList<Theme> Themes { get; private set; } = [];
    [BindNever] public IReadOnlyDictionary<string, long> Versions { get; private set; } = new Dictionary<string, long>();

    public bool IsManager => User.IsInRole(Roles.Manager) || User.IsInRole(Roles.Admin);

    protected override IReadOnlyDictionary<string, string> FieldLabels { get; } = new Dictionary<string, string>
    {
        [nameof(Slug)] = "Korte naam", [nameof(Label)] = "Omschrijving", [nameof(NewLabel)] = "Nieuwe omschrijving"
    };

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (!IsManager) return Forbid();
        ClearBindingErrors();
        var result = await SendAsync(bus, new AddTheme(Slug ?? "", Label ?? ""), ct);
        if (result is null)
        {
            await LoadAsync(ct);
            return Page();
        }
        Flash($"Thema toegevoegd: {Label!.Trim()}. Kies het bij een campagne of contactmoment.", "Tijdlijn van het thema", $"/themas/{Slug!.Trim()}");
        return Redirect($"/themas#thema-{Slug!.Trim()}");
    }

    public async Task<IActionResult> OnPostRenameAsync(CancellationToken ct)
    {
        if (!IsManager) return Forbid();
        ClearBindingErrors();
        var command = new RenameTheme(NewLabel ?? "") { ThemeId = Theme.IdFor(RenameSlug ?? ""), ExpectedVersion = Version };
        var result = await SendAsync(bus, command, ct, new Dictionary<string, string> { ["label"] = nameof(NewLabel) });
        if (result is null)
        {
            await LoadAsync(ct);
            return Page();
        }
        Flash($"Thema hernoemd: {RenameSlug} heet nu \u201c{NewLabel!.Trim()}\u201d. De tijdlijn en alle verwijzingen blijven.", "Tijdlijn van het thema", $"/themas/{RenameSlug}");
        return Redirect($"/themas#thema-{RenameSlug}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Themes = (await session.Query<Theme>().ToListAsync(ct)).OrderBy(t => t.Label).ToList();
        var versions = new Dictionary<string, long>();
        foreach (var theme in Themes) versions[theme.Slug] = (await session.Events.FetchStreamStateAsync(theme.Id, ct))?.Version ?? 0;
        Versions = versions;
    }
}
