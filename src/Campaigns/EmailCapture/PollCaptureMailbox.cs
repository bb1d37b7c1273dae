using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Microsoft.Extensions.Options;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace Campaigns.EmailCapture;

/// <summary>
/// Polls the capture mailbox once, then schedules the next poll. Only the message carrying the schedule's current
/// <see cref="Token"/> runs: a copy (a second chain started by two nodes at once, a redelivery after a crash after the
/// commit) finds a newer token and does nothing, so there is one chain of polls in the cluster.
/// </summary>
public record PollCaptureMailbox(Guid Token);

/// <summary>Starts the chain of polls when there is none, or when it stopped (no poll within a few intervals).</summary>
public record StartCapturePolling;

/// <summary>The one chain of polls: the token the next poll must carry, and when it is due.</summary>
public sealed record CaptureMailboxSchedule(string Id, Guid Token, DateTimeOffset NextPollAt)
{
    public const string TheId = "capture-mailbox";
}

public static class StartCapturePollingHandler
{
    public static async Task<OutgoingMessages> Handle(StartCapturePolling _, IDocumentSession session, IOptions<EmailCaptureOptions> options,
        TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var schedule = await session.LoadAsync<CaptureMailboxSchedule>(CaptureMailboxSchedule.TheId, ct);
        if (schedule is not null && schedule.NextPollAt > now - StalledAfter(options.Value)) return [];
        var started = new CaptureMailboxSchedule(CaptureMailboxSchedule.TheId, Guid.NewGuid(), now);
        session.Store(started);
        return [new PollCaptureMailbox(started.Token)];
    }

    /// <summary>A chain whose poll is this late has died (its message lost with a node): a new one takes over.</summary>
    public static TimeSpan StalledAfter(EmailCaptureOptions options) => options.PollInterval * 3 + TimeSpan.FromSeconds(30);
}

public static class PollCaptureMailboxHandler
{
    /// <summary>
    /// What reaches Wolverine here is a shutdown cancelling the poll or the database failing, never the mailbox (caught
    /// below): the same poll runs again later instead of going to the dead letters, so the chain never stops there.
    /// </summary>
    public static void Configure(HandlerChain chain) => chain.OnAnyException().ScheduleRetryIndefinitely(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10));

    public static async Task<OutgoingMessages> Handle(PollCaptureMailbox poll, IDocumentSession session, CaptureMailboxPoller poller,
        IOptions<EmailCaptureOptions> options, TimeProvider clock, ILogger<CaptureMailboxPoller> logger, CancellationToken ct)
    {
        // Capture switched off while a poll waited: the chain ends here.
        if (!options.Value.Enabled) return [];
        var schedule = await session.LoadAsync<CaptureMailboxSchedule>(CaptureMailboxSchedule.TheId, ct);
        if (schedule is null || schedule.Token != poll.Token) return [];

        try
        {
            await poller.PollAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A mailbox that cannot be reached now may answer at the next poll: the chain goes on.
            logger.LogWarning(e, "Capture mailbox: poll failed; trying again in {Interval}", options.Value.PollInterval);
        }

        // The next poll and the schedule that names it commit together (Wolverine's outbox).
        var next = schedule with { Token = Guid.NewGuid(), NextPollAt = clock.GetUtcNow() + options.Value.PollInterval };
        session.Store(next);
        var messages = new OutgoingMessages();
        messages.Delay(new PollCaptureMailbox(next.Token), options.Value.PollInterval);
        return messages;
    }
}

/// <summary>
/// Reads the capture folder over IMAP: each message becomes a draft (once, see <see cref="MessageCapture"/>) and then
/// moves to the processed folder. A PostgreSQL advisory lock keeps two nodes from polling at once; the one that does
/// not get it skips this round.
/// </summary>
public sealed class CaptureMailboxPoller(IDocumentStore store, MessageCapture capture, IOptions<EmailCaptureOptions> options,
    CapturePollHooks hooks, ILogger<CaptureMailboxPoller> logger)
{
    /// <summary>"CAPTURE!" as a number: the advisory lock of the capture mailbox.</summary>
    public const long LockKey = 0x4341_5054_5552_4521;

    public async Task<int> PollAsync(CancellationToken ct)
    {
        await using var held = await Infrastructure.SessionAdvisoryLock.TryTakeAsync(store, LockKey, ct);
        if (held is null)
        {
            logger.LogInformation("Capture mailbox: another node is polling; skipped");
            return 0;
        }
        return await ReadMailboxAsync(ct);
    }

    private async Task<int> ReadMailboxAsync(CancellationToken ct)
    {
        var settings = options.Value;
        using var client = new ImapClient();
        await client.ConnectAsync(settings.Host, settings.Port, settings.SecureSocketOptions, ct);
        await client.AuthenticateAsync(settings.User, settings.Password, ct);
        var folder = await client.GetFolderAsync(settings.Folder, ct);
        var processed = await FolderAsync(client, settings.ProcessedFolder, ct);
        await folder.OpenAsync(FolderAccess.ReadWrite, ct);

        var uids = (await folder.SearchAsync(SearchQuery.All, ct)).Take(settings.MaxMessagesPerPoll).ToList();
        var drafted = 0;
        foreach (var uid in uids)
        {
            var message = await folder.GetMessageAsync(uid, ct);
            if (await capture.CaptureAsync(message, ct)) drafted++;
            await hooks.AfterCapturedAsync(ct);
            // Only after the draft (or its ledger entry) committed: a crash before the move reads it again, harmlessly.
            await folder.MoveToAsync(uid, processed, ct);
        }
        await client.DisconnectAsync(true, ct);
        if (uids.Count > 0) logger.LogInformation("Capture mailbox: {Read} messages read, {Drafted} new drafts", uids.Count, drafted);
        return drafted;
    }

    private static async Task<IMailFolder> FolderAsync(ImapClient client, string name, CancellationToken ct)
    {
        try
        {
            return await client.GetFolderAsync(name, ct);
        }
        catch (FolderNotFoundException)
        {
            var root = client.GetFolder(client.PersonalNamespaces[0]);
            return await root.CreateAsync(name, true, ct) ?? throw new InvalidOperationException($"IMAP folder {name} could not be created.");
        }
    }
}

/// <summary>A seam for the restart test: it stops a poll between storing a draft and moving its message.</summary>
public class CapturePollHooks
{
    public virtual Task AfterCapturedAsync(CancellationToken ct) => Task.CompletedTask;
}

/// <summary>On every node: asks for the chain of polls at start, and again now and then, in case the chain died with a node.</summary>
public sealed class CapturePollingWatchdog(IServiceScopeFactory scopes, IOptions<EmailCaptureOptions> options, ILogger<CapturePollingWatchdog> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        var every = StartCapturePollingHandler.StalledAfter(options.Value);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // The bus is scoped: one scope per check.
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(new StartCapturePolling(), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Capture mailbox: could not check the polling schedule");
            }
            try { await Task.Delay(every, stoppingToken); } catch (OperationCanceledException) { return; }
        }
    }
}
