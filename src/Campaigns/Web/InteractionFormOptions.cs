using Campaigns.Campaigns;
using Campaigns.Contacts;
using Campaigns.Demands;
using Campaigns.Themes;

namespace Campaigns.Web;

/// <summary>
/// What the forms that log a contact moment offer (the log form, the captured e-mail form): campaigns, running ones
/// first, and the contact, theme and demand pickers; demands of the open campaigns, grouped by campaign for the script
/// that filters them on the chosen campaign, plus any already chosen.
/// </summary>
public sealed record InteractionFormOptions(
    IReadOnlyList<Campaign> Campaigns, IReadOnlyList<PickerOption> Contacts, IReadOnlyList<PickerOption> Themes,
    IReadOnlyList<PickerOption> Demands, IReadOnlyDictionary<Guid, string> ContactNames)
{
    public static readonly InteractionFormOptions None = new([], [], [], [], new Dictionary<Guid, string>());

    public static async Task<InteractionFormOptions> LoadAsync(IQuerySession query, Guid? campaignId, IReadOnlyCollection<Guid> chosenDemands, CancellationToken ct)
    {
        var campaigns = (await query.Query<Campaign>().OrderBy(c => c.Name).ToListAsync(ct))
            .OrderBy(c => c.Status).ThenByDescending(c => c.StartsOn).ToList();
        var contacts = await query.Query<Contact>().OrderBy(c => c.Name).ToListAsync(ct);
        var contactOptions = contacts
            .Select(c => new PickerOption(c.Id.ToString(), c.Name,
                c.CurrentRole is { } role ? $"{Dutch.Kind(role.Kind)}, {role.Organisation}" : $"{c.Organisation} (geen lopende rol)"))
            .ToList();
        var themes = (await query.Query<Theme>().ToListAsync(ct)).OrderBy(t => t.Label)
            .Select(t => new PickerOption(t.Slug, t.Label)).ToList();
        var open = campaigns.Where(c => c.Status == CampaignStatus.Active || c.Id == campaignId).Select(c => c.Id).ToList();
        var demands = (await query.Query<Demand>().ToListAsync(ct))
            .Where(d => open.Contains(d.CampaignId) || chosenDemands.Contains(d.Id))
            .OrderBy(d => d.CampaignId).ThenBy(d => d.Code).ThenBy(d => d.FormulatedOn)
            .Select(d => new PickerOption(d.Id.ToString(), d.Code is { Length: > 0 } code ? $"{code}: {Shorten(d.Text)}" : Shorten(d.Text),
                Dutch.Status(d.Status), d.CampaignId.ToString()))
            .ToList();
        return new InteractionFormOptions(campaigns, contactOptions, themes, demands, contacts.ToDictionary(c => c.Id, c => c.Name));
    }

    private static string Shorten(string text) => text.Length <= 90 ? text : text[..87] + "...";
}
