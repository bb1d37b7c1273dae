using Campaigns.Contacts;
using Campaigns.Demands;
using Campaigns.Interactions;
using Campaigns.Themes;

namespace Campaigns.Parliament;

/// <summary>An indiener or medeindiener, with our contact for the same TK person when we have one.</summary>
public sealed record Indiener(string Relatie, string? Naam, string? Fractie, Guid? ContactId, string? ContactName);

/// <summary>How a fractie voted on the besluit.</summary>
public sealed record FractieVote(string Fractie, string Soort, int? Zetels);

/// <summary>
/// What "Aangenomen via motie …" fills in: the venue, reference and date from the besluit, the indieners we know as
/// contacts and our contact moments with them on this demand up to the day of the vote. Sent as <see cref="AdoptDemand"/>.
/// </summary>
public sealed record AdoptionOffer(
    string Label, AdoptionVenue Venue, string Reference, DateOnly OccurredOn, string Note,
    IReadOnlyList<Guid> CreditedContactIds, IReadOnlyList<Guid> CreditedInteractionIds);

public sealed record LinkedParliamentItem(
    ParliamentItem Item, string Reference, IReadOnlyList<Indiener> Indieners, string? Outcome, ParliamentDecision? Besluit,
    IReadOnlyList<FractieVote> Votes, AdoptionOffer? Offer);

/// <param name="Reasons">Why it is proposed: "dossier 29023", "trefwoord netcongestie", "tekst".</param>
public sealed record ParliamentProposal(ParliamentItem Item, string Reference, IReadOnlyList<string> Reasons);

public sealed record DemandParliament(Guid DemandId, IReadOnlyList<LinkedParliamentItem> Linked, IReadOnlyList<ParliamentProposal> Proposed);

public static class DemandParliamentQueries
{
    private const int MaxProposals = 20;

    [WolverineGet("/api/demands/{id}/parliament", OperationId = "GetDemandParliament"), Tags("Parliament"), Authorize(Policy = Policies.Manager),
     ProducesResponseType<DemandParliament>(StatusCodes.Status200OK),
     EndpointSummary("Read the Kamer items linked to a demand and those proposed for it."),
     EndpointDescription("Linked: each motie, amendement, vragen or toezegging with its indieners (matched to our contacts by TK person id), its besluit, the votes per fractie and, when it was aangenomen and the demand is still open, the adoption it offers (venue, reference, date, credits). Proposed: zaken on the theme's dossiers or keywords, or whose Titel or Onderwerp matches the demand's text (Dutch full-text), that are neither linked nor dismissed.")]
    public static async Task<IResult> Get(Guid id, IQuerySession session, CancellationToken ct)
    {
        var demand = await session.LoadAsync<Demand>(id, ct);
        return demand is null ? Results.Problem(Problems.NotFound("Deze wens bestaat niet.")) : Results.Ok(await ReadAsync(session, demand, ct));
    }

    public static async Task<DemandParliament> ReadAsync(IQuerySession session, Demand demand, CancellationToken ct)
    {
        var linkedItems = demand.ParliamentLinks.Count == 0 ? [] : await session.LoadManyAsync<ParliamentItem>(ct, demand.ParliamentLinks);
        var personIds = linkedItems.SelectMany(i => i.Actors).Select(a => a.PersoonId).OfType<Guid>().Select(p => p.ToString("D")).Distinct().ToList();
        var contacts = personIds.Count == 0 ? [] : await session.Query<Contact>().Where(c => c.TkPersoonId != null && c.TkPersoonId.IsOneOf(personIds)).ToListAsync(ct);
        var byPerson = contacts.Where(c => !c.Forgotten).GroupBy(c => c.TkPersoonId!).ToDictionary(g => g.Key, g => g.OrderBy(c => c.Id).First());
        var interactions = linkedItems.Count == 0 ? [] : await session.Query<Interaction>().Where(i => i.DemandIds.Contains(demand.Id) && !i.Retracted).ToListAsync(ct);

        var linked = demand.ParliamentLinks
            .Select(tkId => linkedItems.FirstOrDefault(i => i.Id == tkId)).OfType<ParliamentItem>()
            .Select(item => Linked(demand, item, byPerson, interactions)).ToList();
        return new DemandParliament(demand.Id, linked, await ProposeAsync(session, demand, ct));
    }

