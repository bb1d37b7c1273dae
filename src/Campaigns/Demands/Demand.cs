namespace Campaigns.Demands;

public enum Stance { Supports, Neutral, Opposes }

public enum AdoptionVenue { CoalitionAgreement, PartyProgramme, Motion, Budget, Law, Policy, Other }

public enum DemandStatus { Formulated, Raised, Supported, Adopted, Rejected, Withdrawn }

public record DemandFormulated(
    Guid DemandId, Guid CampaignId, string Theme, string Text, string? Code, string? Target, string? Source, DateOnly FormulatedOn);

/// <summary>An interaction mentioned the demand. Appended by the interaction itself, so every mention is on the demand's stream.</summary>
public record DemandRaised(Guid DemandId, Guid InteractionId, DateOnly RaisedOn, IReadOnlyList<Guid> ContactIds);

/// <summary>
/// A contact moment no longer mentions the demand: it was retracted, or corrected without it. Carries what the demand's
/// mentions come to without it, so that the first and latest mention need no replay of the stream to fold.
/// </summary>
public record DemandMentionWithdrawn(Guid DemandId, Guid InteractionId, int RemainingMentions, DateOnly? FirstRaisedOn, DemandMention? LatestMention);

/// <summary>
/// A correction moved a mentioning contact moment to another day. Carries the demand's first and latest mention after the
/// move, as <see cref="DemandMentionWithdrawn"/> does.
/// </summary>
public record DemandMentionRedated(Guid DemandId, Guid InteractionId, DateOnly RaisedOn, DateOnly? FirstRaisedOn, DemandMention? LatestMention);

public record SupportRecorded(Guid DemandId, Guid CampaignId, string Theme, Guid ContactId, Stance Stance, string? Note, DateOnly OccurredOn);

public record DemandAdopted(
    Guid DemandId, Guid CampaignId, string Theme, AdoptionVenue Venue, string? Reference, bool Partial, DateOnly OccurredOn, string? Note,
    IReadOnlyList<Guid> CreditedInteractionIds, IReadOnlyList<Guid> CreditedContactIds);

public record DemandRejected(Guid DemandId, Guid CampaignId, string Theme, DateOnly OccurredOn, string? Note);

public record DemandWithdrawn(Guid DemandId, Guid CampaignId, string Theme, DateOnly OccurredOn, string? Note);

/// <summary>A contact moment that mentioned the demand: which, on what day, logged by whom.</summary>
public sealed record DemandMention(Guid InteractionId, DateOnly On, string? By);

public sealed record SupportStance(Guid ContactId, Stance Stance, string? Note, DateOnly OccurredOn);

public sealed record Adoption(
    AdoptionVenue Venue, string? Reference, bool Partial, DateOnly OccurredOn, string? Note,
    IReadOnlyList<Guid> CreditedInteractionIds, IReadOnlyList<Guid> CreditedContactIds);

