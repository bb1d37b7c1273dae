using System.Security.Cryptography;
using System.Text;
using Campaigns.Contacts;
using Campaigns.Demands;
using Campaigns.Interactions;

namespace Campaigns.FollowUps;

/// <summary>The team's follow-up rules, each on by default (configuration section <c>Campaigns:FollowUps</c>).</summary>
public sealed class FollowUpPolicyOptions
{
    public const string Section = "Campaigns:FollowUps";

    public bool ThankYouAfterMeeting { get; set; } = true;
    public int ThankYouWorkingDays { get; set; } = 3;
    public bool ChaseUnansweredLetters { get; set; } = true;
    public int ChaserDays { get; set; } = 14;
    public List<ContactKind> ChaserContactKinds { get; set; } = [ContactKind.Informateur, ContactKind.Kamerlid, ContactKind.Minister];
    public bool CheckImplementationAfterAdoption { get; set; } = true;
    public int ImplementationCheckDays { get; set; } = 90;
    public bool FlagUntouchedDemands { get; set; } = true;
    public int UntouchedDemandDays { get; set; } = 30;
    /// <summary>Reminders fire at this time of day in <see cref="TimeZone"/> on the due day.</summary>
    public TimeOnly ReminderTime { get; set; } = new(9, 0);
    public string TimeZone { get; set; } = "Europe/Amsterdam";

    public DateTimeOffset ReminderAt(DateOnly day)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        var local = day.ToDateTime(ReminderTime);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    public DateOnly Today(TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(TimeZone)).DateTime);
}

/// <summary>Pure decisions: which follow-ups a fact calls for, and which open ones it settles.</summary>
public static class FollowUpPolicies
{
    /// <summary>Whether <see cref="AfterInteraction"/> needs the contacts (their roles): only to chase a letter.</summary>
    public static bool ReadsContacts(InteractionRecorded recorded, FollowUpPolicyOptions options) =>
        recorded is LetterSent && options.ChaseUnansweredLetters;

    public static IReadOnlyList<FollowUpScheduled> AfterInteraction(
        InteractionRecorded recorded, IReadOnlyList<Contact> contacts, string loggedBy, FollowUpPolicyOptions options)
    {
        var scheduled = new List<FollowUpScheduled>();
        if (recorded is MeetingHeld && options.ThankYouAfterMeeting)
            scheduled.Add(For(recorded, FollowUpKind.ThankYou, $"Bedankbrief en verslag sturen: {recorded.Subject}",
                WorkingDays.Add(recorded.HappenedOn, options.ThankYouWorkingDays), loggedBy, recorded.ContactIds));

        if (ReadsContacts(recorded, options))
        {
            var chased = contacts
                .Where(c => c.RoleOn(recorded.HappenedOn)?.Kind is { } kind && options.ChaserContactKinds.Contains(kind))
                .Select(c => c.Id).ToList();
            if (chased.Count > 0)
                scheduled.Add(For(recorded, FollowUpKind.Chaser, $"Nabellen als de brief onbeantwoord blijft: {recorded.Subject}",
                    recorded.HappenedOn.AddDays(options.ChaserDays), loggedBy, chased));
        }
        return scheduled;
    }

    /// <summary>The ids of the follow-ups <see cref="AfterInteraction"/> can start for a contact moment, known before it decides.</summary>
    public static Guid[] AfterInteractionIds(InteractionRecorded recorded) =>
        [IdFor(recorded.InteractionId, FollowUpKind.ThankYou.ToString()), IdFor(recorded.InteractionId, FollowUpKind.Chaser.ToString())];

    /// <summary>A later contact with the same person on the same campaign makes a chaser pointless.</summary>
    public static IReadOnlyList<FollowUpCancelled> SettledBy(InteractionRecorded recorded, IEnumerable<FollowUp> openChasers) =>
        openChasers
            .Where(f => f is { Kind: FollowUpKind.Chaser, IsOpen: true } && f.CampaignId == recorded.CampaignId
                        && f.OriginInteractionId != recorded.InteractionId
                        && f.OriginHappenedOn < recorded.HappenedOn && f.ContactIds.Intersect(recorded.ContactIds).Any())
            .Select(f => new FollowUpCancelled(f.Id, $"Later contact op {recorded.HappenedOn:yyyy-MM-dd}: {recorded.Subject}", recorded.InteractionId))
            .ToList();