    private static LinkedParliamentItem Linked(Demand demand, ParliamentItem item, IReadOnlyDictionary<string, Contact> byPerson, IReadOnlyList<Interaction> interactions)
    {
        var indieners = item.Actors.Where(a => a.Relatie is "Indiener" or "Medeindiener")
            .OrderBy(a => a.Relatie == "Indiener" ? 0 : 1).ThenBy(a => a.Naam, StringComparer.Ordinal)
            .Select(a => a.PersoonId is { } p && byPerson.TryGetValue(p.ToString("D"), out var contact)
                ? new Indiener(a.Relatie, a.Naam, a.Fractie, contact.Id, contact.Name)
                : new Indiener(a.Relatie, a.Naam, a.Fractie, null, null)).ToList();
        var decided = item.Besluiten.LastOrDefault(b => b.Outcome is not null) ?? item.Besluiten.LastOrDefault();
        var votes = (decided?.Votes ?? []).Where(v => v.Fractie is not null && !v.Vergissing)
            .Select(v => new FractieVote(v.Fractie!, v.Soort, v.FractieGrootte)).OrderBy(v => v.Fractie, StringComparer.Ordinal).ToList();
        var reference = Reference(item);
        AdoptionOffer? offer = null;
        if (decided is { Outcome: ParliamentOutcome.Aangenomen } && item.Soort is "Motie" or "Amendement" && DemandRules.CanAdopt(demand) is null)
        {
            var on = decided.Besluit.Datum ?? item.On ?? DateOnly.MinValue;
            var contactIds = indieners.Select(i => i.ContactId).OfType<Guid>().Distinct().ToList();
            var credited = interactions.Where(i => i.HappenedOn <= on && i.ContactIds.Any(contactIds.Contains))
                .OrderBy(i => i.HappenedOn).Select(i => i.Id).ToList();
            var soort = item.Soort == "Motie" ? "motie" : "amendement";
            offer = new AdoptionOffer($"Aangenomen via {soort} {reference}", item.Soort == "Motie" ? AdoptionVenue.Motion : AdoptionVenue.Law,
                $"{(item.Soort == "Motie" ? "Motie" : "Amendement")} {reference}", on,
                $"{decided.Besluit.Venue}: {decided.Besluit.BesluitTekst?.TrimEnd('.') ?? "aangenomen"} op {Web.Dutch.Date(on)}. {item.Onderwerp}".Trim(),
                contactIds, credited);
        }
        return new LinkedParliamentItem(item, reference, indieners, decided?.Outcome, decided?.Besluit, votes, offer);
    }

    /// <summary>How a kamerstuk is quoted: dossier and volgnummer ("29023-612") when known, else the zaak number.</summary>
    public static string Reference(ParliamentItem item) => Kamerstuk(item) ?? item.Nummer ?? item.Id.ToString();

    /// <summary>Dossier and volgnummer ("29023-612"), when the open data gave both.</summary>
    public static string? Kamerstuk(ParliamentItem item) => KamerstukParts(item) is { } k ? $"{k.Dossier}-{k.Volgnummer}" : null;

    /// <summary>The kamerstuk as the Kamer writes it out: "Kamerstuk 29023 nr. 612".</summary>
    public static string? KamerstukWrittenOut(ParliamentItem item) =>
        KamerstukParts(item) is { } k ? $"Kamerstuk {k.Dossier} nr. {k.Volgnummer}" : null;

    private static (DossierRef Dossier, string Volgnummer)? KamerstukParts(ParliamentItem item) =>
        item.Zaak is { Volgnummer: { } volgnummer, Dossiers.Count: > 0 } zaak ? (zaak.Dossiers[0], volgnummer) : null;

    private static async Task<IReadOnlyList<ParliamentProposal>> ProposeAsync(IQuerySession session, Demand demand, CancellationToken ct)
    {
        var theme = await session.LoadAsync<Theme>(Theme.IdFor(demand.Theme), ct);
        var scope = theme?.Parliament;
        var excluded = demand.ParliamentLinks.Concat(demand.ParliamentDismissed).ToHashSet();
        var reasons = new Dictionary<Guid, (ParliamentItem Item, List<string> Why)>();
        void Add(ParliamentItem item, string why)
        {
            if (excluded.Contains(item.Id) || item.Removed || item.Kind == ParliamentKinds.Activiteit) return;
            if (!reasons.TryGetValue(item.Id, out var entry)) reasons[item.Id] = entry = (item, []);
            if (!entry.Why.Contains(why)) entry.Why.Add(why);
        }

        // Dutch full-text: any of the demand's stemmed words in the item's Titel or Onderwerp.
        var text = string.Join(' ', new[] { demand.Text, demand.Target }.Where(t => !string.IsNullOrWhiteSpace(t)));
        var byText = await session.QueryAsync<ParliamentItem>(
            "where coalesce(data ->> 'kind', '') <> 'activiteit' and " +
            "to_tsvector('dutch', coalesce(data ->> 'titel', '') || ' ' || coalesce(data ->> 'onderwerp', '')) @@ " +
            "nullif(replace(plainto_tsquery('dutch', ?)::text, ' & ', ' | '), '')::tsquery", ct, text);
        foreach (var item in byText) Add(item, "tekst");

        if (scope is { IsEmpty: false })
        {
            var items = await session.Query<ParliamentItem>().Where(i => !i.Removed && i.Kind != ParliamentKinds.Activiteit).ToListAsync(ct);
            foreach (var item in items)
            {
                foreach (var dossier in item.Dossiers.Where(d => scope.Dossiers.Any(s => s == d.ToString() || s == d.Nummer.ToString())))
                    Add(item, $"dossier {dossier}");
                var words = $"{item.Titel} {item.Onderwerp}";
                foreach (var keyword in scope.Keywords.Where(k => words.Contains(k, StringComparison.OrdinalIgnoreCase)))
                    Add(item, $"trefwoord {keyword}");
            }
        }
        return reasons.Values
            // The same dossier weighs most: a motie in the theme's dossier is nearly always about it.
            .OrderByDescending(r => r.Why.Count + r.Why.Count(w => w.StartsWith("dossier"))).ThenByDescending(r => r.Item.On)
            .Take(MaxProposals)
            .Select(r => new ParliamentProposal(r.Item, Reference(r.Item), r.Why)).ToList();
    }
}
