using Campaigns.Campaigns;
using Campaigns.Themes;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Campaigns.Web.Pages.Manager;

/// <summary>Fix a campaign's name, goal, end or themes: the CorrectCampaign command, sent through the bus as the API sends it.</summary>
public sealed class CorrectCampaignModel(IQuerySession session, IMessageBus bus) : FormPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    /// <summary>The campaign's stream version when the form was shown.</summary>
    [BindProperty] public long Version { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Goal { get; set; }
    [BindProperty] public DateOnly? EndsOn { get; set; }
    [BindProperty] public List<string> Themes { get; set; } = [];
    [BindProperty] public string? Reason { get; set; }

    [BindNever] public Campaign Campaign { get; private set; } = null!;
    [BindNever] public IReadOnlyList<Theme> AllThemes { get; private set; } = [];

    public Picker ThemePicker => new(nameof(Themes), "Thema's", "Zoek thema",
        AllThemes.Select(t => new PickerOption(t.Slug, t.Label)).ToList(), Themes.ToHashSet(), FieldError(nameof(Themes)),
        "Ontbreekt een thema? Voeg het eerst toe bij Thema's.");

    protected override IReadOnlyDictionary<string, string> FieldLabels { get; } = new Dictionary<string, string>
    {
        [nameof(Name)] = "Naam", [nameof(Goal)] = "Doel", [nameof(EndsOn)] = "Eindigt op", [nameof(Themes)] = "Thema's",
        [nameof(Reason)] = "Waarom", ["Changes"] = "Wijzigingen"
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        (Name, Goal, EndsOn, Themes) = (Campaign.Name, Campaign.Goal, Campaign.EndsOn, Campaign.Themes.ToList());
        Version = (await session.Events.FetchStreamStateAsync(Id, ct))?.Version ?? 0;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ClearBindingErrors();
        if (!await LoadAsync(ct)) return NotFound();
        var command = new CorrectCampaign(Name ?? "", Goal ?? "", EndsOn, Themes, Reason ?? "") { CampaignId = Id, ExpectedVersion = ReadAt(Version) };
        if (await SendAsync(bus, command, ct) is null) return Page();
        Flash($"Campagne aangepast: {Campaign.Name}. De aanpassing staat op de tijdlijn van de campagne.");
        return Redirect($"/campagnes/{Id}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await session.LoadAsync<Campaign>(Id, ct) is not { } campaign) return false;
        Campaign = campaign;
        AllThemes = (await session.Query<Theme>().ToListAsync(ct)).OrderBy(t => t.Label).ToList();
        return true;
    }
}
