using Campaigns.Contacts;
using Campaigns.Demands;
using Campaigns.Interactions;
using Campaigns.Timelines;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Campaigns.Web.Pages.Manager;

/// <summary>
/// One step in a demand's life: support, adoption, rejection or withdrawal. The form sends the matching command through the
/// bus, with the demand's version as it was shown; whether the step is allowed is the handler's decision (DemandRules).
/// </summary>
public sealed class DemandStepModel(IQuerySession session, IMessageBus bus, TimeProvider clock) : FormPage
{
    public const string Support = "steun", Adoption = "aangenomen", Rejection = "afgewezen", Withdrawal = "ingetrokken";

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public string Step { get; set; } = "";

    /// <summary>The demand's stream version when the form was shown.</summary>
    [BindProperty] public long Version { get; set; }
    [BindProperty] public Guid? ContactId { get; set; }
    [BindProperty] public Stance? Stance { get; set; }
    [BindProperty] public AdoptionVenue? Venue { get; set; }
    [BindProperty] public string? Reference { get; set; }
    [BindProperty] public bool PartlyAdopted { get; set; }
    [BindProperty] public DateOnly? OccurredOn { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public List<Guid> CreditedInteractionIds { get; set; } = [];
    [BindProperty] public List<Guid> CreditedContactIds { get; set; } = [];

    [BindNever] public Demand Demand { get; private set; } = null!;
    [BindNever] public Names Names { get; private set; } = Names.Empty;
    /// <summary>The interactions that raised this demand: what an adoption may credit.</summary>
    [BindNever] public IReadOnlyList<Interaction> Interactions { get; private set; } = [];
    /// <summary>What happened to the demand between showing the form and sending it, when someone else got there first.</summary>
    [BindNever] public IReadOnlyList<IEvent> ChangedMeanwhile { get; private set; } = [];

    public static IReadOnlyList<(string Step, string Title, string Button)> Steps { get; } =
    [
        (Support, "Steun vastleggen", "Steun vastleggen"), (Adoption, "Aangenomen", "Aanname vastleggen"),
        (Rejection, "Afgewezen", "Afwijzing vastleggen"), (Withdrawal, "Ingetrokken", "Wens intrekken")
    ];

    public string Title => Steps.First(s => s.Step == Step).Title;
    public string Button => Steps.First(s => s.Step == Step).Button;

    /// <summary>Why the lifecycle no longer allows this step, or null: forbidden steps are not offered.</summary>
    public string? Refusal => Refused(Demand, Step);

    public static string? Refused(Demand demand, string step) => step switch
    {
        Support => DemandRules.CanRecordSupport(demand),
        Adoption => DemandRules.CanAdopt(demand),
        Rejection => DemandRules.CanReject(demand),
        _ => DemandRules.CanWithdraw(demand)
    };

    /// <summary>Contacts a demand's support or adoption can name: those it was raised with first, then everyone.</summary>
    public IReadOnlyList<Contact> CreditableContacts =>
        Interactions.SelectMany(i => i.ContactIds).Concat(Demand.Support.Select(s => s.ContactId)).Distinct()
            .Where(Names.Contacts.ContainsKey).Select(id => Names.Contacts[id]).OrderBy(c => c.Name).ToList();

    public IEnumerable<Contact> AllContacts => Names.Contacts.Values.Where(c => !c.Forgotten).OrderBy(c => c.Name);

    protected override IReadOnlyDictionary<string, string> FieldLabels { get; } = new Dictionary<string, string>
    {
        [nameof(ContactId)] = "Contactpersoon", [nameof(Stance)] = "Standpunt", [nameof(Venue)] = "Waar",
        [nameof(Reference)] = "Kenmerk", [nameof(OccurredOn)] = "Datum", [nameof(Note)] = "Toelichting",
        [nameof(CreditedInteractionIds)] = "Toegeschreven contactmomenten", [nameof(CreditedContactIds)] = "Toegeschreven contactpersonen"
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Steps.Any(s => s.Step == Step) || !await LoadAsync(ct)) return NotFound();
        OccurredOn = Dutch.Today(clock);
        Stance = Demands.Stance.Supports;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ClearBindingErrors();
        var expected = Version;
        if (!Steps.Any(s => s.Step == Step) || !await LoadAsync(ct)) return NotFound();
        object command = Step switch
        {
            Support => new RecordSupport(ContactId, Stance, Note, OccurredOn) { DemandId = Id, ExpectedVersion = expected },
            Adoption => new AdoptDemand(Venue, Reference, PartlyAdopted, OccurredOn, Note, CreditedInteractionIds, CreditedContactIds)
                { DemandId = Id, ExpectedVersion = expected },
            Rejection => new RejectDemand(OccurredOn, Note) { DemandId = Id, ExpectedVersion = expected },
            _ => new WithdrawDemand(OccurredOn, Note) { DemandId = Id, ExpectedVersion = expected }
        };
        var result = await SendAsync(bus, command, ct);
        if (result is null)
        {
            if (Version != expected)
            {
                // Someone else changed the demand since the form was shown: show what, and let the manager send again on the new version.
                ChangedMeanwhile = (await session.Events.FetchStreamAsync(Id, token: ct)).Where(e => e.Version > expected).ToList();
            }
            return Page();
        }
        Flash(Step switch
        {
            Support => $"Steun vastgelegd: {Names.Contact(ContactId!.Value)} {Dutch.Stance(Stance!.Value)} {Label}. Zie de reis van de wens hieronder.",
            Adoption => $"{(PartlyAdopted ? "Deels aangenomen" : "Aangenomen")}: {Label} in {TimelineSummaries.Venue(Venue!.Value)}. Het staat op de tijdlijn en het dashboard.",
            Rejection => $"Afgewezen: {Label}. Het staat op de tijdlijn en het dashboard.",
            _ => $"Ingetrokken: {Label}. Het staat op de tijdlijn en het dashboard."
        }, "Naar het dashboard", $"/campagnes/{Demand.CampaignId}");
        return Redirect($"/wensen/{Id}");
    }

    public string Label => Demand.Code is { Length: > 0 } code ? $"wens {code}" : "de wens";

    public static string EventLabel(IEvent e) => Dutch.EventType(e.EventTypeName.Replace('_', '-'));

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var demand = await session.LoadAsync<Demand>(Id, ct);
        if (demand is null) return false;
        Demand = demand;
        Version = (await session.Events.FetchStreamStateAsync(Id, ct))?.Version ?? 0;
        ModelState.Remove(nameof(Version));
        Names = await Names.LoadAsync(session, ct);
        Interactions = (await session.Query<Interaction>().Where(i => i.DemandIds.Contains(Id) && !i.Retracted).ToListAsync(ct))
            .OrderByDescending(i => i.HappenedOn).ToList();
        return true;
    }
}
