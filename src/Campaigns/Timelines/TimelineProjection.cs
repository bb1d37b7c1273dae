using Campaigns.Campaigns;
using Campaigns.Contacts;
using Campaigns.Demands;
using Campaigns.FollowUps;
using Campaigns.Interactions;
using JasperFx.Events;
using Marten.Events.Projections;

namespace Campaigns.Timelines;

/// <summary>
/// Projects the event log into timeline entries. Inline, so a timeline read straight after a command shows it.
/// Uses only event data and event metadata (never the clock), so a rebuild gives the same entries as live processing.
/// </summary>
public sealed class TimelineProjection : MultiStreamProjection<TimelineEntry, Guid>
{
    public TimelineProjection()
    {
        Identity<InteractionRecorded>(e => e.InteractionId);
        Identity<InteractionCorrected>(e => e.InteractionId);
        Identity<InteractionRetracted>(e => e.InteractionId);
        // Lifecycle facts are entries of their own, keyed by the event.
        Identity<IEvent<DemandFormulated>>(e => e.Id);
        Identity<IEvent<SupportRecorded>>(e => e.Id);
        Identity<IEvent<DemandAdopted>>(e => e.Id);
        Identity<IEvent<DemandRejected>>(e => e.Id);
        Identity<IEvent<DemandWithdrawn>>(e => e.Id);
        Identity<IEvent<ContactRegistered>>(e => e.Id);
        Identity<IEvent<ContactRoleChanged>>(e => e.Id);
        Identity<IEvent<ContactRoleEnded>>(e => e.Id);
        Identity<IEvent<CampaignStarted>>(e => e.Id);
        Identity<IEvent<CampaignClosed>>(e => e.Id);
        // A follow-up is one entry, at its due date, revised as it is rescheduled and settled.
        Identity<FollowUpScheduled>(e => e.FollowUpId);
        Identity<FollowUpRescheduled>(e => e.FollowUpId);
        Identity<FollowUpCompleted>(e => e.FollowUpId);
        Identity<FollowUpCancelled>(e => e.FollowUpId);
        Infrastructure.StoreConfiguration.ForRebuilds(Options);
    }

    public TimelineEntry Create(IEvent<FollowUpScheduled> e) =>
        // Not an interaction entry (InteractionId stays empty): the follow-up is work still to do, not a contact moment.
        TimelineEntry.First(e.Data.FollowUpId, TimelineSummaries.TypeName(e.Data), e.UserName ?? "", null,
            new TimelineRevision(RecordedAt(e), e.Data.DueOn, $"Follow-up voor {e.Data.Assignee}: {e.Data.Description}", e.Data.CampaignId,
                e.Data.Themes, e.Data.ContactIds, e.Data.DemandId is { } d ? [d] : [], [e.Data.Assignee], false, null));

    public TimelineEntry Apply(IEvent<FollowUpRescheduled> e, TimelineEntry entry) =>
        entry.Revise(entry.Revisions[^1] with { RecordedAt = RecordedAt(e), HappenedOn = e.Data.DueOn, Reason = e.Data.Reason });

    public TimelineEntry Apply(IEvent<FollowUpCompleted> e, TimelineEntry entry) =>
        entry.Revise(entry.Revisions[^1] with
        {
            RecordedAt = RecordedAt(e), HappenedOn = e.Data.CompletedOn, Summary = TimelineSummaries.Settled("Follow-up afgerond", entry), Reason = e.Data.Note
        });

    public TimelineEntry Apply(IEvent<FollowUpCancelled> e, TimelineEntry entry) =>
        entry.Revise(entry.Revisions[^1] with
        {
            RecordedAt = RecordedAt(e), Summary = TimelineSummaries.Settled("Follow-up vervallen", entry), Reason = e.Data.Reason
        });

    public TimelineEntry Create(IEvent<LetterSent> e) => Logged(e, e.Data);
    public TimelineEntry Create(IEvent<MeetingHeld> e) => Logged(e, e.Data);
    public TimelineEntry Create(IEvent<CallMade> e) => Logged(e, e.Data);
    public TimelineEntry Create(IEvent<EmailSent> e) => Logged(e, e.Data);
    public TimelineEntry Create(IEvent<HearingAttended> e) => Logged(e, e.Data);

    public TimelineEntry Apply(IEvent<InteractionCorrected> e, TimelineEntry entry)
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

    public TimelineEntry Apply(IEvent<InteractionRetracted> e, TimelineEntry entry) =>
        entry.Revise(entry.Revisions[^1] with { RecordedAt = RecordedAt(e), Retracted = true, Reason = e.Data.Reason });

    public TimelineEntry Create(IEvent<DemandFormulated> e) =>
        Fact(e, e.Data.FormulatedOn, TimelineSummaries.Formulated(e.Data), e.Data.CampaignId, [e.Data.Theme], [], [e.Data.DemandId]);

    public TimelineEntry Create(IEvent<SupportRecorded> e) =>
        Fact(e, e.Data.OccurredOn, TimelineSummaries.Support(e.Data), e.Data.CampaignId, [e.Data.Theme], [e.Data.ContactId], [e.Data.DemandId]);

    public TimelineEntry Create(IEvent<DemandAdopted> e) =>
        Fact(e, e.Data.OccurredOn, TimelineSummaries.Adopted(e.Data), e.Data.CampaignId, [e.Data.Theme], e.Data.CreditedContactIds, [e.Data.DemandId]);

    public TimelineEntry Create(IEvent<DemandRejected> e) =>
        Fact(e, e.Data.OccurredOn, TimelineSummaries.WithNote("Wens afgewezen", e.Data.Note), e.Data.CampaignId, [e.Data.Theme], [], [e.Data.DemandId]);

    public TimelineEntry Create(IEvent<DemandWithdrawn> e) =>
        Fact(e, e.Data.OccurredOn, TimelineSummaries.WithNote("Wens ingetrokken", e.Data.Note), e.Data.CampaignId, [e.Data.Theme], [], [e.Data.DemandId]);

    public TimelineEntry Create(IEvent<ContactRegistered> e) =>
        Fact(e, e.Data.EffectiveOn, $"Contactpersoon vastgelegd: {e.Data.Name}, {TimelineSummaries.Kind(e.Data.Kind)} ({e.Data.Organisation})", null, [], [e.Data.ContactId], []);

    public TimelineEntry Create(IEvent<ContactRoleChanged> e) =>
        Fact(e, e.Data.EffectiveOn, $"Nieuwe rol: {TimelineSummaries.Kind(e.Data.Kind)} ({e.Data.Organisation})", null, [], [e.Data.ContactId], []);

    public TimelineEntry Create(IEvent<ContactRoleEnded> e) =>
        Fact(e, e.Data.EffectiveOn, TimelineSummaries.WithNote("Rol beëindigd", e.Data.Reason), null, [], [e.Data.ContactId], []);

    public TimelineEntry Create(IEvent<CampaignStarted> e) =>
        Fact(e, e.Data.StartsOn, $"Campagne gestart: {e.Data.Name}", e.Data.CampaignId, e.Data.Themes, [], []);

    public TimelineEntry Create(IEvent<CampaignClosed> e) =>
        Fact(e, e.Data.ClosedOn, TimelineSummaries.WithNote("Campagne gesloten", e.Data.Note), e.Data.CampaignId, [], [], []);

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
