namespace Campaigns.FollowUps;

public enum FollowUpKind { ThankYou, Chaser, ImplementationCheck, StaleDemand, Manual, Inbreng }

public enum FollowUpStatus { Open, Done, Cancelled }

public record FollowUpScheduled(
    Guid FollowUpId, FollowUpKind Kind, string Description, DateOnly DueOn, string Assignee, Guid? CampaignId,
    IReadOnlyList<Guid> ContactIds, IReadOnlyList<string> Themes, Guid? DemandId, Guid? OriginInteractionId,
    DateOnly? OriginHappenedOn);

public record FollowUpCompleted(Guid FollowUpId, DateOnly CompletedOn, Guid? ByInteractionId, string? Note);

public record FollowUpCancelled(Guid FollowUpId, string Reason, Guid? ByInteractionId);

public record FollowUpRescheduled(Guid FollowUpId, DateOnly DueOn, string? Reason);

/// <summary>The contacts and themes a follow-up concerns changed with the contact moment it came from.</summary>
public record FollowUpRetargeted(Guid FollowUpId, IReadOnlyList<Guid> ContactIds, IReadOnlyList<string> Themes, string Reason);

/// <summary>The reminder fired on the due day.</summary>
public record FollowUpDue(Guid FollowUpId, DateOnly DueOn, string Assignee);

/// <summary>A working day after the due day, still open.</summary>
public record FollowUpOverdue(Guid FollowUpId, DateOnly DueOn, string Assignee);

/// <summary>Something somebody on our side must still do, and whether the reminders for it have fired.</summary>
public sealed record FollowUp(
    Guid Id, FollowUpKind Kind, string Description, DateOnly DueOn, string Assignee, Guid? CampaignId,
    IReadOnlyList<Guid> ContactIds, IReadOnlyList<string> Themes, Guid? DemandId, Guid? OriginInteractionId,
    DateOnly? OriginHappenedOn, FollowUpStatus Status, DateOnly? DueFiredFor, DateOnly? OverdueFiredFor,
    DateOnly? CompletedOn, Guid? SettledByInteractionId, string? Note)
{
    public static FollowUp Create(FollowUpScheduled e) =>
        new(e.FollowUpId, e.Kind, e.Description, e.DueOn, e.Assignee, e.CampaignId, e.ContactIds, e.Themes, e.DemandId,
            e.OriginInteractionId, e.OriginHappenedOn, FollowUpStatus.Open, null, null, null, null, null);

    public FollowUp Apply(FollowUpCompleted e) =>
        this with { Status = FollowUpStatus.Done, CompletedOn = e.CompletedOn, SettledByInteractionId = e.ByInteractionId, Note = e.Note };

    public FollowUp Apply(FollowUpCancelled e) =>
        this with { Status = FollowUpStatus.Cancelled, SettledByInteractionId = e.ByInteractionId, Note = e.Reason };

    public FollowUp Apply(FollowUpRescheduled e) => this with { DueOn = e.DueOn };

    public FollowUp Apply(FollowUpRetargeted e) => this with { ContactIds = e.ContactIds, Themes = e.Themes };

    public FollowUp Apply(FollowUpDue e) => this with { DueFiredFor = e.DueOn };

    public FollowUp Apply(FollowUpOverdue e) => this with { OverdueFiredFor = e.DueOn };

    public bool IsOpen => Status == FollowUpStatus.Open;
}
