using System.Text.RegularExpressions;
using Campaigns.Contacts;
using Campaigns.Demands;

namespace Campaigns.Timelines;

/// <summary>The one-line Dutch summaries shown on timelines.</summary>
public static partial class TimelineSummaries
{
    /// <summary>The event's type as the API names it, e.g. <c>meeting-held</c>.</summary>
    public static string TypeName(object data) => TypeName(data.GetType());

    public static string TypeName(Type type) => KebabCase().Replace(type.Name, "-$1").ToLowerInvariant();

    public static string Interaction(string type, string subject) => type switch
    {
        "letter-sent" => $"Brief verstuurd: {subject}",
        "meeting-held" => $"Gesprek gevoerd: {subject}",
        "call-made" => $"Gebeld: {subject}",
        "email-sent" => $"E-mail verstuurd: {subject}",
        "hearing-attended" => $"Rondetafelgesprek: {subject}",
        _ => subject
    };

    public static string Formulated(DemandFormulated e) =>
        e.Code is { Length: > 0 } code ? $"Wens {code} geformuleerd: {Shorten(e.Text)}" : $"Wens geformuleerd: {Shorten(e.Text)}";

    public static string Corrected(DemandCorrected e) =>
        WithNote(e.Changes.Text is { } text ? $"Wens aangepast: {Shorten(text)}" : "Wens aangepast", e.Reason);

    public static string Support(SupportRecorded e) => WithNote(e.Stance switch
    {
        Stance.Supports => "Steunt de wens",
        Stance.Opposes => "Is tegen de wens",
        _ => "Neutraal over de wens"
    }, e.Note);

    public static string Adopted(DemandAdopted e)
    {
        var what = e.Partial ? "Wens deels overgenomen" : "Wens overgenomen";
        var where = Venue(e.Venue);
        return e.Reference is { Length: > 0 } reference ? $"{what} in {where} ({reference})" : $"{what} in {where}";
    }

    public static string Venue(AdoptionVenue venue) => venue switch
    {
        AdoptionVenue.CoalitionAgreement => "coalitieakkoord",
        AdoptionVenue.PartyProgramme => "partijprogramma",
        AdoptionVenue.Motion => "motie",
        AdoptionVenue.Budget => "begroting",
        AdoptionVenue.Law => "wet",
        AdoptionVenue.Policy => "beleid",
        _ => "ander besluit"
    };

    public static string Kind(ContactKind kind) => kind switch
    {
        ContactKind.Ambtenaar => "ambtenaar",
        ContactKind.Ally => "bondgenoot",
        ContactKind.Other => "overig",
        _ => kind.ToString().ToLowerInvariant()
    };

    /// <summary>"Follow-up afgerond: …" from "Follow-up voor anna: …".</summary>
    public static string Settled(string how, TimelineEntry entry) =>
        $"{how}: {entry.Revisions[0].Summary[(entry.Revisions[0].Summary.IndexOf(": ", StringComparison.Ordinal) + 2)..]}";

    public static string WithNote(string text, string? note) => string.IsNullOrWhiteSpace(note) ? text : $"{text}: {Shorten(note)}";

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..117] + "...";

    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex KebabCase();
}
