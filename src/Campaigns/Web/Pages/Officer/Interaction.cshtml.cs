using Campaigns.FollowUps;
using Campaigns.Interactions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Campaigns.Web.Pages.Officer;

/// <summary>
/// A contact moment in full: what was recorded, the follow-ups that came from it, and every correction (old → new,
/// reason, who, when) or the retraction, read from the interaction's own stream.
/// </summary>
public sealed class InteractionModel(IQuerySession query) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public Interaction Interaction { get; private set; } = null!;
    public Names Names { get; private set; } = Names.Empty;
    public IReadOnlyList<FollowUp> FollowUps { get; private set; } = [];
    public IReadOnlyList<InteractionHistoryEntry> History { get; private set; } = [];
    public (DateTimeOffset At, string? By) Logged { get; private set; }
    public int Corrections => History.Count(h => h.Kind == InteractionHistoryEntry.Correction);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await query.LoadAsync<Interaction>(Id, ct) is not { } interaction) return NotFound();
        Interaction = interaction;
        Names = await Names.LoadAsync(query, ct);
        FollowUps = await query.Query<FollowUp>().Where(f => f.OriginInteractionId == Id).OrderBy(f => f.DueOn).ToListAsync(ct);
        var events = await query.Events.FetchStreamAsync(Id, token: ct);
        Logged = InteractionHistory.Logged(events);
        History = InteractionHistory.From(events, Names);
        return Page();
    }

    /// <summary>The contact's role on the day of the contact moment, as the role history knows it now.</summary>
    public string RoleThen(Guid contactId) =>
        Names.Contacts.TryGetValue(contactId, out var contact) && contact.RoleOn(Interaction.HappenedOn) is { } role
            ? $"{Dutch.Kind(role.Kind)}, {role.Organisation}"
            : "geen rol op die dag";
}
