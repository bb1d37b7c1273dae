using System.Globalization;
using System.Text.RegularExpressions;
using MimeKit;
using MimeKit.Text;
using MimeKit.Utils;

namespace Campaigns.EmailCapture;

/// <summary>What a captured mail says, before any matching: for a forward, the original mail's sender, recipients and date.</summary>
public sealed record ReadMail(
    DateTimeOffset SentAt, string Subject, string? Body, MailPerson? From, IReadOnlyList<MailPerson> To, IReadOnlyList<MailPerson> Cc,
    IReadOnlyList<string> Attachments, bool Forwarded, MailPerson? ForwardedBy);

/// <summary>
/// Turns a MIME message into a <see cref="ReadMail"/>. Pure: no store, no mailbox. A forward is recognised as an attached
/// message (message/rfc822) or as an inline forward header block ("---------- Forwarded message ---------", Outlook's
/// "Van:/Verzonden:/Aan:/Onderwerp:" block, Apple's "Begin forwarded message:").
/// </summary>
public static partial class MailReading
{
    public static ReadMail Read(MimeMessage message)
    {
        var attachments = AttachmentNames(message).ToList();
        var outerFrom = People(message.From).FirstOrDefault();

        // An attached original: its own headers and body are the contact moment; its attachments count too.
        if (message.BodyParts.OfType<MessagePart>().FirstOrDefault() is { Message: { } attached })
        {
            var inner = Read(attached);
            return inner with
            {
                Attachments = [.. inner.Attachments, .. attachments],
                Forwarded = true,
                ForwardedBy = outerFrom,
                Subject = inner.Subject.Length > 0 ? inner.Subject : StripPrefixes(message.Subject)
            };
        }

        var body = BodyText(message);
        if (body is not null && InlineForward(body, ForwardSubject().IsMatch(message.Subject ?? "")) is { } forward)
        {
            return new ReadMail(
                forward.Date ?? message.Date,
                forward.Subject is { Length: > 0 } s ? StripPrefixes(s) : StripPrefixes(message.Subject),
                Blank(TrimQuotes(forward.Body)),
                forward.From ?? outerFrom, forward.To, forward.Cc, attachments, true, outerFrom);
        }

        return new ReadMail(message.Date, StripPrefixes(message.Subject), Blank(TrimQuotes(body)), outerFrom,
            People(message.To).ToList(), People(message.Cc).ToList(), attachments, false, null);
    }

    /// <summary>The plain-text part; for HTML-only mail, the HTML converted to text.</summary>
    public static string? BodyText(MimeMessage message)
    {
        if (message.TextBody is { } text) return Normalise(text);
        if (message.HtmlBody is { } html) return Normalise(HtmlToText(html));
        return null;
    }

    /// <summary>The text of an HTML body: block elements become line breaks, scripts, styles and the head are left out.</summary>
    public static string HtmlToText(string html)
    {
        var text = new System.Text.StringBuilder();
        var tokenizer = new HtmlTokenizer(new StringReader(html));
        var skipping = 0;
        while (tokenizer.ReadNextToken(out var token))
        {
            switch (token)
            {
                case HtmlTagToken tag when tag.Id is HtmlTagId.Script or HtmlTagId.Style or HtmlTagId.Head or HtmlTagId.Title:
                    if (!tag.IsEmptyElement) skipping += tag.IsEndTag ? -1 : 1;
                    skipping = Math.Max(0, skipping);
                    break;
                case HtmlTagToken tag when tag.Id is HtmlTagId.Br:
                    text.Append('\n');
                    break;
                case HtmlTagToken tag when tag.Id is HtmlTagId.P or HtmlTagId.Div or HtmlTagId.LI or HtmlTagId.TR or HtmlTagId.H1 or HtmlTagId.H2
                    or HtmlTagId.H3 or HtmlTagId.H4 or HtmlTagId.BlockQuote or HtmlTagId.Table or HtmlTagId.UL or HtmlTagId.OL:
                    if (text.Length > 0 && text[^1] != '\n') text.Append('\n');
                    if (tag.IsEndTag && tag.Id is HtmlTagId.P) text.Append('\n');
                    break;
                case HtmlDataToken data when skipping == 0:
                    text.Append(Whitespace().Replace(data.Data, " "));
                    break;
            }
        }
        return string.Join('\n', text.ToString().Split('\n').Select(l => l.Trim())).Trim();
    }

