namespace Campaigns.Parliament;

public static class ParliamentKinds
{
    public const string Zaak = "zaak", Activiteit = "activiteit", Toezegging = "toezegging";
}

/// <summary>A Besluit with the votes cast on it.</summary>
public sealed record ParliamentDecisionView(ParliamentDecision Besluit, IReadOnlyList<ParliamentVote> Votes)
{
    /// <summary>"aangenomen", "verworpen", "aangehouden", … from the BesluitTekst ("Aangenomen.", "Verworpen.") or else the soort.</summary>
    public string? Outcome => ParliamentOutcome.Of(Besluit);
}

public static class ParliamentOutcome
{
    public const string Aangenomen = "aangenomen", Verworpen = "verworpen";

    public static string? Of(ParliamentDecision besluit)
    {
        var text = $"{besluit.BesluitTekst} {besluit.BesluitSoort}".ToLowerInvariant();
        foreach (var outcome in new[] { Aangenomen, Verworpen, "aangehouden", "ingetrokken", "overgenomen" })
            if (text.Contains(outcome)) return outcome;
        return null;
    }
}

/// <summary>
/// One Kamer item as the open data last described it: a Zaak (motie, amendement, schriftelijke vragen, …) with its actors,
/// besluiten and votes, an Activiteit (commissiedebat, rondetafelgesprek, plenair debat, …) or a Toezegging. The inline
/// snapshot of the item's stream; its id is the TK id.
/// </summary>
public sealed record ParliamentItem(
    Guid Id, string Kind, string Soort, string? Nummer, string? Titel, string? Onderwerp, DateOnly? On,
    ZaakDetails? Zaak, ActivityDetails? Activity, CommitmentDetails? Toezegging,
    IReadOnlyList<ParliamentActor> Actors, IReadOnlyList<ParliamentDecisionView> Besluiten, bool Removed, int Version)
{
    /// <summary>The outcome of the latest decision that has one: "aangenomen", "verworpen", … or null.</summary>
    public string? Outcome => Besluiten.Select(b => b.Outcome).LastOrDefault(o => o is not null);

    public IReadOnlyList<DossierRef> Dossiers => Zaak?.Dossiers ?? Activity?.Dossiers ?? [];

    public static ParliamentItem Create(MotionFiled e) => FromZaak(e.TkId, e.Zaak);
    public static ParliamentItem Create(WrittenQuestionsFiled e) => FromZaak(e.TkId, e.Zaak);
    public static ParliamentItem Create(ZaakOpened e) => FromZaak(e.TkId, e.Zaak);

    public static ParliamentItem Create(ActivityScheduled e) =>
        new ParliamentItem(e.TkId, ParliamentKinds.Activiteit, "", null, null, null, null, null, null, null, [], [], false, 0).With(e.Activity);

    public static ParliamentItem Create(CommitmentMade e) =>
        new ParliamentItem(e.TkId, ParliamentKinds.Toezegging, "Toezegging", null, null, null, null, null, null, null, [], [], false, 0).With(e.Toezegging);

    private static ParliamentItem FromZaak(Guid id, ZaakDetails zaak) =>
        new ParliamentItem(id, ParliamentKinds.Zaak, "", null, null, null, null, null, null, null, [], [], false, 0).With(zaak);

    private ParliamentItem With(ZaakDetails zaak) =>
        this with { Zaak = zaak, Soort = zaak.Soort, Nummer = zaak.Nummer, Titel = zaak.Titel, Onderwerp = zaak.Onderwerp, On = zaak.GestartOp };

    private ParliamentItem With(ActivityDetails activity) =>
        this with
        {
            Activity = activity, Soort = activity.Soort, Nummer = activity.Nummer, Titel = activity.Onderwerp, Onderwerp = activity.Onderwerp,
            On = activity.Aanvangstijd is { } start ? DateOnly.FromDateTime(start.DateTime) : null
        };

    private ParliamentItem With(CommitmentDetails toezegging) =>
        this with { Toezegging = toezegging, Nummer = toezegging.Nummer, Titel = toezegging.Tekst, Onderwerp = toezegging.Tekst, On = toezegging.DatumNakoming };

    public ParliamentItem Apply(ZaakChanged e) => With(e.Zaak);
    public ParliamentItem Apply(ActivityRescheduled e) => With(e.Activity);
    public ParliamentItem Apply(ActivityCancelled e) => With(e.Activity);
    public ParliamentItem Apply(ActivityChanged e) => With(e.Activity);
    public ParliamentItem Apply(CommitmentChanged e) => With(e.Toezegging);
    public ParliamentItem Apply(ParliamentItemRemoved e) => this with { Removed = true };

    public ParliamentItem Apply(ZaakActorRecorded e) =>
        this with { Actors = [.. Actors.Where(a => a.Id != e.Actor.Id), e.Actor] };

    public ParliamentItem Apply(ZaakActorRemoved e) => this with { Actors = [.. Actors.Where(a => a.Id != e.ActorId)] };

    public ParliamentItem Apply(DecisionRecorded e) =>
        this with
        {
            Besluiten = Besluiten.Any(b => b.Besluit.Id == e.Besluit.Id)
                ? [.. Besluiten.Select(b => b.Besluit.Id == e.Besluit.Id ? b with { Besluit = e.Besluit } : b)]
                : [.. Besluiten, new ParliamentDecisionView(e.Besluit, [])]
        };

    public ParliamentItem Apply(DecisionRemoved e) => this with { Besluiten = [.. Besluiten.Where(b => b.Besluit.Id != e.BesluitId)] };

    public ParliamentItem Apply(VoteRecorded e) =>
        this with
        {
            Besluiten = [.. Besluiten.Select(b => b.Besluit.Id == e.Vote.BesluitId
                ? b with { Votes = [.. b.Votes.Where(v => v.Id != e.Vote.Id), e.Vote] }
                : b)]
        };

    public ParliamentItem Apply(VoteRemoved e) =>
        this with { Besluiten = [.. Besluiten.Select(b => b with { Votes = [.. b.Votes.Where(v => v.Id != e.VoteId)] })] };
}
