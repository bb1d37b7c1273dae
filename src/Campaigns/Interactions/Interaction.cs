namespace Campaigns.Interactions;

public enum InteractionKind { Letter, Meeting, Call, Email, Hearing }

/// <summary>What every kind of contact moment records. The concrete events below say which kind it was.</summary>
public abstract record InteractionRecorded
{
    public Guid InteractionId { get; init; }
    public Guid CampaignId { get; init; }
    public IReadOnlyList<Guid> ContactIds { get; init; } = [];
    public IReadOnlyList<string> Themes { get; init; } = [];
    public IReadOnlyList<Guid> DemandIds { get; init; } = [];
    public string Subject { get; init; } = "";
    public string? Summary { get; init; }
    public string? Outcome { get; init; }
    public string? DocumentRef { get; init; }
    public string? Location { get; init; }
    /// <summary>The day it happened; may lie in the past, as back-filling is normal.</summary>
    public DateOnly HappenedOn { get; init; }
    /// <summary>Who on our side took part: by default the person who logged it.</summary>
    public IReadOnlyList<string> OurSide { get; init; } = [];

    public abstract InteractionKind Kind { get; }
}

public sealed record LetterSent : InteractionRecorded { public override InteractionKind Kind => InteractionKind.Letter; }
public sealed record MeetingHeld : InteractionRecorded { public override InteractionKind Kind => InteractionKind.Meeting; }
public sealed record CallMade : InteractionRecorded { public override InteractionKind Kind => InteractionKind.Call; }
public sealed record EmailSent : InteractionRecorded { public override InteractionKind Kind => InteractionKind.Email; }
/// <summary>A hearing or rondetafelgesprek in the Kamer.</summary>
public sealed record HearingAttended : InteractionRecorded { public override InteractionKind Kind => InteractionKind.Hearing; }

/// <summary>Only the fields named here change; the rest stays as recorded.</summary>
public sealed record InteractionChanges(
    string? Subject = null, string? Summary = null, string? Outcome = null, string? DocumentRef = null, string? Location = null,
    DateOnly? HappenedOn = null, IReadOnlyList<Guid>? ContactIds = null, IReadOnlyList<string>? Themes = null,
    IReadOnlyList<Guid>? DemandIds = null, IReadOnlyList<string>? OurSide = null);

public record InteractionCorrected(Guid InteractionId, InteractionChanges Changes, string Reason);

public record InteractionRetracted(Guid InteractionId, string Reason);

public sealed record Correction(InteractionChanges Changes, string Reason);

/// <summary>An interaction with its corrections applied. History stays in the stream; this is the current reading.</summary>
public sealed record Interaction(
    Guid Id, InteractionKind Kind, Guid CampaignId, IReadOnlyList<Guid> ContactIds, IReadOnlyList<string> Themes,
    IReadOnlyList<Guid> DemandIds, string Subject, string? Summary, string? Outcome, string? DocumentRef, string? Location,
    DateOnly HappenedOn, IReadOnlyList<string> OurSide, bool Retracted, string? RetractionReason,
    IReadOnlyList<Correction> Corrections)
{
    public static Interaction Create(LetterSent e) => From(e);
    public static Interaction Create(MeetingHeld e) => From(e);
    public static Interaction Create(CallMade e) => From(e);
    public static Interaction Create(EmailSent e) => From(e);
    public static Interaction Create(HearingAttended e) => From(e);

    public static Interaction From(InteractionRecorded e) =>
        new(e.InteractionId, e.Kind, e.CampaignId, e.ContactIds, e.Themes, e.DemandIds, e.Subject, e.Summary, e.Outcome,
            e.DocumentRef, e.Location, e.HappenedOn, e.OurSide, false, null, []);

    public Interaction Apply(InteractionCorrected e) => With(e.Changes) with
    {
        Corrections = [.. Corrections, new Correction(e.Changes, e.Reason)]
    };

    public Interaction Apply(InteractionRetracted e) => this with { Retracted = true, RetractionReason = e.Reason };

    public Interaction With(InteractionChanges c) => this with
    {
        Subject = c.Subject ?? Subject,
        Summary = c.Summary ?? Summary,
        Outcome = c.Outcome ?? Outcome,
        DocumentRef = c.DocumentRef ?? DocumentRef,
        Location = c.Location ?? Location,
        HappenedOn = c.HappenedOn ?? HappenedOn,
        ContactIds = c.ContactIds ?? ContactIds,
        Themes = c.Themes ?? Themes,
        DemandIds = c.DemandIds ?? DemandIds,
        OurSide = c.OurSide ?? OurSide
    };
}
