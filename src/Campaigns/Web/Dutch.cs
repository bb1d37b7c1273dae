using Campaigns.Contacts;
using Campaigns.Demands;
using Campaigns.Interactions;

namespace Campaigns.Web;

/// <summary>Dutch words for the screens: event types, statuses, kinds and dates. Independent of the server's culture.</summary>
public static class Dutch
{
    private static readonly string[] Months =
        ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

    /// <summary>
    /// A name the app itself gave (an actor such as "eerste start", the first token's label) in Dutch; stores from before
    /// these names were Dutch hold them in English. Any other name is shown as it is.
    /// </summary>
    public static string SystemName(string? name) => name switch
    {
        FollowUps.FollowUpReminderHandler.Actor => "automatische follow-ups",
        "first start-up" => "eerste start",
        "demo data" => "demodata",
        "created with the account" => "aangemaakt met het account",
        null => "",
        _ => name
    };

    public static string Date(DateOnly date) => $"{date.Day} {Months[date.Month - 1]} {date.Year}";

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "";

    /// <summary>A due date as a notice says it, warning when it has passed: such a follow-up lands under "Te laat" at once.</summary>
    public static string DueDate(DateOnly due, DateOnly today) =>
        due < today ? $"{Date(due)} (let op: die datum is al voorbij, dus de follow-up staat bij 'Te laat')" : Date(due);

    public static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";

    public static string ShortDate(DateOnly date) => $"{date.Day} {Months[date.Month - 1][..3]} {date.Year}";

