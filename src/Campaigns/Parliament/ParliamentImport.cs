using System.Text.Json;
using Campaigns.Imports;

namespace Campaigns.Parliament;

/// <summary>What one import did to the Kamer items.</summary>
/// <param name="Items">Zaken, activiteiten and toezeggingen whose streams the import touched or checked.</param>
/// <param name="Started">New streams.</param>
/// <param name="Changed">Known items that got new events.</param>
public sealed record ParliamentImportResult(int Items, int Started, int Changed, int Unchanged, int Events);

/// <summary>
/// Checks the Kamer's entity sets of a <see cref="TkDataSet"/> and decides, per Kamer item, which events record what the
/// files say and the stream does not know yet. Pure: the stored items come in, the events go out.
/// </summary>
public static class ParliamentImport
{
    public const string Geannuleerd = "Geannuleerd";
    private static readonly string[] VoteKinds = ["Voor", "Tegen", "Niet deelgenomen"];

    /// <summary>The streams an import may touch: its own items, and the Zaken its actors and besluiten name.</summary>
    public static HashSet<Guid> StreamIds(TkDataSet data)
    {
        var ids = new HashSet<Guid>(data.Zaken.Keys.Concat(data.Activiteiten.Keys).Concat(data.Toezeggingen.Keys));
        foreach (var actor in data.ZaakActors.Values) if (actor.ZaakId is { } zaak) ids.Add(zaak);
        foreach (var besluit in data.Besluiten.Values) ids.UnionWith(data.Linked(TkDataSet.Besluit, besluit.Id, TkDataSet.Zaak));
        return ids;
    }

    /// <summary>Every record that cannot be imported as it is, named by entity and Id.</summary>
    public static List<TkProblem> Check(TkDataSet data, IReadOnlyDictionary<Guid, ParliamentItem> stored)
    {
        var problems = new List<TkProblem>();
        bool KnownZaak(Guid id) => data.Zaken.ContainsKey(id) || stored.TryGetValue(id, out var item) && item.Kind == ParliamentKinds.Zaak;

        foreach (var z in data.Zaken.Values.Where(z => !z.Verwijderd && z.Soort is null))
            problems.Add(new TkProblem($"Zaak {z.Id}", "Soort ontbreekt."));
        foreach (var a in data.ZaakActors.Values.Where(a => !a.Verwijderd))
        {
            var name = $"ZaakActor {a.Id}";
            if (a.ZaakId is null) problems.Add(new TkProblem(name, "Zaak_Id ontbreekt."));
            else if (!KnownZaak(a.ZaakId.Value)) problems.Add(new TkProblem(name, $"Zaak_Id {a.ZaakId} verwijst naar een Zaak die niet in de import staat."));
            if (a.Relatie is null) problems.Add(new TkProblem(name, "Relatie ontbreekt."));
        }
        foreach (var b in data.Besluiten.Values.Where(b => !b.Verwijderd))
        {
            var zaken = data.Linked(TkDataSet.Besluit, b.Id, TkDataSet.Zaak).ToList();
            if (zaken.Count == 0) problems.Add(new TkProblem($"Besluit {b.Id}", "Hoort bij geen Zaak (vraag Besluit op met $expand=Zaak)."));
            foreach (var zaak in zaken.Where(z => !KnownZaak(z)))
                problems.Add(new TkProblem($"Besluit {b.Id}", $"Zaak {zaak} staat niet in de import."));
        }
        foreach (var s in data.Stemmingen.Values.Where(s => !s.Verwijderd))
        {
            var name = $"Stemming {s.Id}";
            if (s.BesluitId is null) problems.Add(new TkProblem(name, "Besluit_Id ontbreekt."));
            else if (!data.Besluiten.ContainsKey(s.BesluitId.Value))
                problems.Add(new TkProblem(name, $"Besluit_Id {s.BesluitId} verwijst naar een Besluit dat niet in de import staat."));
            if (s.Soort is null) problems.Add(new TkProblem(name, "Soort ontbreekt."));
            else if (!VoteKinds.Contains(s.Soort)) problems.Add(new TkProblem(name, $"Soort '{s.Soort}' is geen Voor, Tegen of Niet deelgenomen."));
            if (s.ActorFractie is null && s.ActorNaam is null && s.FractieId is null && s.PersoonId is null)
                problems.Add(new TkProblem(name, "Fractie en Persoon ontbreken."));
        }
        foreach (var a in data.Activiteiten.Values.Where(a => !a.Verwijderd))
        {
            if (a.Soort is null) problems.Add(new TkProblem($"Activiteit {a.Id}", "Soort ontbreekt."));
            if (a.Aanvangstijd is null && a.Datum is null) problems.Add(new TkProblem($"Activiteit {a.Id}", "Aanvangstijd en Datum ontbreken."));
        }
        foreach (var t in data.Toezeggingen.Values.Where(t => !t.Verwijderd && t.Tekst is null))
            problems.Add(new TkProblem($"Toezegging {t.Id}", "Tekst ontbreekt."));
        foreach (var d in data.Dossiers.Values.Where(d => !d.Verwijderd && d.Nummer is null))
            problems.Add(new TkProblem($"Kamerstukdossier {d.Id}", "Nummer ontbreekt."));
        return problems;
    }

