using Campaigns.Campaigns;
using Campaigns.Contacts;
using Campaigns.Demands;
using Campaigns.FollowUps;
using Campaigns.Interactions;
using JasperFx.Events;
using Marten.Events.Projections;

namespace Campaigns.Timelines;

/// <summary>
/// What each event does to its timeline entry: the Wolverine handlers of the timeline subscription
/// (<see cref="TimelineSubscription"/>). Pure: event data and metadata only, never the clock, so a rebuild gives the same
/// entries as live processing.
/// </summary>
public static class TimelineHandlers
{
    /// <summary>The event types that put something on a timeline.</summary>
    public static readonly IReadOnlyList<Type> EventTypes =
    [
        typeof(LetterSent), typeof(MeetingHeld), typeof(CallMade), typeof(EmailSent), typeof(HearingAttended),
        typeof(InteractionCorrected), typeof(InteractionRetracted),
        typeof(DemandFormulated), typeof(DemandCorrected), typeof(SupportRecorded), typeof(DemandAdopted), typeof(DemandAdoptionRetracted),
        typeof(DemandRejected), typeof(DemandWithdrawn), typeof(ContactRegistered), typeof(ContactRoleChanged), typeof(ContactRoleEnded), typeof(CampaignStarted), typeof(CampaignCorrected), typeof(CampaignClosed),
        typeof(FollowUpScheduled), typeof(FollowUpRescheduled), typeof(FollowUpRetargeted), typeof(FollowUpCompleted), typeof(FollowUpCancelled),
        typeof(Parliament.ParliamentItemLinked), typeof(Parliament.WrittenQuestionsNoted)
    ];

    /// <summary>The <c>eventType</c> an entry can have: the types of the events that start an entry, not of those that revise one.</summary>
    public static readonly IReadOnlySet<string> EntryTypeNames = EventTypes
        .Except([typeof(InteractionCorrected), typeof(InteractionRetracted), typeof(FollowUpRescheduled), typeof(FollowUpRetargeted),
            typeof(FollowUpCompleted), typeof(FollowUpCancelled), typeof(DemandAdoptionRetracted)])
        .Select(TimelineSummaries.TypeName).ToHashSet();

    /// <summary>
    /// The entry an event belongs to. An interaction, with its corrections, is one entry; so is a follow-up with its
    /// reschedules and settlement. Lifecycle facts are entries of their own, keyed by the event.
    /// </summary>
    public static Guid? EntryId(IEvent e) => e.Data switch
    {
        InteractionRecorded r => r.InteractionId,
        InteractionCorrected c => c.InteractionId,
        InteractionRetracted r => r.InteractionId,
        FollowUpScheduled f => f.FollowUpId,
        FollowUpRescheduled f => f.FollowUpId,
        FollowUpRetargeted f => f.FollowUpId,
        FollowUpCompleted f => f.FollowUpId,
        FollowUpCancelled f => f.FollowUpId,
        DemandAdoptionRetracted r => r.AdoptedEventId,
        DemandFormulated or DemandCorrected or SupportRecorded or DemandAdopted or DemandRejected or DemandWithdrawn
            or ContactRegistered or ContactRoleChanged or ContactRoleEnded or CampaignStarted or CampaignCorrected or CampaignClosed
            or Parliament.ParliamentItemLinked or Parliament.WrittenQuestionsNoted => e.Id,
        _ => null
    };