    /// <param name="adoptedAt">The version of the adoption on the demand's stream: each adoption gets a check of its own.</param>
    public static FollowUpScheduled? AfterAdoption(DemandAdopted adopted, long adoptedAt, Demand demand, string adoptedBy, FollowUpPolicyOptions options) =>
        !options.CheckImplementationAfterAdoption
            ? null
            : new FollowUpScheduled(ImplementationCheckId(adopted.DemandId, adopted.OccurredOn, adoptedAt), FollowUpKind.ImplementationCheck,
                $"Uitvoering controleren van wens {demand.Code ?? demand.Text}", adopted.OccurredOn.AddDays(options.ImplementationCheckDays),
                adoptedBy, adopted.CampaignId, adopted.CreditedContactIds, [adopted.Theme], adopted.DemandId, null, adopted.OccurredOn);

    /// <summary>
    /// The implementation check of one adoption, found again when the adoption is retracted. The stream version keeps a
    /// second adoption on the same day (after a retraction, or in part) apart from the first.
    /// </summary>
    public static Guid ImplementationCheckId(Guid demandId, DateOnly adoptedOn, long adoptedAt) =>
        IdFor(demandId, $"implementation:{adoptedOn:O}@{adoptedAt}");

    /// <summary>The id of an adoption's implementation check before it carried the stream version.</summary>
    public static Guid LegacyImplementationCheckId(Guid demandId, DateOnly adoptedOn) => IdFor(demandId, $"implementation:{adoptedOn:O}");

    /// <summary>Whether a demand can still lie untouched: it is flagged only while nobody settled it.</summary>
    public static bool Watched(Demand demand, FollowUpPolicyOptions options) =>
        options.FlagUntouchedDemands && demand.ClosedOn is null
        && demand.Status is not (DemandStatus.Adopted or DemandStatus.Withdrawn or DemandStatus.Rejected);

    /// <summary>
    /// When the untouched-demand check for a mention on <paramref name="raisedOn"/> falls due. One check per demand is
    /// pending at a time: a mention while it waits only moves its day (see <see cref="UntouchedDemand"/>).
    /// </summary>
    public static DateTimeOffset ActivityCheckAt(DateOnly raisedOn, FollowUpPolicyOptions options) =>
        options.ReminderAt(raisedOn.AddDays(options.UntouchedDemandDays));

    /// <summary>
    /// What a demand's pending check decides, counting from the mention day it was scheduled for: a mention on a later
    /// day moves the check to that day's waiting period; otherwise the latest mention was the last one for the whole
    /// period, and somebody should pick the demand up again.
    /// </summary>
    public static (DateOnly? CheckAgainFrom, FollowUpScheduled? Flag) UntouchedDemand(Demand demand, DateOnly checkedFrom, FollowUpPolicyOptions options)
    {
        if (!Watched(demand, options)) return (null, null);
        var latest = demand.LatestMention
                     ?? (demand.LastRaisedByInteractionId is { } id ? new DemandMention(id, checkedFrom, null) : null);
        if (latest is null) return (null, null);
        if (latest.On > checkedFrom) return (latest.On, null);
        return (null, new FollowUpScheduled(IdFor(demand.Id, $"untouched:{latest.InteractionId}"), FollowUpKind.StaleDemand,
            $"Wens {demand.Code ?? demand.Text} ligt al {options.UntouchedDemandDays} dagen stil",
            latest.On.AddDays(options.UntouchedDemandDays), latest.By ?? FollowUpReminderHandler.Actor, demand.CampaignId, [], [demand.Theme],
            demand.Id, latest.InteractionId, latest.On));
    }

    /// <summary>
    /// A follow-up keeps its distance to the contact moment it came from (three working days for a thank-you, fourteen
    /// days for a chaser) when that moment's day is corrected. Null when the day did not move.
    /// </summary>
    public static DateOnly? DueAfterCorrection(FollowUp followUp, DateOnly? happenedOn) =>
        happenedOn is { } day && followUp.OriginHappenedOn is { } was && day != was
            ? followUp.Kind == FollowUpKind.ThankYou
                ? WorkingDays.Add(day, WorkingDays.Between(was, followUp.DueOn))
                : followUp.DueOn.AddDays(day.DayNumber - was.DayNumber)
            : null;

    /// <summary>Policy follow-ups have ids derived from what caused them, so a replayed fact cannot schedule twice.</summary>
    public static Guid IdFor(Guid origin, string purpose)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"follow-up:{origin}:{purpose}"));
        return new Guid(hash.AsSpan(0, 16));
    }

    private static FollowUpScheduled For(InteractionRecorded recorded, FollowUpKind kind, string description, DateOnly dueOn,
        string assignee, IReadOnlyList<Guid> contactIds) =>
        new(IdFor(recorded.InteractionId, kind.ToString()), kind, description, dueOn, assignee, recorded.CampaignId, contactIds,
            recorded.Themes, null, recorded.InteractionId, recorded.HappenedOn);
}
