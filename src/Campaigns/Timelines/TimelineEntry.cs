namespace Campaigns.Timelines;

/// <summary>How an entry read at one moment; every correction or retraction adds one.</summary>
public sealed record TimelineRevision(
    DateTimeOffset RecordedAt, DateOnly HappenedOn, string Summary, Guid? CampaignId, IReadOnlyList<string> Themes,
    IReadOnlyList<Guid> ContactIds, IReadOnlyList<Guid> DemandIds, IReadOnlyList<string> OurSide, bool Retracted, string? Reason);

/// <summary>
/// One line on the timelines: an interaction (with its corrections folded in) or a lifecycle fact of a demand, contact
/// or campaign. One document serves the theme, contact, campaign and demand timelines through its key lists.
/// </summary>
public sealed record TimelineEntry(
    Guid Id, string EventType, string ActingUser, Guid? InteractionId, DateTimeOffset RecordedAt,
    DateOnly HappenedOn, DateTimeOffset LastRecordedAt, string Summary, Guid? CampaignId, IReadOnlyList<string> Themes,
    IReadOnlyList<Guid> ContactIds, IReadOnlyList<Guid> DemandIds, IReadOnlyList<string> OurSide, bool Retracted,
    string? RetractionReason, IReadOnlyList<TimelineRevision> Revisions,
    // Every key the entry ever had, so that a look back in time finds it even after a correction moved it.
    IReadOnlyList<string> EverThemes, IReadOnlyList<Guid> EverContactIds, IReadOnlyList<Guid> EverDemandIds, IReadOnlyList<Guid> EverCampaignIds)
{
    /// <summary>The log position of the last event folded in: a replayed event at or before it changes nothing.</summary>
    public long Position { get; init; }

    public static TimelineEntry First(Guid id, string eventType, string actingUser, Guid? interactionId, TimelineRevision revision) =>
        new(id, eventType, actingUser, interactionId, revision.RecordedAt, revision.HappenedOn, revision.RecordedAt,
            revision.Summary, revision.CampaignId, revision.Themes, revision.ContactIds, revision.DemandIds, revision.OurSide, revision.Retracted,
            revision.Reason, [revision], revision.Themes, revision.ContactIds, revision.DemandIds,
            revision.CampaignId is { } c ? [c] : []);

    public TimelineEntry Revise(TimelineRevision revision) => this with
    {
        LastRecordedAt = revision.RecordedAt,
        HappenedOn = revision.HappenedOn,
        Summary = revision.Summary,
        CampaignId = revision.CampaignId,
        Themes = revision.Themes,
        ContactIds = revision.ContactIds,
        DemandIds = revision.DemandIds,
        OurSide = revision.OurSide,
        Retracted = revision.Retracted,
        RetractionReason = revision.Retracted ? revision.Reason : null,
        Revisions = [.. Revisions, revision],
        EverThemes = EverThemes.Union(revision.Themes).ToList(),
        EverContactIds = EverContactIds.Union(revision.ContactIds).ToList(),
        EverDemandIds = EverDemandIds.Union(revision.DemandIds).ToList(),
        EverCampaignIds = revision.CampaignId is { } c ? EverCampaignIds.Union([c]).ToList() : EverCampaignIds
    };

    /// <summary>The entry as it read at <paramref name="asOf"/>; null if it had not been recorded yet.</summary>
    public TimelineEntry? AsOf(DateTimeOffset asOf)
    {
        var known = Revisions.Where(r => r.RecordedAt <= asOf).ToList();
        if (known.Count == 0) return null;
        var then = known[^1];
        return this with
        {
            LastRecordedAt = then.RecordedAt, HappenedOn = then.HappenedOn, Summary = then.Summary, CampaignId = then.CampaignId,
            Themes = then.Themes, ContactIds = then.ContactIds, DemandIds = then.DemandIds, OurSide = then.OurSide, Retracted = then.Retracted,
            RetractionReason = then.Retracted ? then.Reason : null, Revisions = known
        };
    }
}