    /// <summary>The entry after the event; null when the event revises an entry that does not exist.</summary>
    public static TimelineEntry? Project(IEvent e, TimelineEntry? entry) => (e, entry) switch
    {
        (IEvent<LetterSent> x, _) => Create(x),
        (IEvent<MeetingHeld> x, _) => Create(x),
        (IEvent<CallMade> x, _) => Create(x),
        (IEvent<EmailSent> x, _) => Create(x),
        (IEvent<HearingAttended> x, _) => Create(x),
        (IEvent<DemandFormulated> x, _) => Create(x),
        (IEvent<DemandCorrected> x, _) => Create(x),
        (IEvent<SupportRecorded> x, _) => Create(x),
        (IEvent<DemandAdopted> x, _) => Create(x),
        (IEvent<DemandRejected> x, _) => Create(x),
        (IEvent<DemandWithdrawn> x, _) => Create(x),
        (IEvent<ContactRegistered> x, _) => Create(x),
        (IEvent<ContactRoleChanged> x, _) => Create(x),
        (IEvent<ContactRoleEnded> x, _) => Create(x),
        (IEvent<CampaignStarted> x, _) => Create(x),
        (IEvent<CampaignCorrected> x, _) => Create(x),
        (IEvent<CampaignClosed> x, _) => Create(x),
        (IEvent<Parliament.ParliamentItemLinked> x, _) => Create(x),
        (IEvent<Parliament.WrittenQuestionsNoted> x, _) => Create(x),
        (IEvent<FollowUpScheduled> x, _) => Create(x),
        (IEvent<InteractionCorrected> x, { } current) => Apply(x, current),
        (IEvent<InteractionRetracted> x, { } current) => Apply(x, current),
        (IEvent<FollowUpRescheduled> x, { } current) => Apply(x, current),
        (IEvent<FollowUpRetargeted> x, { } current) => Apply(x, current),
        (IEvent<FollowUpCompleted> x, { } current) => Apply(x, current),
        (IEvent<FollowUpCancelled> x, { } current) => Apply(x, current),
        (IEvent<DemandAdoptionRetracted> x, { } current) => Apply(x, current),
        _ => entry
    };

    public static TimelineEntry Create(IEvent<FollowUpScheduled> e) =>
        // Not an interaction entry (InteractionId stays empty): the follow-up is work still to do, not a contact moment.
        TimelineEntry.First(e.Data.FollowUpId, TimelineSummaries.TypeName(e.Data), e.UserName ?? "", null,
            new TimelineRevision(RecordedAt(e), e.Data.DueOn, $"Follow-up voor {e.Data.Assignee}: {e.Data.Description}", e.Data.CampaignId,
                e.Data.Themes, e.Data.ContactIds, e.Data.DemandId is { } d ? [d] : [], [e.Data.Assignee], false, null));

    public static TimelineEntry Apply(IEvent<FollowUpRescheduled> e, TimelineEntry entry) =>
        entry.Revise(entry.Revisions[^1] with { RecordedAt = RecordedAt(e), HappenedOn = e.Data.DueOn, Reason = e.Data.Reason });

    public static TimelineEntry Apply(IEvent<FollowUpRetargeted> e, TimelineEntry entry) =>
        entry.Revise(entry.Revisions[^1] with
        {
            RecordedAt = RecordedAt(e), ContactIds = e.Data.ContactIds, Themes = e.Data.Themes, Reason = e.Data.Reason
        });

    public static TimelineEntry Apply(IEvent<FollowUpCompleted> e, TimelineEntry entry) =>
        entry.Revise(entry.Revisions[^1] with
        {
            RecordedAt = RecordedAt(e), HappenedOn = e.Data.CompletedOn, Summary = TimelineSummaries.Settled("Follow-up afgerond", entry), Reason = e.Data.Note
        });

    /// <summary>
    /// A follow-up dropped before it fell due is history from the day it was dropped: left on its due day, it stood at the
    /// top of the history with a date still to come. One dropped when overdue stays on its due day.
    /// </summary>
    public static TimelineEntry Apply(IEvent<FollowUpCancelled> e, TimelineEntry entry)
    {
        var last = entry.Revisions[^1];
        var cancelledOn = DayOf(e);
        return entry.Revise(last with
        {
            RecordedAt = RecordedAt(e), HappenedOn = last.HappenedOn > cancelledOn ? cancelledOn : last.HappenedOn,
            Summary = TimelineSummaries.Settled("Follow-up vervallen", entry), Reason = e.Data.Reason
        });
    }

