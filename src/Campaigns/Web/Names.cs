using Campaigns.Campaigns;
using Campaigns.Contacts;
using Campaigns.Demands;
using Campaigns.Themes;
using System.Text.Encodings.Web;
using Marten;
using Microsoft.AspNetCore.Html;

namespace Campaigns.Web;

/// <summary>Names for the ids on timeline entries: contacts, themes, campaigns and demands, read once per page.</summary>
public sealed class Names
{
    public IReadOnlyDictionary<Guid, Contact> Contacts { get; private init; } = new Dictionary<Guid, Contact>();
    public IReadOnlyDictionary<string, Theme> Themes { get; private init; } = new Dictionary<string, Theme>();
    public IReadOnlyDictionary<Guid, Campaign> Campaigns { get; private init; } = new Dictionary<Guid, Campaign>();
    public IReadOnlyDictionary<Guid, Demand> Demands { get; private init; } = new Dictionary<Guid, Demand>();

    public static Names Empty { get; } = new();

    public static async Task<Names> LoadAsync(IQuerySession session, CancellationToken ct) => new()
    {
        Contacts = (await session.Query<Contact>().ToListAsync(ct)).ToDictionary(c => c.Id),
        Themes = (await session.Query<Theme>().ToListAsync(ct)).ToDictionary(t => t.Slug),
        Campaigns = (await session.Query<Campaign>().ToListAsync(ct)).ToDictionary(c => c.Id),
        Demands = (await session.Query<Demand>().ToListAsync(ct)).ToDictionary(d => d.Id)
    };

    public string Contact(Guid id) => Contacts.TryGetValue(id, out var c) ? c.Name : "onbekende contactpersoon";
    public string Theme(string slug) => Themes.TryGetValue(slug, out var t) ? t.Label : slug;
    public string Campaign(Guid? id) => id is { } i && Campaigns.TryGetValue(i, out var c) ? c.Name : "";
    public string Demand(Guid id) => Demands.TryGetValue(id, out var d) ? d.Code is { Length: > 0 } code ? $"wens {code}" : "wens" : "onbekende wens";

    /// <summary>Links to the contacts' timelines, separated by commas.</summary>
    public IHtmlContent ContactLinks(IEnumerable<Guid> ids) =>
        new HtmlString(string.Join(", ", ids.Select(id =>
            $"<a href=\"/contacten/{id}\">{HtmlEncoder.Default.Encode(Contact(id))}</a>")));

    public IEnumerable<Campaign> CampaignsByStart => Campaigns.Values.OrderBy(c => c.Status).ThenByDescending(c => c.StartsOn);
}
