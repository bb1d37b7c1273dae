using Campaigns.Campaigns;
using Campaigns.Demands;
using Campaigns.Interactions;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Wolverine;

namespace Campaigns.Web.Pages.Officer;

/// <summary>
/// One form for a letter, meeting, call, e-mail or hearing. It builds the API's own command (SendLetter, LogMeeting, ...)
/// and sends it through the same Wolverine handler, so the rules and what follows are the API's.
/// </summary>
[BindProperties]
public sealed class LogModel(IQuerySession query, IMessageBus bus, TimeProvider clock) : FormPage
{
    public InteractionKind Kind { get; set; } = InteractionKind.Meeting;
    public Guid? CampaignId { get; set; }
    public List<Guid> ContactIds { get; set; } = [];
    public List<string> Themes { get; set; } = [];
    public List<Guid> DemandIds { get; set; } = [];
    public string? Subject { get; set; }
    public string? Summary { get; set; }
    public string? Outcome { get; set; }
    public string? DocumentRef { get; set; }
    public string? Location { get; set; }
    public DateOnly? HappenedOn { get; set; }
    /// <summary>Who on our side took part, comma-separated; empty means the person logging it.</summary>
    public string? OurSide { get; set; }

    [BindNever] public IReadOnlyList<Campaign> Campaigns { get; private set; } = [];
    [BindNever] public IReadOnlyList<PickerOption> ContactOptions { get; private set; } = [];
    [BindNever] public IReadOnlyList<PickerOption> ThemeOptions { get; private set; } = [];
    [BindNever] public IReadOnlyList<PickerOption> DemandOptions { get; private set; } = [];
    [BindNever] public Interaction? Logged { get; private set; }
    [BindNever] public IReadOnlyDictionary<Guid, string> ContactNames { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>The kinds the form offers, in the order officers use them most.</summary>
    public static IReadOnlyList<InteractionKind> Kinds { get; } =
        [InteractionKind.Meeting, InteractionKind.Call, InteractionKind.Letter, InteractionKind.Email, InteractionKind.Hearing];

    /// <summary>Each command names its date field after its kind; the form has one date field.</summary>
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["sentOn"] = nameof(HappenedOn), ["heldOn"] = nameof(HappenedOn), ["calledOn"] = nameof(HappenedOn)
    };

    protected override IReadOnlyDictionary<string, string> FieldLabels { get; } = new Dictionary<string, string>
    {
        [nameof(Kind)] = "Soort", [nameof(HappenedOn)] = "Datum", [nameof(CampaignId)] = "Campagne", [nameof(Subject)] = "Onderwerp",
        [nameof(ContactIds)] = "Met wie", [nameof(Themes)] = "Thema's", [nameof(DemandIds)] = "Wensen",
        [nameof(Summary)] = "Samenvatting", [nameof(Outcome)] = "Uitkomst", [nameof(Location)] = "Locatie",
        [nameof(DocumentRef)] = "Documentkenmerk", [nameof(OurSide)] = "Namens ons"
    };

    public async Task OnGetAsync(Guid? campaignId, Guid? contactId, string? theme, Guid? demandId, Guid? logged, CancellationToken ct)
    {
        HappenedOn = Dutch.Today(clock);
        CampaignId = campaignId;
        if (contactId is { } c) ContactIds.Add(c);
        if (theme is { Length: > 0 }) Themes.Add(theme);
        if (demandId is { } d)
        {
            DemandIds.Add(d);
            CampaignId ??= (await query.LoadAsync<Demand>(d, ct))?.CampaignId;
        }
        if (logged is { } id) Logged = await query.LoadAsync<Interaction>(id, ct);
        await LoadOptionsAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ClearBindingErrors();
        if (await SendAsync(bus, Command(), ct, Fields) is not { Id: { } id })
        {
            await LoadOptionsAsync(ct);
            return Page();
        }

        Flash($"{Dutch.Interaction(Kind)} vastgelegd: {Subject?.Trim()}");
        return RedirectToPage(new { logged = id, campaignId = CampaignId });
    }

    private ILogInteraction Command()
    {
        var ourSide = (OurSide ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        IReadOnlyList<string>? side = ourSide.Count == 0 ? null : ourSide;
        var subject = Subject ?? "";
        return Kind switch
        {
            InteractionKind.Letter => new SendLetter(CampaignId, ContactIds, Themes, DemandIds, subject, Summary, HappenedOn, DocumentRef, side),
            InteractionKind.Meeting => new LogMeeting(CampaignId, ContactIds, Themes, DemandIds, subject, Summary, Outcome, HappenedOn, Location, side),
            InteractionKind.Call => new LogCall(CampaignId, ContactIds, Themes, DemandIds, subject, Summary, Outcome, HappenedOn, side),
            InteractionKind.Email => new LogEmail(CampaignId, ContactIds, Themes, DemandIds, subject, Summary, HappenedOn, DocumentRef, side),
            _ => new LogHearing(CampaignId, ContactIds, Themes, DemandIds, subject, Summary, Outcome, HappenedOn, Location, side)
        };
    }

    private async Task LoadOptionsAsync(CancellationToken ct)
    {
        var options = await InteractionFormOptions.LoadAsync(query, CampaignId, DemandIds, ct);
        (Campaigns, ContactOptions, ThemeOptions, DemandOptions, ContactNames) =
            (options.Campaigns, options.Contacts, options.Themes, options.Demands, options.ContactNames);
    }

    public Picker ContactPicker() => new(nameof(ContactIds), "Met wie", "Zoek contactpersoon", ContactOptions,
        ContactIds.Select(i => i.ToString()).ToHashSet(), FieldError(nameof(ContactIds)), "Kies één of meer contactpersonen.");

    public Picker ThemePicker() => new(nameof(Themes), "Thema's", "Zoek thema", ThemeOptions, Themes.ToHashSet(), FieldError(nameof(Themes)));

    public Picker DemandPicker() => new(nameof(DemandIds), "Wensen die ter sprake kwamen", "Zoek wens", DemandOptions,
        DemandIds.Select(i => i.ToString()).ToHashSet(), FieldError(nameof(DemandIds)), "Alleen wensen van de gekozen campagne worden getoond.");

    public static string KindLabel(InteractionKind kind) => Dutch.Interaction(kind);
}