    public static TimelineEntry Create(IEvent<LetterSent> e) => Logged(e, e.Data);
    public static TimelineEntry Create(IEvent<MeetingHeld> e) => Logged(e, e.Data);
    public static TimelineEntry Create(IEvent<CallMade> e) => Logged(e, e.Data);
    public static TimelineEntry Create(IEvent<EmailSent> e) => Logged(e, e.Data);
    public static TimelineEntry Create(IEvent<HearingAttended> e) => Logged(e, e.Data);

    public static TimelineEntry Apply(IEvent<InteractionCorrected> e, TimelineEntry entry)
    {
        var c = e.Data.Changes;
        var last = entry.Revisions[^1];
        return entry.Revise(last with
        {
            RecordedAt = RecordedAt(e),
            HappenedOn = c.HappenedOn ?? last.HappenedOn,
            Summary = c.Subject is null ? last.Summary : TimelineSummaries.Interaction(entry.EventType, c.Subject),
            Themes = c.Themes ?? last.Themes,
            ContactIds = c.ContactIds ?? last.ContactIds,
            DemandIds = c.DemandIds ?? last.DemandIds,
            OurSide = c.OurSide ?? last.OurSide,
            Reason = e.Data.Reason
        });
    }

    public static TimelineEntry Apply(IEvent<InteractionRetracted> e, TimelineEntry entry) =>
        entry.Revise(entry.Revisions[^1] with { RecordedAt = RecordedAt(e), Retracted = true, Reason = e.Data.Reason });

    public static TimelineEntry Create(IEvent<DemandFormulated> e) =>
        Fact(e, e.Data.FormulatedOn, TimelineSummaries.Formulated(e.Data), e.Data.CampaignId, [e.Data.Theme], [], [e.Data.DemandId]);

    /// <summary>On the day it was recorded (Amsterdam time): a correction of the wording happened then, not when the demand was formulated.</summary>
    public static TimelineEntry Create(IEvent<DemandCorrected> e) =>
        Fact(e, DayOf(e), TimelineSummaries.Corrected(e.Data),
            e.Data.CampaignId, [e.Data.Theme], [], [e.Data.DemandId]);

    public static TimelineEntry Create(IEvent<SupportRecorded> e) =>
        Fact(e, e.Data.OccurredOn, TimelineSummaries.Support(e.Data), e.Data.CampaignId, [e.Data.Theme], [e.Data.ContactId], [e.Data.DemandId]);

    public static TimelineEntry Create(IEvent<DemandAdopted> e) =>
        Fact(e, e.Data.OccurredOn, TimelineSummaries.Adopted(e.Data), e.Data.CampaignId, [e.Data.Theme], e.Data.CreditedContactIds, [e.Data.DemandId]);

    /// <summary>A retracted adoption leaves the timelines as a retracted contact moment does: shown on request, with the reason.</summary>
    public static TimelineEntry Apply(IEvent<DemandAdoptionRetracted> e, TimelineEntry entry) =>
        entry.Revise(entry.Revisions[^1] with { RecordedAt = RecordedAt(e), Retracted = true, Reason = e.Data.Reason });

    public static TimelineEntry Create(IEvent<DemandRejected> e) =>
        Fact(e, e.Data.OccurredOn, TimelineSummaries.WithNote("Wens afgewezen", e.Data.Note), e.Data.CampaignId, [e.Data.Theme], [], [e.Data.DemandId]);

    public static TimelineEntry Create(IEvent<DemandWithdrawn> e) =>
        Fact(e, e.Data.OccurredOn, TimelineSummaries.WithNote("Wens ingetrokken", e.Data.Note), e.Data.CampaignId, [e.Data.Theme], [], [e.Data.DemandId]);

    public static TimelineEntry Create(IEvent<ContactRegistered> e) =>
        Fact(e, e.Data.EffectiveOn, $"Contactpersoon vastgelegd: {e.Data.Name}, {TimelineSummaries.Kind(e.Data.Kind)} ({e.Data.Organisation})", null, [], [e.Data.ContactId], []);

