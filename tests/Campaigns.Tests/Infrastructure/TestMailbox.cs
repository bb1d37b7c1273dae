using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using MimeKit;
using MimeKit.Utils;

namespace Campaigns.Tests.Infrastructure;

/// <summary>
/// A folder of its own in the capture mailbox of the dovecot that ops/imap runs (real IMAP, no mock), so that test
/// classes never read each other's mail. Messages go in with IMAP APPEND, as a mail server would deliver them.
/// </summary>
public sealed class TestMailbox : IAsyncDisposable
{
    public const string User = "capture", Password = "capture-test";
    public static int Port => int.TryParse(Environment.GetEnvironmentVariable("CAMPAIGNS_IMAP_PORT"), out var port) ? port : 55143;

    public string Folder { get; } = $"test-{Guid.NewGuid():N}"[..17];
    public string ProcessedFolder { get; }

    public TestMailbox(string? processedFolder = null) => ProcessedFolder = processedFolder ?? Folder + "-verwerkt";

    /// <summary>The app's settings for this mailbox, polling every second.</summary>
    public Dictionary<string, string> Settings(bool enabled = true) => new()
    {
        ["Campaigns:EmailCapture:Enabled"] = enabled ? "true" : "false",
        ["Campaigns:EmailCapture:Host"] = "127.0.0.1",
        ["Campaigns:EmailCapture:Port"] = Port.ToString(),
        ["Campaigns:EmailCapture:SecureSocketOptions"] = "None",
        ["Campaigns:EmailCapture:User"] = User,
        ["Campaigns:EmailCapture:Password"] = Password,
        ["Campaigns:EmailCapture:Folder"] = Folder,
        ["Campaigns:EmailCapture:ProcessedFolder"] = ProcessedFolder,
        ["Campaigns:EmailCapture:PollIntervalSeconds"] = "1",
        ["Campaigns:EmailCapture:Address"] = "vastleggen@metaalunie.nl",
        ["Campaigns:EmailCapture:TeamDomain"] = "metaalunie.nl",
    };

    private static async Task<ImapClient> ConnectAsync()
    {
        var client = new ImapClient();
        await client.ConnectAsync("127.0.0.1", Port, SecureSocketOptions.None);
        await client.AuthenticateAsync(User, Password);
        return client;
    }

    public async Task CreateAsync()
    {
        using var client = await ConnectAsync();
        await client.GetFolder(client.PersonalNamespaces[0]).CreateAsync(Folder, true);
        await client.DisconnectAsync(true);
    }

    public async Task AppendAsync(params MimeMessage[] messages)
    {
        using var client = await ConnectAsync();
        var folder = await client.GetFolderAsync(Folder);
        foreach (var message in messages) await folder.AppendAsync(message, MessageFlags.None);
        await client.DisconnectAsync(true);
    }

    /// <summary>The Message-IDs in a folder (this one unless named); none when it does not exist.</summary>
    public async Task<List<string>> MessageIdsAsync(string? name = null)
    {
        using var client = await ConnectAsync();
        IMailFolder folder;
        try { folder = await client.GetFolderAsync(name ?? Folder); }
        catch (FolderNotFoundException) { return []; }
        await folder.OpenAsync(FolderAccess.ReadOnly);
        var uids = await folder.SearchAsync(SearchQuery.All);
        var summaries = uids.Count == 0 ? [] : await folder.FetchAsync(uids, MessageSummaryItems.Envelope);
        await client.DisconnectAsync(true);
        return summaries.Select(s => s.Envelope?.MessageId ?? "").ToList();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var client = await ConnectAsync();
            foreach (var name in new[] { Folder, ProcessedFolder }.Where(n => n.StartsWith("test-")))
            {
                try { await (await client.GetFolderAsync(name)).DeleteAsync(); }
                catch (FolderNotFoundException) { }
            }
            await client.DisconnectAsync(true);
        }
        catch (Exception) { /* a test that failed to connect has nothing to clean up */ }
    }

    /// <summary>A plain mail, as a mail client sends it.</summary>
    public static MimeMessage Mail(string from, string[] to, string subject, string text, DateTimeOffset? date = null, string[]? cc = null,
        string? fromName = null)
    {
        var message = new MimeMessage { Subject = subject, Date = date ?? new DateTimeOffset(2025, 11, 12, 10, 15, 0, TimeSpan.FromHours(1)) };
        message.MessageId = MimeUtils.GenerateMessageId("tests.campaigns");
        message.From.Add(new MailboxAddress(fromName, from));
        foreach (var address in to) message.To.Add(MailboxAddress.Parse(address));
        foreach (var address in cc ?? []) message.Cc.Add(MailboxAddress.Parse(address));
        message.Body = new TextPart("plain") { Text = text };
        return message;
    }
}

/// <summary>A test that needs the dovecot of ops/imap: skipped, saying why, when dovecot is not installed.</summary>
public sealed class ImapFactAttribute : FactAttribute
{
    public static string? SkipReason { get; } = File.Exists("/usr/sbin/dovecot")
        ? null
        : "dovecot is missing: install Debian's dovecot-imapd (ops/test does this when run as root) and start it with ops/imap.";

    public ImapFactAttribute()
    {
        if (SkipReason is not null) Skip = SkipReason;
    }
}
