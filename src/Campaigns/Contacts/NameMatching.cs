using System.Globalization;
using System.Text;

namespace Campaigns.Contacts;

/// <summary>
/// Whether two names could be one person: case, accents, tussenvoegsels ("van der"), titles, "Achternaam, Voornaam" and
/// an initial for a first name do not matter; a one-letter typo in a longer name does not either. Pure, for the
/// registration's warning (API and page alike).
/// </summary>
public static class NameMatching
{
    private static readonly HashSet<string> Ignored =
    [
        "van", "der", "den", "de", "het", "t", "ter", "ten", "te", "in", "op", "aan", "bij", "uit", "la", "le", "du", "d", "di",
        "da", "del", "des", "von", "vd", "dr", "mr", "ir", "drs", "prof", "ing", "dhr", "mevr", "mw", "ds"
    ];

    /// <summary>The words of a name that say who it is, lower case and without accents, first name first.</summary>
    public static IReadOnlyList<string> Words(string name)
    {
        var text = name.Contains(',') ? string.Join(' ', name.Split(',', 2).Reverse()) : name;
        var plain = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            plain.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }
        return plain.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !Ignored.Contains(w)).ToList();
    }

    public static bool Close(string a, string b)
    {
        var x = Words(a);
        var y = Words(b);
        if (x.Count == 0 || y.Count == 0) return false;
        if (x.SequenceEqual(y)) return true;
        if (x[^1] == y[^1] && FirstNamesAgree(x.Take(x.Count - 1).ToList(), y.Take(y.Count - 1).ToList())) return true;
        var joinedX = string.Concat(x);
        var joinedY = string.Concat(y);
        return Math.Min(joinedX.Length, joinedY.Length) >= 6 && Distance(joinedX, joinedY) <= 1;
    }

    /// <summary>No first name on one side, the same first name, or an initial that fits it.</summary>
    private static bool FirstNamesAgree(IReadOnlyList<string> x, IReadOnlyList<string> y)
    {
        if (x.Count == 0 || y.Count == 0) return true;
        var (a, b) = (x[0], y[0]);
        return a == b || a.Length == 1 && b.StartsWith(a, StringComparison.Ordinal) || b.Length == 1 && a.StartsWith(b, StringComparison.Ordinal);
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }
}