    public static TimelineEntry Create(IEvent<ContactRoleChanged> e) =>
        Fact(e, e.Data.EffectiveOn, $"Nieuwe rol: {TimelineSummaries.Kind(e.Data.Kind)} ({e.Data.Organisation})", null, [], [e.Data.ContactId], []);

    public static TimelineEntry Create(IEvent<ContactRoleEnded> e) =>
        Fact(e, e.Data.EffectiveOn, TimelineSummaries.WithNote("Rol beëindigd", e.Data.Reason), null, [], [e.Data.ContactId], []);

    public static TimelineEntry Create(IEvent<CampaignStarted> e) =>
        Fact(e, e.Data.StartsOn, $"Campagne gestart: {e.Data.Name}", e.Data.CampaignId, e.Data.Themes, [], []);

    public static TimelineEntry Create(IEvent<CampaignCorrected> e) =>
        Fact(e, DayOf(e), TimelineSummaries.WithNote(e.Data.Changes.Name is { } name ? $"Campagne aangepast: {name}" : "Campagne aangepast", e.Data.Reason),
            e.Data.CampaignId, e.Data.Changes.Themes ?? [], [], []);

    public static TimelineEntry Create(IEvent<CampaignClosed> e) =>
        Fact(e, e.Data.ClosedOn, TimelineSummaries.WithNote("Campagne gesloten", e.Data.Note), e.Data.CampaignId, [], [], []);

    /// <summary>On the demand's timeline (and its theme's and campaign's): a motie, or a toezegging with its DatumNakoming.</summary>
    public static TimelineEntry Create(IEvent<Parliament.ParliamentItemLinked> e) =>
        Fact(e, e.Data.LinkedOn,
            $"Gekoppeld aan de Kamer: {e.Data.Soort} {e.Data.Nummer}: {e.Data.Titel}" + (e.Data.DueOn is { } due ? $" (nakoming uiterlijk {Web.Dutch.Date(due)})" : ""),
            e.Data.CampaignId, [e.Data.Theme], [], [e.Data.DemandId]);

    /// <summary>Kamervragen on the theme, with the indieners we know as contacts.</summary>
    public static TimelineEntry Create(IEvent<Parliament.WrittenQuestionsNoted> e) =>
        Fact(e, e.Data.AskedOn ?? DateOnly.FromDateTime(e.Timestamp.UtcDateTime),
            $"Kamervragen {e.Data.Nummer}: {e.Data.Onderwerp}" + (e.Data.Indieners.Count > 0 ? $" (indiener: {string.Join(", ", e.Data.Indieners)})" : ""),
            null, [e.Data.Slug], e.Data.ContactIds, []);

    /// <summary>The day the event was recorded, in Amsterdam.</summary>
    private static DateOnly DayOf(IEvent e) => Web.Dutch.Day(e.Timestamp);

    /// <summary>PostgreSQL keeps microseconds; rounding here makes live and rebuilt entries equal to the tick.</summary>
    private static DateTimeOffset RecordedAt(IEvent e) => new(e.Timestamp.Ticks - e.Timestamp.Ticks % 10, e.Timestamp.Offset);

    private static TimelineEntry Logged(IEvent e, InteractionRecorded data)
    {
        var type = TimelineSummaries.TypeName(e.Data);
        return TimelineEntry.First(data.InteractionId, type, e.UserName ?? "", data.InteractionId, new TimelineRevision(
            RecordedAt(e), data.HappenedOn, TimelineSummaries.Interaction(type, data.Subject), data.CampaignId, data.Themes,
            data.ContactIds, data.DemandIds, data.OurSide, false, null));
    }

    private static TimelineEntry Fact(IEvent e, DateOnly happenedOn, string summary, Guid? campaignId,
        IReadOnlyList<string> themes, IReadOnlyList<Guid> contactIds, IReadOnlyList<Guid> demandIds) =>
        TimelineEntry.First(e.Id, TimelineSummaries.TypeName(e.Data), e.UserName ?? "", null,
            new TimelineRevision(RecordedAt(e), happenedOn, summary, campaignId, themes, contactIds, demandIds, [], false, null));
}
