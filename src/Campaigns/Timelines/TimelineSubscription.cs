using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Npgsql;
using Wolverine.Marten.Subscriptions;

namespace Campaigns.Timelines;

/// <summary>
/// Projects the event log into timeline entries, off the command path: Wolverine runs it as a subscription of Marten's
/// async daemon, on one node at a time (the daemon's leader election). Each page of events is applied by
/// <see cref="TimelineHandlers"/> and the entries are stored through the page's own operations, which commit in the same
/// transaction as the subscription's progress: a crash mid-page rolls both back and the page is processed again, so
/// every event changes its entry exactly once.
/// </summary>
public sealed class TimelineSubscription : BatchSubscription
{
    public const string Name = "timelines";

    /// <summary>The row in <c>mt_event_progression</c> that says how far the timelines are.</summary>
    public const string ProgressName = Name + ":All";

    public TimelineSubscription() : base(Name)
    {
        foreach (var type in TimelineHandlers.EventTypes) IncludeType(type);
        Options.BatchSize = 1_000;
    }

    public override Task ProcessEventsAsync(EventRange page, ISubscriptionController controller,
        IDocumentOperations operations, IMessageBus bus, CancellationToken cancellationToken) =>
        ApplyAsync(page.Events, operations, cancellationToken);

    /// <summary>Loads the entries the events touch in one query, applies the events in order and stores what changed.</summary>
    public static async Task ApplyAsync(IReadOnlyList<IEvent> events, IDocumentOperations operations, CancellationToken ct)
    {
        var changed = await ChangedAsync(events, operations, ct);
        if (changed.Count == 0) return;
        operations.Store(changed.ToArray());
        TimelineKeys.Replace(operations, changed);
    }

    /// <summary>The entries the events change, each as it reads after the last of them.</summary>
    private static async Task<IReadOnlyCollection<TimelineEntry>> ChangedAsync(IReadOnlyList<IEvent> events, IQuerySession session, CancellationToken ct) =>
        (await ChangedAsync(events, session, new Dictionary<Guid, TimelineEntry>(), ct)).Changed;

    /// <summary>
    /// The entries the events change, and which of them were stored before. Entries in <paramref name="known"/> are taken
    /// from there instead of the database: a rebuild's page that is still being written.
    /// </summary>
    private static async Task<(IReadOnlyCollection<TimelineEntry> Changed, HashSet<Guid> Existed)> ChangedAsync(
        IReadOnlyList<IEvent> events, IQuerySession session, IReadOnlyDictionary<Guid, TimelineEntry> known, CancellationToken ct)
    {
        var ids = events.Select(TimelineHandlers.EntryId).OfType<Guid>().Distinct().ToArray();
        if (ids.Length == 0) return ([], []);

        var entries = ids.Where(known.ContainsKey).ToDictionary(id => id, id => known[id]);
        var stored = ids.Where(id => !entries.ContainsKey(id)).ToArray();
        if (stored.Length > 0)
            foreach (var entry in await session.LoadManyAsync<TimelineEntry>(ct, stored)) entries[entry.Id] = entry;
        var existed = entries.Keys.ToHashSet();
        var changed = new Dictionary<Guid, TimelineEntry>();
        foreach (var e in events)
        {
            if (TimelineHandlers.EntryId(e) is not { } id) continue;
            entries.TryGetValue(id, out var current);
            if (current is not null && e.Sequence <= current.Position) continue;
            if (TimelineHandlers.Project(e, current) is not { } next || ReferenceEquals(next, current)) continue;
            entries[id] = changed[id] = next with { Position = e.Sequence };
        }
        return (changed.Values, existed);
    }

    /// <summary>
    /// Builds every entry again from the whole log, in pages of <paramref name="pageSize"/> events, and leaves the
    /// subscription's progress at the last timeline event (never moving it back: a running subscription that is further
    /// along would otherwise fail its next progress update), so the subscription carries on from there. Run it while no
    /// app serves the store (<c>dotnet run -- timelines</c>), or in tests once the subscription is idle.
    /// </summary>
    public static async Task<long> RebuildAsync(IDocumentStore store, CancellationToken ct, int pageSize = 5_000, Action<long>? onPage = null)
    {
        await store.Advanced.Clean.DeleteDocumentsByTypeAsync(typeof(TimelineEntry), ct);
        await using (var clear = store.LightweightSession())
        {
            TimelineKeys.Clear(clear);
            await clear.SaveChangesAsync(ct);
        }
        var types = TimelineHandlers.EventTypes.Select(t => t.GetEventTypeName()).ToArray();
        long after = 0, processed = 0;
        // A pipeline: while one page is written, the next is read and applied. Applying a page needs the entries as the
        // pages before it left them: those of the page still being written come from memory, the rest are committed.
        var next = PageAfterAsync(store, types, after, pageSize, ct);
        var writing = Task.CompletedTask;
        IReadOnlyDictionary<Guid, TimelineEntry> beingWritten = new Dictionary<Guid, TimelineEntry>();
        while (true)
        {
            var events = await next;
            if (events.Count == 0) break;
            after = events[^1].Sequence;
            next = PageAfterAsync(store, types, after, pageSize, ct);
            IReadOnlyCollection<TimelineEntry> changed;
            HashSet<Guid> existed;
            await using (var query = store.QuerySession()) (changed, existed) = await ChangedAsync(events, query, beingWritten, ct);
            processed += events.Count;
            await writing;
            onPage?.Invoke(after);
            if (changed.Count == 0) continue;
            beingWritten = changed.ToDictionary(e => e.Id);
            writing = WritePageAsync(store, changed, existed, ct);
        }
        await writing;

        await Infrastructure.SubscriptionProgress.AdvanceAsync(store, ProgressName, after, ct);
        return processed;
    }

