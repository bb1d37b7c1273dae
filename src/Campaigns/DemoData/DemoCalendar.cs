namespace Campaigns.DemoData;

/// <summary>
/// The fixed calendar the demo set follows. The election, the installation of the new Kamer, the recesses, the
/// Voorjaarsnota and Prinsjesdag are the real dates; the formation's milestones after the informateurs (coalition
/// agreement, swearing-in) are plausible illustrations. The weeks after <see cref="FixedUntil"/> run up to the day the
/// demo is seeded, so that the latest work and the follow-ups are current.
/// </summary>
public static class DemoCalendar
{
    /// <summary>The cabinet falls; the election wishes go to the party programme committees.</summary>
    public static readonly DateOnly CabinetFell = new(2025, 6, 3);
    public static readonly DateOnly ElectionDay = new(2025, 10, 29);
    public static readonly DateOnly ProgrammesDone = new(2025, 11, 1);
    public static readonly DateOnly NewKamerInstalled = new(2025, 11, 12);
    public static readonly DateOnly InformateursDone = new(2026, 1, 9);
    public static readonly DateOnly CoalitionAgreement = new(2026, 1, 30);
    public static readonly DateOnly CabinetSwornIn = new(2026, 2, 23);
    public static readonly DateOnly Voorjaarsnota2026 = new(2026, 4, 15);
    public static readonly DateOnly Prinsjesdag2025 = new(2025, 9, 16);
    public static readonly DateOnly Prinsjesdag2026 = new(2026, 9, 15);

    /// <summary>The first week of the routine work; the hand-written timeline reaches back to January 2025.</summary>
    public static readonly DateOnly RoutineFrom = new(2025, 6, 2);

    /// <summary>The last date of the hand-written timeline; the demo cannot be seeded on an earlier day.</summary>
    public static readonly DateOnly FixedUntil = new(2026, 10, 20);

    /// <summary>Summer and Christmas recesses of the Tweede Kamer.</summary>
    public static readonly (DateOnly From, DateOnly Until)[] Recesses =
    [
        (new(2025, 7, 4), new(2025, 9, 1)),
        (new(2025, 12, 19), new(2026, 1, 12)),
        (new(2026, 7, 3), new(2026, 8, 31)),
        (new(2026, 12, 18), new(2027, 1, 11)),
        (new(2027, 7, 2), new(2027, 8, 30)),
    ];

    public static bool InRecess(DateOnly day) => Recesses.Any(r => day >= r.From && day < r.Until);

    public static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
