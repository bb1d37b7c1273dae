using Campaigns.Parliament;
using Campaigns.Themes;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Campaigns.Web.Pages.Manager;

/// <summary>A theme's place in parliament: committees, dossiers, keywords, owner and lead time, sent as <see cref="SetThemeParliamentScope"/>.</summary>
public sealed class ThemeParliamentModel(IQuerySession session, IMessageBus bus) : FormPage
{
    [BindProperty(SupportsGet = true)] public string Slug { get; set; } = "";
    [BindProperty] public string? Committees { get; set; }
    [BindProperty] public string? Dossiers { get; set; }
    [BindProperty] public string? Keywords { get; set; }
    [BindProperty] public string? Owner { get; set; }
    [BindProperty] public int? LeadWorkingDays { get; set; }
    [BindProperty] public long Version { get; set; }

    [BindNever] public Theme? Theme { get; private set; }

    protected override IReadOnlyDictionary<string, string> FieldLabels { get; } = new Dictionary<string, string>
    {
        [nameof(Committees)] = "Commissies", [nameof(Dossiers)] = "Kamerstukdossiers", [nameof(Keywords)] = "Trefwoorden",
        [nameof(Owner)] = "Eigenaar", [nameof(LeadWorkingDays)] = "Werkdagen vooraf"
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var scope = Theme!.Parliament;
        Committees = string.Join(", ", scope?.Committees ?? []);
        Dossiers = string.Join(", ", scope?.Dossiers ?? []);
        Keywords = string.Join(", ", scope?.Keywords ?? []);
        Owner = scope?.Owner;
        LeadWorkingDays = scope?.LeadWorkingDays ?? ParliamentScope.DefaultLeadWorkingDays;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ClearBindingErrors();
        var command = new SetThemeParliamentScope(ParliamentViews.Lines(Committees), ParliamentViews.Lines(Dossiers), ParliamentViews.Lines(Keywords), Owner, LeadWorkingDays)
        {
            ThemeId = Themes.Theme.IdFor(Slug), ExpectedVersion = ReadAt(Version)
        };
        var result = await SendAsync(bus, command, ct);
        if (result is null)
        {
            if (!await LoadAsync(ct, keepVersion: true)) return NotFound();
            return Page();
        }
        Flash("De plaats van het thema in de Kamer is vastgelegd. Nieuwe debatten op deze commissies, dossiers of trefwoorden krijgen een follow-up \u201cinbreng sturen\u201d.",
            "Naar het thema", $"/themas/{Slug}");
        return Redirect($"/themas/{Slug}#kamer");
    }

    private async Task<bool> LoadAsync(CancellationToken ct, bool keepVersion = false)
    {
        Theme = await session.LoadAsync<Theme>(Themes.Theme.IdFor(Slug), ct);
        if (Theme is null) return false;
        if (!keepVersion) Version = (await session.Events.FetchStreamStateAsync(Theme.Id, ct))?.Version ?? 0;
        return true;
    }
}
