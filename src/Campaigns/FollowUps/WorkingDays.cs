namespace Campaigns.FollowUps;

/// <summary>Dutch working days: no weekends, no national public holidays.</summary>
public static class WorkingDays
{
    public static DateOnly Add(DateOnly from, int workingDays)
    {
        var day = from;
        for (var added = 0; added < workingDays;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day)) added++;
        }
        return day;
    }

    /// <summary>The working day <paramref name="workingDays"/> working days before <paramref name="to"/>.</summary>
    public static DateOnly Before(DateOnly to, int workingDays)
    {
        var day = to;
        for (var taken = 0; taken < workingDays;)
        {
            day = day.AddDays(-1);
            if (IsWorkingDay(day)) taken++;
        }
        return day;
    }

    /// <summary>How many working days lie after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public static int Between(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
            if (IsWorkingDay(day)) count++;
        return count;
    }

    public static bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsPublicHoliday(day);

    /// <summary>Nieuwjaarsdag, Goede Vrijdag, Pasen, Koningsdag, Bevrijdingsdag (lustrum years), Hemelvaart, Pinksteren, Kerst.</summary>
    public static bool IsPublicHoliday(DateOnly day)
    {
        var easter = EasterSunday(day.Year);
        var kingsDay = new DateOnly(day.Year, 4, 27);
        if (kingsDay.DayOfWeek == DayOfWeek.Sunday) kingsDay = kingsDay.AddDays(-1);
        DateOnly[] holidays =
        [
            new(day.Year, 1, 1), easter.AddDays(-2), easter, easter.AddDays(1), kingsDay, easter.AddDays(39),
            easter.AddDays(49), easter.AddDays(50), new(day.Year, 12, 25), new(day.Year, 12, 26)
        ];
        return holidays.Contains(day) || (day.Month == 5 && day.Day == 5 && day.Year % 5 == 0);
    }

    /// <summary>Anonymous Gregorian algorithm (Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451, month = (h + l - 7 * m + 114) / 31, dayOfMonth = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, dayOfMonth);
    }
}