    public static string Moment(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, Amsterdam);
        return $"{Date(DateOnly.FromDateTime(local.DateTime))} {local:HH:mm}";
    }

    /// <summary>The team works in Dutch time; "as of 3 March" means the end of that day there.</summary>
    public static TimeZoneInfo Amsterdam { get; } =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Amsterdam", out var zone) ? zone : TimeZoneInfo.Utc;

    public static DateOnly Today(TimeProvider clock) => Day(clock.GetUtcNow());

    /// <summary>The day a moment falls on in Amsterdam.</summary>
    public static DateOnly Day(DateTimeOffset moment) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, Amsterdam).DateTime);

    public static DateTimeOffset EndOfDay(DateOnly day)
    {
        // A year no filter accepts (the query names it) is passed on without date arithmetic, which 9999-12-31 would overflow.
        if (!Check.InYears(day)) return new DateTimeOffset(day.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero);
        var midnight = day.AddDays(1).ToDateTime(TimeOnly.MinValue);
        // UTC: the store compares timestamps with time zone and accepts only offset 0.
        return new DateTimeOffset(midnight, Amsterdam.GetUtcOffset(midnight)).AddTicks(-10).ToUniversalTime();
    }

    /// <summary>Event types in the order a filter lists them, with their Dutch names.</summary>
    public static IReadOnlyList<(string Type, string Label)> EventTypes { get; } =
    [
        ("letter-sent", "Brief"), ("meeting-held", "Gesprek"), ("call-made", "Telefoongesprek"), ("email-sent", "E-mail"),
        ("hearing-attended", "Rondetafelgesprek"), ("demand-formulated", "Wens geformuleerd"), ("demand-corrected", "Wens aangepast"), ("support-recorded", "Steun"),
        ("demand-adopted", "Wens overgenomen"), ("demand-rejected", "Wens afgewezen"), ("demand-withdrawn", "Wens ingetrokken"), ("parliament-item-linked", "Gekoppeld aan de Kamer"), ("written-questions-noted", "Kamervragen"),
        ("contact-registered", "Contactpersoon vastgelegd"), ("contact-role-changed", "Nieuwe rol"), ("contact-role-ended", "Rol beëindigd"),
        ("campaign-started", "Campagne gestart"), ("campaign-corrected", "Campagne aangepast"), ("campaign-closed", "Campagne gesloten")
    ];

    /// <summary>
    /// The Dutch name of an event type, in the timeline's kebab-case or the store's snake_case. An unknown type shows
    /// as "Gebeurtenis" with its type in words, never as a code.
    /// </summary>
    public static string EventType(string type)
    {
        var kebab = type.Replace('_', '-');
        return EventTypes.FirstOrDefault(t => t.Type == kebab).Label
               ?? (OtherEventTypes.TryGetValue(kebab, out var label) ? label : $"Gebeurtenis ({kebab.Replace('-', ' ')})");
    }

    /// <summary>
    /// Event types that no timeline filter offers but the audit shows: every other type in the store, so the audit never
    /// falls back to "Gebeurtenis (…)" (dutch_on_every_screen checks Marten's list of event types against these).
    /// </summary>
    private static readonly IReadOnlyDictionary<string, string> OtherEventTypes = new Dictionary<string, string>
    {
        ["theme-added"] = "Thema toegevoegd", ["theme-renamed"] = "Thema hernoemd", ["demand-raised"] = "Wens ingebracht", ["demand-mention-withdrawn"] = "Wens niet meer ingebracht", ["demand-mention-redated"] = "Datum van inbrengen verbeterd", ["demand-adoption-retracted"] = "Overname ingetrokken",
        ["interaction-corrected"] = "Contactmoment gecorrigeerd", ["interaction-retracted"] = "Contactmoment ingetrokken",
        ["contact-forgotten"] = "Contactpersoon vergeten", ["data-subject-informed"] = "Betrokkene geïnformeerd",
        ["follow-up-scheduled"] = "Follow-up gepland", ["follow-up-completed"] = "Follow-up afgerond",
        ["follow-up-cancelled"] = "Follow-up vervallen", ["follow-up-rescheduled"] = "Follow-up verzet",
        ["follow-up-due"] = "Follow-up vandaag", ["follow-up-overdue"] = "Follow-up te laat",
        ["follow-up-retargeted"] = "Follow-up aangepast aan het contactmoment",
        ["contact-details-changed"] = "Contactgegevens gewijzigd", ["contact-role-history-corrected"] = "Rolgeschiedenis gecorrigeerd",
        ["parliament-proposal-dismissed"] = "Kamerstuk niet relevant", ["theme-parliament-scope-set"] = "Thema in de Kamer ingesteld",
        // The Kamer's own records, as the import appends them (README, Parliament).
        ["motion-filed"] = "Motie of amendement ingediend", ["written-questions-filed"] = "Kamervragen gesteld",
        ["zaak-opened"] = "Kamerzaak vastgelegd", ["zaak-changed"] = "Kamerzaak gewijzigd",
        ["zaak-actor-recorded"] = "Betrokkene bij Kamerzaak vastgelegd", ["zaak-actor-removed"] = "Betrokkene bij Kamerzaak verwijderd",
        ["decision-recorded"] = "Kamerbesluit vastgelegd", ["decision-removed"] = "Kamerbesluit verwijderd",
        ["vote-recorded"] = "Stemming vastgelegd", ["vote-removed"] = "Stemming verwijderd",
        ["activity-scheduled"] = "Kameractiviteit gepland", ["activity-rescheduled"] = "Kameractiviteit verplaatst",
        ["activity-cancelled"] = "Kameractiviteit geannuleerd", ["activity-changed"] = "Kameractiviteit gewijzigd",
        ["commitment-made"] = "Toezegging gedaan", ["commitment-changed"] = "Toezegging gewijzigd",
        ["parliament-item-removed"] = "Kamerstuk verwijderd",
        ["webhook-registered"] = "Webhook toegevoegd", ["webhook-disabled"] = "Webhook uitgeschakeld"
    };

    public static string Interaction(InteractionKind kind) => kind switch
    {
        InteractionKind.Letter => "Brief",
        InteractionKind.Meeting => "Gesprek",
        InteractionKind.Call => "Telefoongesprek",
        InteractionKind.Email => "E-mail",
        _ => "Rondetafelgesprek"
    };

    /// <summary>A follow-up's kind as the follow-up pages name it (the team's list, the calendar feed).</summary>
    public static string FollowUpKind(FollowUps.FollowUpKind kind) => kind switch
    {
        FollowUps.FollowUpKind.ThankYou => "Bedankbrief",
        FollowUps.FollowUpKind.Chaser => "Nabellen",
        FollowUps.FollowUpKind.ImplementationCheck => "Uitvoering controleren",
        FollowUps.FollowUpKind.StaleDemand => "Wens blijft liggen",
        FollowUps.FollowUpKind.Inbreng => "Inbreng sturen",
        _ => "Eigen taak"
    };

    public static string Status(DemandStatus status) => status switch
    {
        DemandStatus.Formulated => "Geformuleerd",
        DemandStatus.Raised => "Ingebracht",
        DemandStatus.Supported => "Steun",
        DemandStatus.Adopted => "Overgenomen",
        DemandStatus.Rejected => "Afgewezen",
        _ => "Ingetrokken"
    };

    public static string Stance(Stance stance) => stance switch
    {
        Demands.Stance.Supports => "steunt",
        Demands.Stance.Opposes => "is tegen",
        _ => "neutraal"
    };

    /// <summary>The timeline's name for the kind, capitalised for a label or table cell.</summary>
    public static string Kind(ContactKind kind)
    {
        var name = Timelines.TimelineSummaries.Kind(kind);
        return char.ToUpperInvariant(name[0]) + name[1..];
    }
}