    /// <summary>
    /// Entries through COPY (Marten's bulk insert, overwriting those an earlier page wrote) and their key rows, on two
    /// connections at once. Key rows are deleted only for entries an earlier page wrote.
    /// </summary>
    private static Task WritePageAsync(IDocumentStore store, IReadOnlyCollection<TimelineEntry> changed, HashSet<Guid> existed, CancellationToken ct)
    {
        return Task.WhenAll(store.BulkInsertAsync(changed.ToList(), Weasel.Core.BulkInsertMode.OverwriteExisting, cancellation: ct), KeysAsync());

        async Task KeysAsync()
        {
            await using var keys = store.LightweightSession();
            TimelineKeys.Replace(keys, changed, existed.Contains);
            await keys.SaveChangesAsync(ct);
        }
    }

    private static async Task<IReadOnlyList<IEvent>> PageAfterAsync(IDocumentStore store, string[] types, long after, int pageSize, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await session.Events.QueryAllRawEvents()
            .Where(e => e.Sequence > after && e.EventTypeName.IsOneOf(types))
            .OrderBy(e => e.Sequence).Take(pageSize).ToListAsync(ct);
    }
}

/// <summary>Read-your-writes for the timelines: how far the subscription is, and a bounded wait for a position.</summary>
public sealed class TimelineProgress(IDocumentStore store, IConfiguration configuration)
{
    public const string PositionHeader = "Campaigns-Position";
    public const string WaitForHeader = "Campaigns-Wait-For";
    public const string ConsistentHeader = "Campaigns-Consistent";

    public async Task<long> CurrentAsync(CancellationToken ct)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        return await CurrentAsync(connection, ct);
    }

    /// <summary>How long a reader may be kept waiting (<c>Campaigns:Timelines:MaxWaitSeconds</c>, default 2).</summary>
    public TimeSpan MaxWait { get; } = TimeSpan.FromSeconds(configuration.GetValue("Campaigns:Timelines:MaxWaitSeconds", 2.0));

    /// <summary>Waits until the timelines have processed <paramref name="position"/>, for at most <see cref="MaxWait"/>.</summary>
    public async Task<bool> WaitForAsync(long position, CancellationToken ct) =>
        position <= 0 || await WaitForAsync(TimelineSubscription.ProgressName, position, MaxWait, ct);

    /// <summary>The subscriptions that build read models from the log: what "caught up" waits for.</summary>
    public static readonly IReadOnlyList<string> ReadModels =
        [TimelineSubscription.ProgressName, Search.SearchSubscription.ProgressName, Parliament.AgendaSubscription.ProgressName];

    /// <summary>For tests and tools: waits until the timelines and the search index have processed every event stored so far.</summary>
    public async Task<bool> WaitForEverythingAsync(TimeSpan timeout)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        // A store nobody wrote to yet has no event table.
        if (!await ExistsAsync(connection, Events, CancellationToken.None)) return true;
        await using var command = new NpgsqlCommand($"select coalesce(max(seq_id), 0) from {Events}", connection);
        var last = (long)(await command.ExecuteScalarAsync())!;
        var deadline = DateTime.UtcNow + timeout;
        foreach (var name in ReadModels)
        {
            while (await CurrentAsync(connection, name, CancellationToken.None) < last)
            {
                if (DateTime.UtcNow >= deadline) return false;
                await Task.Delay(20);
            }
        }
        return true;
    }

    /// <summary>Waits, for at most <paramref name="timeout"/>, until the subscription <paramref name="progressName"/> has processed <paramref name="position"/>.</summary>
    public async Task<bool> WaitForAsync(string progressName, long position, TimeSpan timeout, CancellationToken ct)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        var deadline = DateTime.UtcNow + timeout;
        while (await CurrentAsync(connection, progressName, ct) < position)
        {
            if (DateTime.UtcNow >= deadline) return false;
            await Task.Delay(20, ct);
        }
        return true;
    }

    /// <summary>The position of a stream's latest event: what a reader of the timelines waits for after a command.</summary>
    public async Task<long> OfStreamAsync(Guid streamId, CancellationToken ct)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            $"select coalesce(max(seq_id), 0) from {Events} where stream_id = @id", connection);
        command.Parameters.AddWithValue("id", streamId);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    private string Events => $"{Quote(store.Options.Events.DatabaseSchemaName)}.mt_events";
    private string Progression => $"{Quote(store.Options.Events.DatabaseSchemaName)}.mt_event_progression";

    private Task<long> CurrentAsync(NpgsqlConnection connection, CancellationToken ct) =>
        CurrentAsync(connection, TimelineSubscription.ProgressName, ct);

    private async Task<long> CurrentAsync(NpgsqlConnection connection, string progressName, CancellationToken ct)
    {
        if (!await ExistsAsync(connection, Progression, ct)) return 0;
        await using var command = new NpgsqlCommand($"select coalesce(max(last_seq_id), 0) from {Progression} where name = @name", connection);
        command.Parameters.AddWithValue("name", progressName);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    private static async Task<bool> ExistsAsync(NpgsqlConnection connection, string table, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("select to_regclass(@table) is not null", connection);
        command.Parameters.AddWithValue("table", table);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
}
