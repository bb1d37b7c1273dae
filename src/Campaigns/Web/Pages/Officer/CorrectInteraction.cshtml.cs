using Campaigns.Interactions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Campaigns.Web.Pages.Officer;

/// <summary>
/// "Corrigeren": the form shows the contact moment as it reads now; only the fields the officer changed go into the
/// CorrectInteraction command (the rest stay null), with the required reason.
/// </summary>
[BindProperties]
public sealed class CorrectInteractionModel(IQuerySession query, IMessageBus bus) : FormPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public DateOnly? HappenedOn { get; set; }
    public string? Subject { get; set; }
    public List<Guid> ContactIds { get; set; } = [];
    public List<string> Themes { get; set; } = [];
    public List<Guid> DemandIds { get; set; } = [];
    public string? Summary { get; set; }
    public string? Outcome { get; set; }
    public string? Location { get; set; }
    public string? DocumentRef { get; set; }
    public string? OurSide { get; set; }
    public string? Reason { get; set; }
    public long ExpectedVersion { get; set; }

    [BindNever] public Interaction Interaction { get; private set; } = null!;
    [BindNever] public PickerOptions Options { get; private set; } = new([], [], []);

    /// <summary>In form order, so that the error summary lists the fields as they appear.</summary>
    protected override IReadOnlyDictionary<string, string> FieldLabels { get; } = new Dictionary<string, string>
    {
        [nameof(HappenedOn)] = "Datum", [nameof(Subject)] = "Onderwerp", [nameof(ContactIds)] = "Met wie", [nameof(Themes)] = "Thema's",
        [nameof(DemandIds)] = "Wensen", [nameof(Summary)] = "Samenvatting", [nameof(Outcome)] = "Uitkomst", [nameof(Location)] = "Locatie",
        [nameof(DocumentRef)] = "Documentkenmerk", [nameof(OurSide)] = "Namens ons", [nameof(Reason)] = "Reden van de correctie"
    };

    private static readonly Dictionary<string, string> Fields = new() { ["changes"] = "" };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Show(Interaction, null);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ClearBindingErrors();
        var expected = ReadAt(ExpectedVersion);
        if (!await LoadAsync(ct)) return NotFound();
        var command = Changes(Interaction) with { InteractionId = Id, ExpectedVersion = expected };
        if (await SendAsync(bus, command, ct, Fields) is null)
        {
            var current = (await query.Events.FetchStreamStateAsync(Id, ct))?.Version ?? 0;
            if (expected is { } read && current != read
                && await query.Events.AggregateStreamAsync<Interaction>(Id, version: read, token: ct) is { } asRead)
            {
                // Someone else changed it meanwhile: the form now shows their version with this officer's own changes on
                // top, so that saving again keeps both instead of undoing theirs.
                Interaction = await query.LoadAsync<Interaction>(Id, ct) ?? Interaction;
                Show(Interaction, Changes(asRead));
                ExpectedVersion = current;
                ModelState.Remove("");
                ModelState.AddModelError("", "Iemand anders wijzigde dit contactmoment intussen. Er is niets opgeslagen: " +
                    "het formulier toont nu hun versie met jouw wijzigingen erin. Controleer het en sla opnieuw op.");
            }
            return Page();
        }
        Flash($"Correctie opgeslagen: {command.Subject ?? Interaction.Subject}");
        return Redirect($"/contactmomenten/{Id}");
    }

    /// <summary>The form's fields: the contact moment as stored, with <paramref name="mine"/> (changes typed earlier) on top.</summary>
    private void Show(Interaction now, CorrectInteraction? mine)
    {
        (HappenedOn, Subject, Summary, Outcome, Location, DocumentRef) = (mine?.HappenedOn ?? now.HappenedOn, mine?.Subject ?? now.Subject,
            mine?.Summary ?? now.Summary, mine?.Outcome ?? now.Outcome, mine?.Location ?? now.Location, mine?.DocumentRef ?? now.DocumentRef);
        (ContactIds, Themes, DemandIds) = ((mine?.ContactIds ?? now.ContactIds).ToList(), (mine?.Themes ?? now.Themes).ToList(),
            (mine?.DemandIds ?? now.DemandIds).ToList());
        OurSide = string.Join(", ", mine?.OurSide ?? now.OurSide);
    }

    /// <summary>Only what differs from the current reading; a text emptied on the form is a change to empty.</summary>
    public CorrectInteraction Changes(Interaction now)
    {
        static string? Text(string? form, string? current) => (form ?? "").Trim() == (current ?? "").Trim() ? null : (form ?? "").Trim();
        static IReadOnlyList<T>? Set<T>(List<T> form, IReadOnlyList<T> current) =>
            form.Distinct().Order().SequenceEqual(current.Distinct().Order()) ? null : form.Distinct().ToList();
        var ourSide = (OurSide ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        return new CorrectInteraction(
            Text(Subject, now.Subject), Text(Summary, now.Summary), Text(Outcome, now.Outcome), Text(DocumentRef, now.DocumentRef),
            Text(Location, now.Location), HappenedOn is null || HappenedOn == now.HappenedOn ? null : HappenedOn,
            Set(ContactIds, now.ContactIds), Set(Themes, now.Themes), Set(DemandIds, now.DemandIds),
            ourSide.Count == 0 || ourSide.SequenceEqual(now.OurSide) ? null : ourSide, Reason ?? "");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await query.LoadAsync<Interaction>(Id, ct) is not { } interaction) return false;
        Interaction = interaction;
        Options = await PickerOptions.LoadAsync(query, interaction.CampaignId, interaction.DemandIds.Concat(DemandIds).ToList(), ct);
        if (ExpectedVersion == 0) ExpectedVersion = (await query.Events.FetchStreamStateAsync(Id, ct))?.Version ?? 0;
        return true;
    }

    public Picker ContactPicker() => new(nameof(ContactIds), "Met wie", "Zoek contactpersoon", Options.Contacts,
        ContactIds.Select(i => i.ToString()).ToHashSet(), FieldError(nameof(ContactIds)), "Kies één of meer contactpersonen.");
    public Picker ThemePicker() => new(nameof(Themes), "Thema's", "Zoek thema", Options.Themes, Themes.ToHashSet(), FieldError(nameof(Themes)));
    public Picker DemandPicker() => new(nameof(DemandIds), "Wensen die ter sprake kwamen", "Zoek wens", Options.Demands,
        DemandIds.Select(i => i.ToString()).ToHashSet(), FieldError(nameof(DemandIds)));
}
