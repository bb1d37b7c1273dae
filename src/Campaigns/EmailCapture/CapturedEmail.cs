using System.Security.Cryptography;
using System.Text;

namespace Campaigns.EmailCapture;

public sealed record MailPerson(string Address, string? Name)
{
    public string Display => string.IsNullOrWhiteSpace(Name) ? Address : $"{Name} <{Address}>";
}

/// <summary>
/// A draft contact moment read from the capture mailbox. A document, not an event: it is not a fact until an officer
/// confirms it (then <c>LogEmail</c> appends <c>EmailSent</c> with this id) or discards it (then it is deleted).
/// It holds personal data, so it is deleted on either outcome and when a person it names is forgotten.
/// </summary>
public sealed record CapturedEmail
{
    public Guid Id { get; init; }
    /// <summary>The <see cref="CapturedMessage"/> (hash of the Message-ID) this draft came from.</summary>
    public string MessageKey { get; init; } = "";
    public DateTimeOffset CapturedAt { get; init; }
    /// <summary>When the (original, for a forward) mail was sent.</summary>
    public DateTimeOffset SentAt { get; init; }
    public DateOnly SentOn { get; init; }
    public string Subject { get; init; } = "";
    public string? Summary { get; init; }
    public MailPerson? From { get; init; }
    public IReadOnlyList<MailPerson> To { get; init; } = [];
    public IReadOnlyList<MailPerson> Cc { get; init; } = [];
    /// <summary>The team member whose address sent (or forwarded) the mail; null when no account matches.</summary>
    public string? Officer { get; init; }
    /// <summary>Contacts whose e-mail is one of the addresses: the suggestion the officer starts from.</summary>
    public IReadOnlyList<Guid> ContactIds { get; init; } = [];
    /// <summary>Addresses of neither a contact nor the team: offered as "nieuw contact vastleggen".</summary>
    public IReadOnlyList<MailPerson> UnknownAddresses { get; init; } = [];
    public IReadOnlyList<string> Attachments { get; init; } = [];
    public bool Forwarded { get; init; }

    /// <summary>Attachment names as the contact moment's document reference, within its 200 characters.</summary>
    public string? DocumentRef => Attachments.Count == 0 ? null : Shorten(string.Join("; ", Attachments));

    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<string> Addresses => new[] { From }.Concat(To).Concat(Cc).OfType<MailPerson>().Select(p => p.Address);

    private static string Shorten(string text) => text.Length <= Infrastructure.Validation.Check.ShortText ? text : text[..(Infrastructure.Validation.Check.ShortText - 1)] + "…";
}

public enum CaptureOutcome { Drafted, Confirmed, Discarded }

/// <summary>
/// The ledger of messages read from the mailbox, keyed by a hash of the Message-ID and holding no personal data: a
/// message read again (a crash before the move to "Verwerkt", a copy left in the folder) never makes a second draft,
/// and a confirmed or discarded one never comes back.
/// </summary>
public sealed record CapturedMessage(string Id, Guid DraftId, CaptureOutcome Outcome, DateTimeOffset At)
{
    /// <summary>SHA-256 of the normalised Message-ID; without one, of the whole message.</summary>
    public static string KeyFor(string? messageId, Func<byte[]> wholeMessage) =>
        Convert.ToHexStringLower(SHA256.HashData(messageId is { Length: > 0 } id
            ? Encoding.UTF8.GetBytes("mid:" + id.Trim().Trim('<', '>').ToLowerInvariant())
            : wholeMessage()));

    /// <summary>A draft's id derives from its message: the same message never gets two ids.</summary>
    public static Guid DraftIdFor(string key) => new(Convert.FromHexString(key)[..16]);
}
