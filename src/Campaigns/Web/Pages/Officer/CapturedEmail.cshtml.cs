using Campaigns.Campaigns;
using Campaigns.Contacts;
using Campaigns.EmailCapture;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Campaigns.Web.Pages.Officer;

/// <summary>
/// One captured e-mail: the officer checks the suggested contacts, picks campaign, themes and demands, and confirms (the
/// log form's own <c>LogEmail</c> command, see <see cref="CapturedEmailConfirmation"/>) or discards it.
/// </summary>
[BindProperties]
public sealed class CapturedEmailModel(IQuerySession query, IMessageBus bus) : FormPage
{
    public Guid? CampaignId { get; set; }
    public List<Guid> ContactIds { get; set; } = [];
    public List<string> Themes { get; set; } = [];
    public List<Guid> DemandIds { get; set; } = [];
    public string? Subject { get; set; }
    public string? Summary { get; set; }
    public DateOnly? SentOn { get; set; }
    public string? DocumentRef { get; set; }

    [BindNever] public CapturedEmail Draft { get; private set; } = null!;
    [BindNever] public InteractionFormOptions Options { get; private set; } = InteractionFormOptions.None;
    /// <summary>Addresses that no contact has today: a contact registered since the mail came in is matched now.</summary>
    [BindNever] public IReadOnlyList<MailPerson> Unknown { get; private set; } = [];

    protected override IReadOnlyDictionary<string, string> FieldLabels { get; } = new Dictionary<string, string>
    {
        [nameof(SentOn)] = "Datum", [nameof(CampaignId)] = "Campagne", [nameof(Subject)] = "Onderwerp", [nameof(ContactIds)] = "Met wie",
        [nameof(Themes)] = "Thema's", [nameof(DemandIds)] = "Wensen", [nameof(Summary)] = "Samenvatting", [nameof(DocumentRef)] = "Documentkenmerk"
    };

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await query.LoadAsync<CapturedEmail>(id, ct) is not { } draft) return NotFound();
        Draft = draft;
        Subject = draft.Subject;
        Summary = draft.Summary;
        SentOn = draft.SentOn;
        DocumentRef = draft.DocumentRef;
        ContactIds = [.. draft.ContactIds];
        await LoadAsync(ct);
        ContactIds = ContactIds.Union(MatchedNow).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ClearBindingErrors();
        var result = await CapturedEmailConfirmation.ConfirmAsync(bus, query, id,
            draft => new Interactions.LogEmail(CampaignId, ContactIds, Themes, DemandIds, Subject ?? "", Summary, SentOn, DocumentRef,
                CapturedEmailConfirmation.OurSide(draft)),
            ActingUser, ct);
        if (result.Problem is { Status: StatusCodes.Status404NotFound }) return NotFound();
        if (result.Problem is { } problem)
        {
            Accept(problem);
            if (await query.LoadAsync<CapturedEmail>(id, ct) is not { } draft) return NotFound();
            Draft = draft;
            await LoadAsync(ct);
            return Page();
        }
        await RememberPositionAsync(id, ct);
        Flash($"E-mail vastgelegd: {Subject?.Trim()}", "Bekijk het contactmoment", $"/contactmomenten/{id}");
        return RedirectToPage("/Officer/CapturedEmails");
    }

    public async Task<IActionResult> OnPostDiscardAsync(Guid id, CancellationToken ct)
    {
        ClearBindingErrors();
        if (await SendAsync(bus, new SettleCapturedEmail(id, CaptureOutcome.Discarded), ct) is null)
        {
            if (await query.LoadAsync<CapturedEmail>(id, ct) is not { } draft) return NotFound();
            Draft = draft;
            await LoadAsync(ct);
            return Page();
        }
        Flash("E-mail weggegooid; hij komt niet terug.");
        return RedirectToPage("/Officer/CapturedEmails");
    }

    private IReadOnlyList<Guid> MatchedNow { get; set; } = [];

    private async Task LoadAsync(CancellationToken ct)
    {
        Options = await InteractionFormOptions.LoadAsync(query, CampaignId, DemandIds, ct);
        var addresses = Draft.UnknownAddresses.Select(p => p.Address).ToList();
        var known = addresses.Count == 0
            ? []
            : (await query.Query<Contact>().Where(c => c.Email != null && !c.Forgotten).ToListAsync(ct))
                .Where(c => addresses.Contains(c.Email!.Trim().ToLowerInvariant())).ToList();
        MatchedNow = known.Select(c => c.Id).ToList();
        var knownAddresses = known.Select(c => c.Email!.Trim().ToLowerInvariant()).ToHashSet();
        Unknown = Draft.UnknownAddresses.Where(p => !knownAddresses.Contains(p.Address)).ToList();
    }

    public IReadOnlyList<Campaign> Campaigns => Options.Campaigns;

    public string ContactName(Guid id) => Options.ContactNames.GetValueOrDefault(id, "contactpersoon");

    public static string RegisterLink(MailPerson person) =>
        $"/contacten/nieuw?email={Uri.EscapeDataString(person.Address)}" + (person.Name is { } name ? $"&name={Uri.EscapeDataString(name)}" : "");

    public Picker ContactPicker() => new(nameof(ContactIds), "Met wie", "Zoek contactpersoon", Options.Contacts,
        ContactIds.Select(i => i.ToString()).ToHashSet(), FieldError(nameof(ContactIds)), "De voorgestelde contactpersonen hebben een adres uit de e-mail.");

    public Picker ThemePicker() => new(nameof(Themes), "Thema's", "Zoek thema", Options.Themes, Themes.ToHashSet(), FieldError(nameof(Themes)));

    public Picker DemandPicker() => new(nameof(DemandIds), "Wensen die ter sprake kwamen", "Zoek wens", Options.Demands,
        DemandIds.Select(i => i.ToString()).ToHashSet(), FieldError(nameof(DemandIds)), "Alleen wensen van de gekozen campagne worden getoond.");
}