    private static IEnumerable<string> AttachmentNames(MimeMessage message) =>
        message.Attachments.Where(a => a is not MessagePart)
            .Select(a => a.ContentDisposition?.FileName ?? a.ContentType.Name)
            .OfType<string>().Where(n => n.Length > 0);

    public static IEnumerable<MailPerson> People(InternetAddressList list) =>
        list.Mailboxes.Where(m => m.Address is { Length: > 0 })
            .Select(m => new MailPerson(m.Address.Trim().ToLowerInvariant(), string.IsNullOrWhiteSpace(m.Name) ? null : m.Name.Trim()));

    /// <summary>"Fwd:", "FW:", "Doorst:", "Re:", "Antw:" in front of a subject say nothing about the contact moment.</summary>
    public static string StripPrefixes(string? subject)
    {
        var s = (subject ?? "").Trim();
        while (SubjectPrefix().Match(s) is { Success: true } m) s = s[m.Length..].TrimStart();
        return s;
    }

    /// <summary>
    /// Drops what a reply quotes: lines starting with "&gt;", and everything from an attribution line ("On … wrote:",
    /// "Op … schreef …:") or an Outlook original-message block on.
    /// </summary>
    public static string? TrimQuotes(string? body)
    {
        if (body is null) return null;
        var kept = new List<string>();
        foreach (var line in body.Split('\n'))
        {
            var trimmed = line.TrimEnd('\r');
            if (QuoteStart().IsMatch(trimmed) || OriginalMessage().IsMatch(trimmed) || Separator().IsMatch(trimmed)) break;
            if (trimmed.TrimStart().StartsWith('>')) continue;
            kept.Add(trimmed);
        }
        return string.Join('\n', kept).Trim();
    }

    private sealed record InlineForwarded(MailPerson? From, IReadOnlyList<MailPerson> To, IReadOnlyList<MailPerson> Cc, DateTimeOffset? Date, string? Subject, string Body);

    private static InlineForwarded? InlineForward(string body, bool forwardSubject)
    {
        var lines = body.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var start = lines.FindIndex(l => ForwardMarker().IsMatch(l));
        // Outlook forwards have no marker of their own, only the separator its replies use too: trusted for "FW:" subjects only.
        if (start < 0 && forwardSubject) start = lines.FindIndex(l => OriginalMessage().IsMatch(l) || Separator().IsMatch(l));
        if (start < 0) return null;

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = start + 1;
        while (i < lines.Count && string.IsNullOrWhiteSpace(lines[i])) i++;
        string? last = null;
        for (; i < lines.Count; i++)
        {
            var line = lines[i];
            if (string.IsNullOrWhiteSpace(line)) break;
            if (HeaderLine().Match(line) is { Success: true } h)
            {
                last = Canonical(h.Groups[1].Value);
                if (last is not null) headers[last] = h.Groups[2].Value.Trim();
            }
            else if (last is not null && char.IsWhiteSpace(line[0])) headers[last] += " " + line.Trim();
        }
        if (!headers.ContainsKey("from")) return null;

        return new InlineForwarded(
            Addresses(headers.GetValueOrDefault("from")).FirstOrDefault(),
            Addresses(headers.GetValueOrDefault("to")).ToList(),
            Addresses(headers.GetValueOrDefault("cc")).ToList(),
            ParseDate(headers.GetValueOrDefault("date")),
            headers.GetValueOrDefault("subject"),
            string.Join('\n', lines.Skip(i)).Trim());
    }