    /// <summary>The events per stream; a stream not in <paramref name="stored"/> starts with its first event.</summary>
    public static Dictionary<Guid, List<object>> Decide(TkDataSet data, IReadOnlyDictionary<Guid, ParliamentItem> stored)
    {
        var decided = new Dictionary<Guid, List<object>>();
        void Append(Guid id, object e)
        {
            if (!decided.TryGetValue(id, out var list)) decided[id] = list = [];
            list.Add(e);
        }

        foreach (var zaak in data.Zaken.Values.OrderBy(z => z.Id))
        {
            stored.TryGetValue(zaak.Id, out var item);
            if (zaak.Verwijderd)
            {
                if (item is { Removed: false }) Append(zaak.Id, new ParliamentItemRemoved(zaak.Id, zaak.GewijzigdOp));
                continue;
            }
            var dossiers = DossiersOf(data, [zaak.Id]);
            // A file without the expansion says nothing about the dossiers: the ones known stay.
            var details = new ZaakDetails(zaak.Soort!, zaak.Nummer, zaak.Volgnummer, zaak.Titel, zaak.Onderwerp, zaak.GestartOp,
                zaak.Kabinetsappreciatie, dossiers.Count == 0 && item?.Zaak is { } z ? z.Dossiers : dossiers, zaak.GewijzigdOp);
            if (item is null)
                Append(zaak.Id, zaak.Soort switch
                {
                    "Motie" or "Amendement" => new MotionFiled(zaak.Id, details),
                    "Schriftelijke vragen" => new WrittenQuestionsFiled(zaak.Id, details),
                    _ => (object)new ZaakOpened(zaak.Id, details)
                });
            else if (Changed(item.Zaak, details, item.Zaak?.GewijzigdOp, details.GewijzigdOp))
                Append(zaak.Id, new ZaakChanged(zaak.Id, details));
        }

        foreach (var actor in data.ZaakActors.Values.Where(a => a.ZaakId is not null).OrderBy(a => a.Id))
        {
            var zaakId = actor.ZaakId!.Value;
            var known = stored.GetValueOrDefault(zaakId)?.Actors.FirstOrDefault(a => a.Id == actor.Id);
            if (actor.Verwijderd)
            {
                if (known is not null) Append(zaakId, new ZaakActorRemoved(zaakId, actor.Id));
                continue;
            }
            var fractie = actor.ActorFractie ?? (actor.FractieId is { } f && data.Fracties.TryGetValue(f, out var tf) ? tf.Afkorting : null);
            var naam = actor.ActorNaam ?? (actor.PersoonId is { } p && data.Personen.TryGetValue(p, out var tp) ? tp.Name : null)
                       ?? (actor.CommissieId is { } c && data.Commissies.TryGetValue(c, out var tc) ? tc.NaamNL : null);
            var recorded = new ParliamentActor(actor.Id, actor.Relatie!, naam, fractie, actor.Functie, actor.PersoonId, actor.GewijzigdOp);
            if (known is null || Changed(known, recorded, known.GewijzigdOp, recorded.GewijzigdOp))
                Append(zaakId, new ZaakActorRecorded(zaakId, recorded));
        }

        var votesByBesluit = data.Stemmingen.Values.ToLookup(v => v.BesluitId);
        foreach (var besluit in data.Besluiten.Values.OrderBy(b => b.Id))
        {
            var activity = besluit.AgendapuntId is { } ap && data.Agendapunten.TryGetValue(ap, out var agendapunt) &&
                           agendapunt.ActiviteitId is { } act && data.Activiteiten.TryGetValue(act, out var a) ? a : null;
            var start = activity?.Aanvangstijd ?? activity?.Datum;
            var recorded = new ParliamentDecision(besluit.Id, besluit.BesluitSoort, besluit.BesluitTekst, besluit.StemmingsSoort, besluit.Status,
                start is { } s ? DateOnly.FromDateTime(s.DateTime) : null,
                activity is null ? "Tweede Kamer" : $"Tweede Kamer, {activity.Onderwerp ?? activity.Soort}", besluit.GewijzigdOp);
            var votes = votesByBesluit[besluit.Id].OrderBy(v => v.Id).ToList();
            foreach (var zaakId in data.Linked(TkDataSet.Besluit, besluit.Id, TkDataSet.Zaak).Order())
            {
                var item = stored.GetValueOrDefault(zaakId);
                var known = item?.Besluiten.FirstOrDefault(b => b.Besluit.Id == besluit.Id);
                if (besluit.Verwijderd)
                {
                    if (known is not null) Append(zaakId, new DecisionRemoved(zaakId, besluit.Id));
                    continue;
                }
                if (known is null || Changed(known.Besluit, recorded, known.Besluit.GewijzigdOp, recorded.GewijzigdOp))
                    Append(zaakId, new DecisionRecorded(zaakId, recorded));
                foreach (var vote in votes)
                {
                    var knownVote = known?.Votes.FirstOrDefault(v => v.Id == vote.Id);
                    if (vote.Verwijderd)
                    {
                        if (knownVote is not null) Append(zaakId, new VoteRemoved(zaakId, vote.Id));
                        continue;
                    }
                    var fractie = vote.ActorFractie ?? (vote.FractieId is { } f && data.Fracties.TryGetValue(f, out var tf) ? tf.Afkorting : null)
                                  ?? (vote.PersoonId is null ? vote.ActorNaam : null);
                    var castVote = new ParliamentVote(vote.Id, besluit.Id, vote.Soort!, fractie, vote.PersoonId is null ? null : vote.ActorNaam,
                        vote.PersoonId, vote.FractieGrootte, vote.Vergissing, vote.GewijzigdOp);
                    if (knownVote is null || Changed(knownVote, castVote, knownVote.GewijzigdOp, castVote.GewijzigdOp))
                        Append(zaakId, new VoteRecorded(zaakId, castVote));
                }
            }
        }

        foreach (var activity in data.Activiteiten.Values.OrderBy(a => a.Id))
        {
            stored.TryGetValue(activity.Id, out var item);
            if (activity.Verwijderd)
            {
                if (item is { Removed: false }) Append(activity.Id, new ParliamentItemRemoved(activity.Id, activity.GewijzigdOp));
                continue;
            }
            var details = ActivityOf(data, activity);
            // A file without agendapunten or committees for the activity says nothing about them: the ones known stay.
            if (item?.Activity is { } before)
                details = details with
                {
                    ZaakIds = details.ZaakIds.Count == 0 ? before.ZaakIds : details.ZaakIds,
                    Dossiers = details.ZaakIds.Count == 0 ? before.Dossiers : details.Dossiers,
                    Commissies = details.Commissies.Count == 0 ? before.Commissies : details.Commissies
                };
            if (item?.Activity is not { } known)
            {
                Append(activity.Id, new ActivityScheduled(activity.Id, details));
                if (details.Status == Geannuleerd) Append(activity.Id, new ActivityCancelled(activity.Id, details));
            }
            else if (Changed(known, details, known.GewijzigdOp, details.GewijzigdOp))
                Append(activity.Id,
                    details.Status == Geannuleerd && known.Status != Geannuleerd ? new ActivityCancelled(activity.Id, details)
                    : details.Aanvangstijd != known.Aanvangstijd ? new ActivityRescheduled(activity.Id, details, known.Aanvangstijd)
                    : new ActivityChanged(activity.Id, details));
        }

        foreach (var toezegging in data.Toezeggingen.Values.OrderBy(t => t.Id))
        {
            stored.TryGetValue(toezegging.Id, out var item);
            if (toezegging.Verwijderd)
            {
                if (item is { Removed: false }) Append(toezegging.Id, new ParliamentItemRemoved(toezegging.Id, toezegging.GewijzigdOp));
                continue;
            }
            var details = new CommitmentDetails(toezegging.Nummer, toezegging.Tekst!, toezegging.Status, toezegging.DatumNakoming,
                toezegging.Ministerie, toezegging.Naam, toezegging.ActiviteitId, toezegging.GewijzigdOp);
            if (item?.Toezegging is not { } known) Append(toezegging.Id, new CommitmentMade(toezegging.Id, details));
            else if (Changed(known, details, known.GewijzigdOp, details.GewijzigdOp)) Append(toezegging.Id, new CommitmentChanged(toezegging.Id, details));
        }

        // Actors or besluiten of a Zaak that the same files mark Verwijderd, and that we never stored: nothing to record.
        foreach (var id in decided.Keys.Where(id => !stored.ContainsKey(id) && !IsStart(decided[id][0])).ToList()) decided.Remove(id);
        return decided;
    }

