using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Campaigns.Search;

/// <summary>
/// Marks the words a search matched, in the app rather than with <c>ts_headline</c>: PostgreSQL would parse every hit's
/// text again, which cost more than finding the hits. A word is marked when, without case and accents, it starts with one
/// of the query's forms (the same prefixes the tsquery uses), so "subsidie" marks "Subsidies" and "subsidieregeling".
/// </summary>
public static partial class SearchMarks
{
    private const int ExcerptWords = 30, WordsBefore = 8;

    [GeneratedRegex(@"[\p{L}\p{Mn}\p{Nd}]+")]
    private static partial Regex Word();

    public static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) folded.Append(c);
        return folded.ToString();
    }

    /// <summary>The whole text, HTML-escaped, with the matching words in <c>&lt;mark&gt;</c>.</summary>
    public static string Mark(string text, IReadOnlyList<string> prefixes) => Mark(text, 0, text.Length, prefixes);

    /// <summary>About thirty words around the first match (the start when nothing matches), escaped and marked.</summary>
    public static string Excerpt(string text, IReadOnlyList<string> prefixes)
    {
        var words = Word().Matches(text);
        if (words.Count == 0) return "";
        var first = 0;
        for (var i = 0; i < words.Count; i++)
            if (Matches(words[i].Value, prefixes)) { first = i; break; }
        var from = Math.Max(0, first - WordsBefore);
        var to = Math.Min(words.Count, from + ExcerptWords) - 1;
        var start = from == 0 ? 0 : words[from].Index;
        var end = to == words.Count - 1 ? text.Length : words[to].Index + words[to].Length;
        return (start > 0 ? "… " : "") + Mark(text, start, end, prefixes) + (end < text.Length ? " …" : "");
    }

    private static bool Matches(string word, IReadOnlyList<string> prefixes)
    {
        var folded = Fold(word);
        return prefixes.Any(p => folded.StartsWith(p, StringComparison.Ordinal));
    }

    private static string Mark(string text, int start, int end, IReadOnlyList<string> prefixes)
    {
        var html = new StringBuilder();
        var at = start;
        foreach (Match word in Word().Matches(text[..end], start))
        {
            if (!Matches(word.Value, prefixes)) continue;
            html.Append(WebUtility.HtmlEncode(text[at..word.Index]))
                .Append("<mark>").Append(WebUtility.HtmlEncode(word.Value)).Append("</mark>");
            at = word.Index + word.Length;
        }
        return html.Append(WebUtility.HtmlEncode(text[at..end])).ToString();
    }
}
