using System.Text.Json;

namespace Campaigns.Imports;

// The Kamer's own work, as far as we use it: the nine entity sets of the Gegevensmagazijn behind issue 16. Field names are
// those of the OData v4 API (verified against openkamer/tkapi where it reads them; see the README).

public sealed record TkZaak(
    Guid Id, string? Soort, string? Nummer, string? Volgnummer, string? Titel, string? Onderwerp, DateOnly? GestartOp,
    string? Kabinetsappreciatie, bool Verwijderd, DateTimeOffset? GewijzigdOp) : ITkRecord;

/// <summary>Relatie: Indiener, Medeindiener, Gericht aan, Voortouwcommissie, …</summary>
public sealed record TkZaakActor(
    Guid Id, Guid? ZaakId, Guid? PersoonId, Guid? FractieId, Guid? CommissieId, string? Relatie, string? ActorNaam,
    string? ActorFractie, string? Functie, bool Verwijderd, DateTimeOffset? GewijzigdOp) : ITkRecord;

public sealed record TkBesluit(
    Guid Id, Guid? AgendapuntId, string? BesluitSoort, string? BesluitTekst, string? StemmingsSoort, string? Status,
    bool Verwijderd, DateTimeOffset? GewijzigdOp) : ITkRecord;

/// <summary>Soort: Voor, Tegen or Niet deelgenomen; per fractie (FractieGrootte) or, at a hoofdelijke stemming, per person.</summary>
public sealed record TkStemming(
    Guid Id, Guid? BesluitId, string? Soort, Guid? FractieId, Guid? PersoonId, string? ActorNaam, string? ActorFractie,
    int? FractieGrootte, bool Vergissing, bool Verwijderd, DateTimeOffset? GewijzigdOp) : ITkRecord;

public sealed record TkActiviteit(
    Guid Id, string? Soort, string? Nummer, string? Onderwerp, DateTimeOffset? Aanvangstijd, DateTimeOffset? Eindtijd,
    DateTimeOffset? Datum, string? Status, string? VoortouwAfkorting, string? VoortouwNaam, bool Verwijderd,
    DateTimeOffset? GewijzigdOp) : ITkRecord;

public sealed record TkAgendapunt(Guid Id, Guid? ActiviteitId, string? Onderwerp, bool Verwijderd, DateTimeOffset? GewijzigdOp) : ITkRecord;

public sealed record TkKamerstukdossier(Guid Id, int? Nummer, string? Toevoeging, string? Titel, bool Verwijderd, DateTimeOffset? GewijzigdOp) : ITkRecord;

public sealed record TkCommissie(Guid Id, string? Afkorting, string? NaamNL, bool Verwijderd, DateTimeOffset? GewijzigdOp) : ITkRecord;

public sealed record TkToezegging(
    Guid Id, string? Nummer, string? Tekst, string? Status, DateOnly? DatumNakoming, string? Ministerie, string? Naam,
    string? Functie, Guid? ActiviteitId, bool Verwijderd, DateTimeOffset? GewijzigdOp) : ITkRecord;

public sealed partial class TkDataSet
{
    public const string Zaak = "Zaak", ZaakActor = "ZaakActor", Besluit = "Besluit", Stemming = "Stemming",
        Activiteit = "Activiteit", Agendapunt = "Agendapunt", Kamerstukdossier = "Kamerstukdossier",
        Commissie = "Commissie", Toezegging = "Toezegging";

    private static readonly string[] ParliamentEntities =
        [Zaak, ZaakActor, Besluit, Stemming, Activiteit, Agendapunt, Kamerstukdossier, Commissie, Toezegging];

    public Dictionary<Guid, TkZaak> Zaken { get; } = [];
    public Dictionary<Guid, TkZaakActor> ZaakActors { get; } = [];
    public Dictionary<Guid, TkBesluit> Besluiten { get; } = [];
    public Dictionary<Guid, TkStemming> Stemmingen { get; } = [];
    public Dictionary<Guid, TkActiviteit> Activiteiten { get; } = [];
    public Dictionary<Guid, TkAgendapunt> Agendapunten { get; } = [];
    public Dictionary<Guid, TkKamerstukdossier> Dossiers { get; } = [];
    public Dictionary<Guid, TkCommissie> Commissies { get; } = [];
    public Dictionary<Guid, TkToezegging> Toezeggingen { get; } = [];

    /// <summary>
    /// Many-to-many relations that the API gives only as expanded navigation properties (<c>Zaak?$expand=Kamerstukdossier</c>,
    /// <c>Besluit?$expand=Zaak,Stemming</c>, <c>Activiteit?$expand=Voortouwcommissie,Zaak</c>, <c>Agendapunt?$expand=Zaak</c>):
    /// each pair once, in both directions.
    /// </summary>
    public HashSet<(string From, Guid FromId, string To, Guid ToId)> Links { get; } = [];

    public bool HasParliament => Zaken.Count + ZaakActors.Count + Besluiten.Count + Stemmingen.Count + Activiteiten.Count +
        Agendapunten.Count + Dossiers.Count + Commissies.Count + Toezeggingen.Count > 0;