    private static bool IsStart(object e) => e is MotionFiled or WrittenQuestionsFiled or ZaakOpened or ActivityScheduled or CommitmentMade;

    private static ActivityDetails ActivityOf(TkDataSet data, TkActiviteit activity)
    {
        var commissies = data.Linked(TkDataSet.Activiteit, activity.Id, TkDataSet.Commissie)
            .Select(id => data.Commissies.TryGetValue(id, out var c) ? new CommitteeRef(id, c.Afkorting, c.NaamNL) : null)
            .OfType<CommitteeRef>().OrderBy(c => c.Afkorting, StringComparer.Ordinal).ToList();
        if (commissies.Count == 0 && (activity.VoortouwAfkorting ?? activity.VoortouwNaam) is not null)
            commissies.Add(new CommitteeRef(null, activity.VoortouwAfkorting, activity.VoortouwNaam));
        var zaken = data.Linked(TkDataSet.Activiteit, activity.Id, TkDataSet.Zaak)
            .Concat(data.Agendapunten.Values.Where(a => a.ActiviteitId == activity.Id && !a.Verwijderd)
                .SelectMany(a => data.Linked(TkDataSet.Agendapunt, a.Id, TkDataSet.Zaak)))
            .Distinct().Order().ToList();
        return new ActivityDetails(activity.Soort!, activity.Nummer, activity.Onderwerp, activity.Aanvangstijd ?? activity.Datum, activity.Eindtijd,
            activity.Status, commissies, zaken, DossiersOf(data, zaken), activity.GewijzigdOp);
    }

