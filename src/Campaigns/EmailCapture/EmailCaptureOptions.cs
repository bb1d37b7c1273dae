using MailKit.Security;

namespace Campaigns.EmailCapture;

/// <summary>
/// The capture mailbox (<c>Campaigns:EmailCapture</c>). Off by default. The password comes from the environment
/// (<c>Campaigns__EmailCapture__Password</c>) or user secrets, never from a file in the repository.
/// </summary>
public sealed class EmailCaptureOptions
{
    public const string Section = "Campaigns:EmailCapture";
    public const string Queue = "email-capture";

    public bool Enabled { get; set; }
    public string Host { get; set; } = "";
    public int Port { get; set; } = 993;
    /// <summary>MailKit's <see cref="SecureSocketOptions"/>: <c>SslOnConnect</c> (993), <c>StartTls</c> (143), <c>Auto</c>, or <c>None</c> (loopback tests only).</summary>
    public SecureSocketOptions SecureSocketOptions { get; set; } = SecureSocketOptions.SslOnConnect;
    public string User { get; set; } = "";
    public string Password { get; set; } = "";
    public string Folder { get; set; } = "INBOX";
    public string ProcessedFolder { get; set; } = "Verwerkt";
    public int PollIntervalSeconds { get; set; } = 60;
    /// <summary>The capture mailbox's own address, never offered as a contact; the user name when it is an address.</summary>
    public string? Address { get; set; }
    /// <summary>The team's mail domain: a sender <c>name@TeamDomain</c> is the officer with account <c>name</c>. Defaults to <c>Campaigns:Smtp:AssigneeDomain</c>.</summary>
    public string? TeamDomain { get; set; }
    /// <summary>At most this many messages per poll, so one poll never holds the lock for long.</summary>
    public int MaxMessagesPerPoll { get; set; } = 50;

    public TimeSpan PollInterval => TimeSpan.FromSeconds(Math.Max(1, PollIntervalSeconds));

    public string? OwnAddress => Address is { Length: > 0 } a ? a : User.Contains('@') ? User : null;
}
