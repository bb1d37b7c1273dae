using Campaigns.Campaigns;
using Campaigns.Contacts;
using Campaigns.Demands;
using Campaigns.Themes;

namespace Campaigns.Web;

/// <summary>The options of the contact, theme and demand pickers, for forms that pick them (the correction form).</summary>
public sealed record PickerOptions(IReadOnlyList<PickerOption> Contacts, IReadOnlyList<PickerOption> Themes, IReadOnlyList<PickerOption> Demands)
{
    /// <summary>Demands of the campaign, plus any already chosen.</summary>
    public static async Task<PickerOptions> LoadAsync(IQuerySession query, Guid campaignId, IReadOnlyCollection<Guid> chosenDemands, CancellationToken ct)
    {
        var contacts = (await query.Query<Contact>().Where(c => !c.Forgotten).OrderBy(c => c.Name).ToListAsync(ct))
            .Select(c => new PickerOption(c.Id.ToString(), c.Name,
                c.CurrentRole is { } role ? $"{Dutch.Kind(role.Kind)}, {role.Organisation}" : $"{c.Organisation} (geen lopende rol)"))
            .ToList();
        var themes = (await query.Query<Theme>().ToListAsync(ct)).OrderBy(t => t.Label).Select(t => new PickerOption(t.Slug, t.Label)).ToList();
        var demands = (await query.Query<Demand>().ToListAsync(ct))
            .Where(d => d.CampaignId == campaignId || chosenDemands.Contains(d.Id))
            .OrderBy(d => d.Code).ThenBy(d => d.FormulatedOn)
            .Select(d => new PickerOption(d.Id.ToString(), d.Code is { Length: > 0 } code ? $"{code}: {Dutch.Shorten(d.Text, 90)}" : Dutch.Shorten(d.Text, 90),
                Dutch.Status(d.Status)))
            .ToList();
        return new PickerOptions(contacts, themes, demands);
    }
}
