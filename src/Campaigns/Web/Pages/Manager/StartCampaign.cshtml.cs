using Campaigns.Campaigns;
using Campaigns.Themes;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Campaigns.Web.Pages.Manager;

/// <summary>Start a campaign: the StartCampaign command, sent through the bus as the API sends it.</summary>
public sealed class StartCampaignModel(IQuerySession session, IMessageBus bus, TimeProvider clock) : FormPage
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Goal { get; set; }
    [BindProperty] public DateOnly? StartsOn { get; set; }
    [BindProperty] public DateOnly? EndsOn { get; set; }
    [BindProperty] public List<string> Themes { get; set; } = [];

    [BindNever] public IReadOnlyList<Theme> AllThemes { get; private set; } = [];

    public Picker ThemePicker => new(nameof(Themes), "Thema's", "Zoek thema",
        AllThemes.Select(t => new PickerOption(t.Slug, t.Label)).ToList(), Themes.ToHashSet(), FieldError(nameof(Themes)),
        "Ontbreekt een thema? Voeg het eerst toe bij Thema's.");

    protected override IReadOnlyDictionary<string, string> FieldLabels { get; } = new Dictionary<string, string>
    {
        [nameof(Name)] = "Naam", [nameof(Goal)] = "Doel", [nameof(StartsOn)] = "Begint op", [nameof(EndsOn)] = "Eindigt op", [nameof(Themes)] = "Thema's"
    };

    public async Task OnGetAsync(CancellationToken ct)
    {
        StartsOn = Dutch.Today(clock);
        AllThemes = await LoadThemes(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ClearBindingErrors();
        var result = await SendAsync(bus, new StartCampaign(Name ?? "", Goal ?? "", StartsOn, EndsOn, Themes), ct);
        if (result is null)
        {
            AllThemes = await LoadThemes(ct);
            return Page();
        }
        Flash($"Campagne gestart: {Name!.Trim()}. Voeg nu de wensen toe.", "Wens toevoegen", $"/campagnes/{result.Id}/wensen/nieuw");
        return Redirect($"/campagnes/{result.Id}");
    }

    private async Task<IReadOnlyList<Theme>> LoadThemes(CancellationToken ct) =>
        (await session.Query<Theme>().ToListAsync(ct)).OrderBy(t => t.Label).ToList();
}