/// <summary>A concrete ask ("wens") on one theme within a campaign, and how far it got.</summary>
public sealed record Demand(
    Guid Id, Guid CampaignId, string Theme, string Text, string? Code, string? Target, string? Source,
    DateOnly FormulatedOn, DemandStatus Status, DateOnly? FirstRaisedOn, int TimesRaised,
    Guid? LastRaisedByInteractionId, IReadOnlyList<SupportStance> Support,
    IReadOnlyList<Adoption> Adoptions, DateOnly? ClosedOn)
{
    /// <summary>Kamer items (TK ids) a manager linked to the demand.</summary>
    public IReadOnlyList<Guid> ParliamentLinks { get; init; } = [];

    /// <summary>Proposed Kamer items a manager dismissed.</summary>
    public IReadOnlyList<Guid> ParliamentDismissed { get; init; } = [];

    /// <summary>The mention with the latest day (the later logged one on a tie): the untouched-demand check counts from it.</summary>
    public DemandMention? LatestMention { get; init; }

    public Demand Apply(Parliament.ParliamentItemLinked e) =>
        this with { ParliamentLinks = [.. ParliamentLinks, e.TkId], ParliamentDismissed = [.. ParliamentDismissed.Where(id => id != e.TkId)] };

    public Demand Apply(Parliament.ParliamentProposalDismissed e) => this with { ParliamentDismissed = [.. ParliamentDismissed, e.TkId] };

    public static Demand Create(DemandFormulated e) =>
        new(e.DemandId, e.CampaignId, e.Theme, e.Text, e.Code, e.Target, e.Source, e.FormulatedOn,
            DemandStatus.Formulated, null, 0, null, [], [], null);

    public Demand Apply(IEvent<DemandRaised> raised) => Raised(raised.Data) with
    {
        LatestMention = LatestMention is { } latest && latest.On > raised.Data.RaisedOn
            ? latest
            : new DemandMention(raised.Data.InteractionId, raised.Data.RaisedOn, raised.UserName)
    };

    private Demand Raised(DemandRaised e) => this with
    {
        Status = Status == DemandStatus.Formulated ? DemandStatus.Raised : Status,
        FirstRaisedOn = FirstRaisedOn is { } first && first <= e.RaisedOn ? first : e.RaisedOn,
        TimesRaised = TimesRaised + 1,
        // Only the latest mention: the demand timeline lists them all, and the snapshot stays small however often it is raised.
        LastRaisedByInteractionId = e.InteractionId
    };

    public Demand Apply(DemandMentionWithdrawn e) => this with
    {
        Status = Status == DemandStatus.Raised && e.RemainingMentions == 0 ? DemandStatus.Formulated : Status,
        TimesRaised = e.RemainingMentions,
        FirstRaisedOn = e.FirstRaisedOn,
        LatestMention = e.LatestMention,
        LastRaisedByInteractionId = e.LatestMention?.InteractionId
    };

    public Demand Apply(DemandCorrected e) => this with
    {
        Text = e.Changes.Text ?? Text,
        Code = e.Changes.Code is { } code ? Check.Blank(code) : Code,
        Target = e.Changes.Target is { } target ? Check.Blank(target) : Target,
        Source = e.Changes.Source is { } source ? Check.Blank(source) : Source
    };

    public Demand Apply(DemandMentionRedated e) => this with
    {
        FirstRaisedOn = e.FirstRaisedOn,
        LatestMention = e.LatestMention,
        LastRaisedByInteractionId = e.LatestMention?.InteractionId
    };

    public Demand Apply(SupportRecorded e) => this with
    {
        Status = Status is DemandStatus.Formulated or DemandStatus.Raised ? DemandStatus.Supported : Status,
        Support = [.. Support.Where(s => s.ContactId != e.ContactId), new SupportStance(e.ContactId, e.Stance, e.Note, e.OccurredOn)]
    };

    public Demand Apply(DemandAdopted e) => this with
    {
        Status = DemandStatus.Adopted,
        Adoptions = [.. Adoptions, new Adoption(e.Venue, e.Reference, e.Partial, e.OccurredOn, e.Note, e.CreditedInteractionIds, e.CreditedContactIds)],
        ClosedOn = e.Partial ? ClosedOn : e.OccurredOn
    };

    /// <summary>Without its latest adoption, the demand reads as its other steps left it (DemandStreams.Fold).</summary>
    public Demand Apply(DemandAdoptionRetracted e) => this with
    {
        Adoptions = Adoptions.Take(Adoptions.Count - 1).ToList(), Status = e.Status, ClosedOn = e.ClosedOn
    };

    public Demand Apply(DemandRejected e) => this with { Status = DemandStatus.Rejected, ClosedOn = e.OccurredOn };

    public Demand Apply(DemandWithdrawn e) => this with { Status = DemandStatus.Withdrawn, ClosedOn = e.OccurredOn };

    public bool IsFullyAdopted => Status == DemandStatus.Adopted && Adoptions.Count > 0 && !Adoptions[^1].Partial;
}
