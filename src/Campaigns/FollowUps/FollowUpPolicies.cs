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

    /// <summary>A later contact with the same person on the same campaign makes a chaser pointless.</summary>
    public static IReadOnlyList<FollowUpCancelled> SettledBy(InteractionRecorded recorded, IEnumerable<FollowUp> openChasers) =>
        openChasers
            .Where(f => f is { Kind: FollowUpKind.Chaser, IsOpen: true } && f.CampaignId == recorded.CampaignId
                        && f.OriginInteractionId != recorded.InteractionId
                        && f.OriginHappenedOn < recorded.HappenedOn && f.ContactIds.Intersect(recorded.ContactIds).Any())
            .Select(f => new FollowUpCancelled(f.Id, $"Later contact op {recorded.HappenedOn:yyyy-MM-dd}: {recorded.Subject}", recorded.InteractionId))
            .ToList();

    public static FollowUpScheduled? AfterAdoption(DemandAdopted adopted, Demand demand, string adoptedBy, FollowUpPolicyOptions options) =>
        !options.CheckImplementationAfterAdoption
            ? null
            : new FollowUpScheduled(IdFor(adopted.DemandId, $"implementation:{adopted.OccurredOn:O}"), FollowUpKind.ImplementationCheck,
                $"Uitvoering controleren van wens {demand.Code ?? demand.Text}", adopted.OccurredOn.AddDays(options.ImplementationCheckDays),
                adoptedBy, adopted.CampaignId, adopted.CreditedContactIds, [adopted.Theme], adopted.DemandId, null, adopted.OccurredOn);

    /// <summary>Still the last mention after the waiting period, and not settled: somebody should pick it up again.</summary>
    public static FollowUpScheduled? UntouchedDemand(Demand demand, Guid lastMention, string raisedBy, DateOnly raisedOn, FollowUpPolicyOptions options) =>
        !options.FlagUntouchedDemands || demand.ClosedOn is not null
        || demand.Status is DemandStatus.Adopted or DemandStatus.Withdrawn or DemandStatus.Rejected
        || demand.LastRaisedByInteractionId != lastMention
            ? null
            : new FollowUpScheduled(IdFor(demand.Id, $"untouched:{lastMention}"), FollowUpKind.StaleDemand,
                $"Wens {demand.Code ?? demand.Text} ligt al {options.UntouchedDemandDays} dagen stil",
                raisedOn.AddDays(options.UntouchedDemandDays), raisedBy, demand.CampaignId, [], [demand.Theme], demand.Id, lastMention, raisedOn);

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
