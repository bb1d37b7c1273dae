namespace Campaigns.Parliament;

// Facts about the Kamer's work, one stream per Kamer item (a Zaak, an Activiteit, a Toezegging) keyed by its TK id. Each
// carries the state of the record as the open data gave it (with its GewijzigdOp), so a later file appends only what changed.

public sealed record DossierRef(int Nummer, string? Toevoeging, string? Titel)
{
    public override string ToString() => Toevoeging is null ? Nummer.ToString() : $"{Nummer}-{Toevoeging}";
}

public sealed record CommitteeRef(Guid? Id, string? Afkorting, string? Naam);

public sealed record ZaakDetails(
    string Soort, string? Nummer, string? Volgnummer, string? Titel, string? Onderwerp, DateOnly? GestartOp,
    string? Kabinetsappreciatie, IReadOnlyList<DossierRef> Dossiers, DateTimeOffset? GewijzigdOp);

/// <summary>An indiener, medeindiener, the one a question is "gericht aan", a voortouwcommissie.</summary>
public sealed record ParliamentActor(
    Guid Id, string Relatie, string? Naam, string? Fractie, string? Functie, Guid? PersoonId, DateTimeOffset? GewijzigdOp);

/// <summary>A Besluit on a Zaak; Datum and Venue come from the activity of its agendapunt (the plenary vote, a committee).</summary>
public sealed record ParliamentDecision(
    Guid Id, string? BesluitSoort, string? BesluitTekst, string? StemmingsSoort, string? Status, DateOnly? Datum,
    string? Venue, DateTimeOffset? GewijzigdOp);

public sealed record ParliamentVote(
    Guid Id, Guid BesluitId, string Soort, string? Fractie, string? Persoon, Guid? PersoonId, int? FractieGrootte,
    bool Vergissing, DateTimeOffset? GewijzigdOp);

public sealed record ActivityDetails(
    string Soort, string? Nummer, string? Onderwerp, DateTimeOffset? Aanvangstijd, DateTimeOffset? Eindtijd, string? Status,
    IReadOnlyList<CommitteeRef> Commissies, IReadOnlyList<Guid> ZaakIds, IReadOnlyList<DossierRef> Dossiers,
    DateTimeOffset? GewijzigdOp);

public sealed record CommitmentDetails(
    string? Nummer, string Tekst, string? Status, DateOnly? DatumNakoming, string? Ministerie, string? Bewindspersoon,
    Guid? ActiviteitId, DateTimeOffset? GewijzigdOp);

/// <summary>A motie or amendement was filed.</summary>
public sealed record MotionFiled(Guid TkId, ZaakDetails Zaak);

/// <summary>Schriftelijke vragen were asked.</summary>
public sealed record WrittenQuestionsFiled(Guid TkId, ZaakDetails Zaak);

/// <summary>Any other Zaak: a wetsvoorstel, a brief regering, a begroting.</summary>
public sealed record ZaakOpened(Guid TkId, ZaakDetails Zaak);

public sealed record ZaakChanged(Guid TkId, ZaakDetails Zaak);

/// <summary>An actor was recorded on a Zaak, or its record changed.</summary>
public sealed record ZaakActorRecorded(Guid TkId, ParliamentActor Actor);

public sealed record ZaakActorRemoved(Guid TkId, Guid ActorId);

/// <summary>A Besluit was recorded on the Zaak, or its record changed (e.g. "aangehouden" became "aangenomen").</summary>
public sealed record DecisionRecorded(Guid TkId, ParliamentDecision Besluit);

public sealed record DecisionRemoved(Guid TkId, Guid BesluitId);

/// <summary>A fractie's (or member's) vote on a Besluit of the Zaak, or its correction.</summary>
public sealed record VoteRecorded(Guid TkId, ParliamentVote Vote);

public sealed record VoteRemoved(Guid TkId, Guid VoteId);

public sealed record ActivityScheduled(Guid TkId, ActivityDetails Activity);

public sealed record ActivityRescheduled(Guid TkId, ActivityDetails Activity, DateTimeOffset? PreviousAanvangstijd);

public sealed record ActivityCancelled(Guid TkId, ActivityDetails Activity);

/// <summary>Another change of an activity: its subject, status (held), committees or agenda.</summary>
public sealed record ActivityChanged(Guid TkId, ActivityDetails Activity);

/// <summary>A minister or state secretary made a toezegging.</summary>
public sealed record CommitmentMade(Guid TkId, CommitmentDetails Toezegging);

public sealed record CommitmentChanged(Guid TkId, CommitmentDetails Toezegging);

/// <summary>The open data marked the item <c>Verwijderd</c>.</summary>
public sealed record ParliamentItemRemoved(Guid TkId, DateTimeOffset? GewijzigdOp);