    private static List<DossierRef> DossiersOf(TkDataSet data, IEnumerable<Guid> zaken) =>
        zaken.SelectMany(z => data.Linked(TkDataSet.Zaak, z, TkDataSet.Kamerstukdossier))
            .Select(id => data.Dossiers.TryGetValue(id, out var d) && !d.Verwijderd && d.Nummer is { } n ? new DossierRef(n, d.Toevoeging, d.Titel) : null)
            .OfType<DossierRef>().Distinct().OrderBy(d => d.Nummer).ThenBy(d => d.Toevoeging).ToList();

    /// <summary>
    /// A record changes the stream when it is not older than what the stream knows and says something else. Equal content
    /// under a newer GewijzigdOp is no change: importing the same data twice, or the same data in another file, appends nothing.
    /// </summary>
    private static bool Changed<T>(T? known, T incoming, DateTimeOffset? knownChangedOn, DateTimeOffset? incomingChangedOn)
    {
        if (known is null) return true;
        if (knownChangedOn is { } k && incomingChangedOn is { } i && i < k) return false;
        return Content(known, knownChangedOn) != Content(incoming, incomingChangedOn);
    }

    private static string Content<T>(T record, DateTimeOffset? changedOn)
    {
        var json = JsonSerializer.Serialize(record);
        return changedOn is null ? json : json.Replace(JsonSerializer.Serialize(changedOn), "null");
    }
}
