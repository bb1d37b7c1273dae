using Campaigns.Contacts;
using Campaigns.Demands;
using Campaigns.FollowUps;
using Campaigns.Interactions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Campaigns.Web.Pages.Officer;

/// <summary>
/// A follow-up by hand (ScheduleFollowUp): what, due date and assignee, from a contact moment, a demand or a contact,
/// whose campaign and contacts it carries.
/// </summary>
[BindProperties]
public sealed class ScheduleFollowUpModel(IQuerySession query, IMessageBus bus, UserDirectory users, TimeProvider clock) : FormPage
{
    [BindProperty(SupportsGet = true)] public Guid? InteractionId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? DemandId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? ContactId { get; set; }
    public string? Description { get; set; }
    public DateOnly? DueOn { get; set; }
    public string? Assignee { get; set; }

    [BindNever] public string? Origin { get; private set; }
    [BindNever] public string? OriginLink { get; private set; }
    [BindNever] public IReadOnlyList<UserAccount> Team { get; private set; } = [];
    private Guid? _campaignId;
    private IReadOnlyList<Guid> _contactIds = [];

    protected override IReadOnlyDictionary<string, string> FieldLabels { get; } = new Dictionary<string, string>
    {
        [nameof(Description)] = "Wat", [nameof(DueOn)] = "Uiterlijk op", [nameof(Assignee)] = "Wie"
    };

    private static readonly Dictionary<string, string> Fields = new()
    {
        ["campaignId"] = "", ["contactIds"] = "", ["demandId"] = "", ["originInteractionId"] = ""
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        DueOn = Dutch.Today(clock).AddDays(7);
        Assignee = ActingUser;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ClearBindingErrors();
        if (!await LoadAsync(ct)) return NotFound();
        var command = new ScheduleFollowUp(Description ?? "", DueOn, Assignee, _campaignId, _contactIds, DemandId, InteractionId);
        if (await SendAsync(bus, command, ct, Fields) is null) return Page();
        Flash($"Follow-up gepland voor {Dutch.DueDate(DueOn!.Value, Dutch.Today(clock))}: {command.Description.Trim()}");
        return Redirect(OriginLink ?? "/follow-ups");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Team = (await users.ListAsync(ct)).Where(u => u.IsActive).ToList();
        if (InteractionId is { } interactionId)
        {
            if (await query.LoadAsync<Interaction>(interactionId, ct) is not { } interaction) return false;
            (_campaignId, _contactIds) = (interaction.CampaignId, interaction.ContactIds);
            Origin = $"Contactmoment: {Dutch.Interaction(interaction.Kind)} op {Dutch.Date(interaction.HappenedOn)}, {interaction.Subject}";
            OriginLink = $"/contactmomenten/{interactionId}";
        }
        else if (DemandId is { } demandId)
        {
            if (await query.LoadAsync<Demand>(demandId, ct) is not { } demand) return false;
            _campaignId = demand.CampaignId;
            Origin = $"Wens: {(demand.Code is { Length: > 0 } code ? code + ": " : "")}{Dutch.Shorten(demand.Text, 120)}";
            // Officers do not open demand pages: they return to their follow-ups.
            OriginLink = User.IsManager() ? $"/wensen/{demandId}" : null;
        }
        else if (ContactId is { } contactId)
        {
            if (await query.LoadAsync<Contact>(contactId, ct) is not { } contact) return false;
            _contactIds = [contactId];
            Origin = $"Contactpersoon: {contact.Name}";
            OriginLink = $"/contacten/{contactId}";
        }
        return true;
    }
}
