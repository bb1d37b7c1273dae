using Campaigns.Interactions;

namespace Campaigns.Web;

/// <summary>One field a correction changed, as the screens show it: old → new.</summary>
public sealed record FieldChange(string Field, string Old, string New);

/// <summary>What happened to a contact moment after it was logged: each correction (with what it changed) or the retraction.</summary>
public sealed record InteractionHistoryEntry(DateTimeOffset At, string? By, string Kind, string Reason, IReadOnlyList<FieldChange> Changes)
{
    public const string Correction = "Correctie", Retraction = "Ingetrokken";
}

/// <summary>
/// Reads an interaction's stream with its metadata (who, when) and replays it, so that each correction is shown as the
/// difference between the reading before it and after it.
/// </summary>
public static class InteractionHistory
{
    public static (DateTimeOffset At, string? By) Logged(IReadOnlyList<IEvent> events) =>
        events.Count == 0 ? (default, null) : (events[0].Timestamp, events[0].UserName);

    public static IReadOnlyList<InteractionHistoryEntry> From(IReadOnlyList<IEvent> events, Names names)
    {
        var entries = new List<InteractionHistoryEntry>();
        Interaction? state = null;
        foreach (var e in events)
        {
            switch (e.Data)
            {
                case InteractionRecorded recorded:
                    state = Interaction.From(recorded);
                    break;
                case InteractionCorrected corrected when state is not null:
                    var after = state.Apply(corrected);
                    entries.Add(new InteractionHistoryEntry(e.Timestamp, e.UserName, InteractionHistoryEntry.Correction, corrected.Reason, Diff(state, after, names)));
                    state = after;
                    break;
                case InteractionRetracted retracted when state is not null:
                    entries.Add(new InteractionHistoryEntry(e.Timestamp, e.UserName, InteractionHistoryEntry.Retraction, retracted.Reason, []));
                    state = state.Apply(retracted);
                    break;
            }
        }
        return entries;
    }

    public static IReadOnlyList<FieldChange> Diff(Interaction before, Interaction after, Names names)
    {
        var changes = new List<FieldChange>();
        void Text(string field, string? old, string? @new)
        {
            if ((old ?? "") != (@new ?? "")) changes.Add(new FieldChange(field, Show(old), Show(@new)));
        }
        void List(string field, IEnumerable<string> old, IEnumerable<string> @new)
        {
            var (o, n) = (old.ToList(), @new.ToList());
            if (!o.SequenceEqual(n)) changes.Add(new FieldChange(field, Show(string.Join(", ", o)), Show(string.Join(", ", n))));
        }
        if (before.HappenedOn != after.HappenedOn) changes.Add(new FieldChange("Datum", Dutch.Date(before.HappenedOn), Dutch.Date(after.HappenedOn)));
        Text("Onderwerp", before.Subject, after.Subject);
        List("Met wie", before.ContactIds.Select(names.Contact), after.ContactIds.Select(names.Contact));
        List("Thema's", before.Themes.Select(names.Theme), after.Themes.Select(names.Theme));
        List("Wensen", before.DemandIds.Select(names.Demand), after.DemandIds.Select(names.Demand));
        Text("Samenvatting", before.Summary, after.Summary);
        Text("Uitkomst", before.Outcome, after.Outcome);
        Text("Locatie", before.Location, after.Location);
        Text("Documentkenmerk", before.DocumentRef, after.DocumentRef);
        List("Namens ons", before.OurSide, after.OurSide);
        return changes;
    }

    private static string Show(string? value) => string.IsNullOrWhiteSpace(value) ? "(leeg)" : value;
}