    public IEnumerable<Guid> Linked(string from, Guid id, string to)
    {
        // Indexed on first use after reading: a year of moties links tens of thousands of records.
        _linked ??= Links.ToLookup(l => (l.From, l.FromId, l.To), l => l.ToId);
        return _linked[(from, id, to)];
    }

    private ILookup<(string, Guid, string), Guid>? _linked;

    /// <summary>Navigation properties named after another entity set than their own: an Activiteit's Voortouwcommissie is a Commissie.</summary>
    private static string? NestedEntity(string property) =>
        property.Equals("Voortouwcommissie", StringComparison.OrdinalIgnoreCase) ? Commissie
        : Entities.FirstOrDefault(e => e.Equals(property, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// A Kamer record expanded only to name it (<c>$expand=Zaak($select=Id,Nummer)</c>): without its GewijzigdOp it links,
    /// and the record itself comes from its own file or the store.
    /// </summary>
    private static bool IsReference(string nested, JsonElement record) =>
        ParliamentEntities.Contains(nested) && record.ValueKind == JsonValueKind.Object && !record.TryGetProperty("GewijzigdOp", out _);

    private void Link(string entity, Guid id, string nested, JsonElement record)
    {
        if (!ParliamentEntities.Contains(entity) || record.ValueKind != JsonValueKind.Object) return;
        if (!record.TryGetProperty("Id", out var raw) || raw.ValueKind != JsonValueKind.String || !Guid.TryParse(raw.GetString(), out var nestedId)) return;
        Links.Add((entity, id, nested, nestedId));
        Links.Add((nested, nestedId, entity, id));
        _linked = null;
    }

    private void AddParliament(string entity, RecordReader reader, Guid id, bool deleted, DateTimeOffset? changed, (string Entity, Guid Id)? parent)
    {
        Guid? Parent(string parentEntity) => parent is { } p && p.Entity == parentEntity ? p.Id : null;
        switch (entity)
        {
            case Zaak:
                Keep(Zaken, new TkZaak(id, reader.Text("Soort"), reader.Text("Nummer"), reader.Int("Volgnummer")?.ToString(),
                    reader.Text("Titel"), reader.Text("Onderwerp"), reader.Date("GestartOp"), reader.Text("Kabinetsappreciatie"), deleted, changed));
                break;
            case ZaakActor:
                Keep(ZaakActors, new TkZaakActor(id, reader.Guid("Zaak_Id") ?? Parent(Zaak), reader.Guid("Persoon_Id") ?? Parent(Persoon),
                    reader.Guid("Fractie_Id") ?? Parent(Fractie), reader.Guid("Commissie_Id") ?? Parent(Commissie), reader.Text("Relatie"),
                    reader.Text("ActorNaam"), reader.Text("ActorFractie"), reader.Text("Functie"), deleted, changed));
                break;
            case Besluit:
                Keep(Besluiten, new TkBesluit(id, reader.Guid("Agendapunt_Id") ?? Parent(Agendapunt), reader.Text("BesluitSoort"),
                    reader.Text("BesluitTekst"), reader.Text("StemmingsSoort"), reader.Text("Status"), deleted, changed));
                break;
            case Stemming:
                Keep(Stemmingen, new TkStemming(id, reader.Guid("Besluit_Id") ?? Parent(Besluit), reader.Text("Soort"),
                    reader.Guid("Fractie_Id") ?? Parent(Fractie), reader.Guid("Persoon_Id") ?? Parent(Persoon), reader.Text("ActorNaam"),
                    reader.Text("ActorFractie"), reader.Int("FractieGrootte"), reader.Bool("Vergissing") ?? false, deleted, changed));
                break;
            case Activiteit:
                Keep(Activiteiten, new TkActiviteit(id, reader.Text("Soort"), reader.Text("Nummer"), reader.Text("Onderwerp"),
                    reader.Timestamp("Aanvangstijd"), reader.Timestamp("Eindtijd"), reader.Timestamp("Datum"), reader.Text("Status"),
                    reader.Text("VoortouwAfkorting"), reader.Text("VoortouwNaam"), deleted, changed));
                break;
            case Agendapunt:
                Keep(Agendapunten, new TkAgendapunt(id, reader.Guid("Activiteit_Id") ?? Parent(Activiteit), reader.Text("Onderwerp"), deleted, changed));
                break;
            case Kamerstukdossier:
                Keep(Dossiers, new TkKamerstukdossier(id, reader.Int("Nummer"), reader.Text("Toevoeging"), reader.Text("Titel"), deleted, changed));
                break;
            case Commissie:
                Keep(Commissies, new TkCommissie(id, reader.Text("Afkorting"), reader.Text("NaamNL"), deleted, changed));
                break;
            case Toezegging:
                Keep(Toezeggingen, new TkToezegging(id, reader.Text("Nummer"), reader.Text("Tekst"), reader.Text("Status"),
                    reader.Date("DatumNakoming"), reader.Text("Ministerie"), reader.Text("Naam"), reader.Text("Functie"),
                    reader.Guid("Activiteit_Id") ?? Parent(Activiteit), deleted, changed));
                break;
        }
    }
}