    private static string? Canonical(string name) => name.Trim().ToLowerInvariant() switch
    {
        "from" or "van" => "from",
        "to" or "aan" => "to",
        "cc" => "cc",
        "date" or "sent" or "datum" or "verzonden" => "date",
        "subject" or "onderwerp" => "subject",
        _ => null
    };

    private static IEnumerable<MailPerson> Addresses(string? header)
    {
        if (string.IsNullOrWhiteSpace(header)) return [];
        // Outlook writes "Name <a@b>; Other <c@d>" and sometimes "Name [mailto:a@b]".
        var cleaned = MailtoBracket().Replace(header, "<$1>").Replace(';', ',');
        if (InternetAddressList.TryParse(cleaned, out var list)) return People(list).ToList();
        return AddressPattern().Matches(header).Select(m => new MailPerson(m.Value.ToLowerInvariant(), null)).ToList();
    }

    private static readonly CultureInfo[] DateCultures = [CultureInfo.InvariantCulture, CultureInfo.GetCultureInfo("en-US"), CultureInfo.GetCultureInfo("nl-NL")];

    /// <summary>Dates as mail clients write them in a forward: RFC 822, "Mon, 3 Nov 2025 at 10:15", "maandag 3 november 2025 10:15".</summary>
    public static DateTimeOffset? ParseDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateUtils.TryParse(text, out var rfc)) return rfc;
        var cleaned = Regex.Replace(text, @"\b(at|om)\b", " ").Replace(",", " ");
        cleaned = Regex.Replace(cleaned, @"\s+", " ").Trim();
        foreach (var culture in DateCultures)
        {
            if (DateTime.TryParse(cleaned, culture, DateTimeStyles.AllowWhiteSpaces, out var local))
                return new DateTimeOffset(local, Web.Dutch.Amsterdam.GetUtcOffset(local));
            // Without the weekday, which a culture may not accept in that position.
            var withoutDay = Regex.Replace(cleaned, @"^\p{L}+\.?\s", "");
            if (DateTime.TryParse(withoutDay, culture, DateTimeStyles.AllowWhiteSpaces, out local))
                return new DateTimeOffset(local, Web.Dutch.Amsterdam.GetUtcOffset(local));
        }
        return null;
    }

    private static string Normalise(string text) => text.Replace("\r\n", "\n").Replace('\u00a0', ' ');

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    [GeneratedRegex(@"[ \t\r\n]+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^\s*((re|fw|fwd|doorst|antw|tr|wg)\s*:\s*)", RegexOptions.IgnoreCase)]
    private static partial Regex SubjectPrefix();

    [GeneratedRegex(@"^\s*-+\s*(forwarded message|doorgestuurd bericht|doorgestuurd e-?mailbericht)\s*-+\s*$|^\s*(begin forwarded message|begin doorgestuurd bericht)\s*:\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ForwardMarker();

    [GeneratedRegex(@"^\s*(fw|fwd|doorst|tr|wg)\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex ForwardSubject();

    [GeneratedRegex(@"^\s*_{10,}\s*$")]
    private static partial Regex Separator();

    [GeneratedRegex(@"^\s*-+\s*(original message|oorspronkelijk bericht|origineel bericht)\s*-+\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex OriginalMessage();

    [GeneratedRegex(@"^\s*(on|op)\s.+\s(wrote|schreef|heeft\s.+\sgeschreven)\s?.*:\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex QuoteStart();

    [GeneratedRegex(@"^\s*\*?([A-Za-z]+)\*?\s*:\s*(.*)$")]
    private static partial Regex HeaderLine();

    [GeneratedRegex(@"\[mailto:([^\]]+)\]", RegexOptions.IgnoreCase)]
    private static partial Regex MailtoBracket();

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")]
    private static partial Regex AddressPattern();
}
