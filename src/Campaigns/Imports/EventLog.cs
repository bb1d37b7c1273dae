using System.Text;
using System.Text.Json;
using Campaigns.Campaigns;
using Campaigns.Contacts;
using Campaigns.Demands;
using Campaigns.FollowUps;
using Campaigns.Interactions;
using Campaigns.Themes;
using JasperFx.Events;
using Marten;
using Npgsql;

namespace Campaigns.Imports;

/// <summary>One line of the export: an event with everything Marten keeps about it.</summary>
/// <param name="Sequence">Its place in the whole log (Marten's seq_id). An import keeps the order; the numbers start again at 1.</param>
/// <param name="Id">Marten's event id. Timeline entries of lifecycle facts are keyed by it, so it is kept.</param>
/// <param name="StreamType">The aggregate of the stream (Marten's alias: contact, campaign, demand…).</param>
/// <param name="Type">Marten's event type name, e.g. contact_registered.</param>
/// <param name="DotNetType">The .NET type the data deserialises to.</param>
/// <param name="Timestamp">When it was recorded.</param>
/// <param name="Data">The event's JSON as stored.</param>
public sealed record ExportedEvent(
    long Sequence, Guid Id, Guid StreamId, string? StreamType, long Version, string Type, string DotNetType,
    DateTimeOffset Timestamp, string? UserName, string? CorrelationId, string? CausationId,
    JsonElement? Headers, JsonElement Data);

public sealed record EventImportResult(int Events, int Streams, int ProjectionsRebuilt)
{
    public override string ToString() =>
        $"Event log imported: {Events} events in {Streams} streams; {ProjectionsRebuilt} projections rebuilt.";
}

/// <summary>Either the result, or why nothing was imported.</summary>
public sealed record EventImportOutcome(EventImportResult? Result, IReadOnlyList<string> Problems)
{
    public bool Refused => Result is null;
}

/// <summary>
/// The event log as JSON lines, out and back in. The export reads Marten's tables as they are (data as stored,
/// masked events masked); the import appends every event again through Marten's own append API with its original
/// id, timestamp, user name, correlation and causation ids and headers (Marten's metadata overrides, which the
/// QuickWithServerTimestamps append mode honours), stream by stream in the original order, in one transaction, and
/// then rebuilds every projection.
/// </summary>
public sealed class EventLog(IDocumentStore store, ILogger<EventLog> logger)
{
    /// <summary>"evimport" as a number.</summary>
    private const long AdvisoryLockKey = 0x6576696d706f7274;

    public static readonly JsonSerializerOptions LineJson = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    /// <summary>The aggregates our streams belong to; a stream of another type cannot be imported.</summary>
    private static readonly Type[] Aggregates = [typeof(Theme), typeof(Contact), typeof(Campaign), typeof(Demand), typeof(Interaction), typeof(FollowUp)];

    private string Schema => store.Options.Events.DatabaseSchemaName;

    private Marten.Events.EventGraph Events => (Marten.Events.EventGraph)((DocumentStore)store).Options.Events;

    /// <summary>Every event except Marten's tombstones (fillers for failed appends), oldest first, one JSON object per line.</summary>
    public async Task<int> ExportAsync(Stream output, CancellationToken ct)
    {
        await using var connection = (NpgsqlConnection)store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"""
            select e.seq_id, e.id, e.stream_id, s.type, e.version, e.type, e.mt_dotnet_type, e.timestamp,
                   e.user_name, e.correlation_id, e.causation_id, e.headers::text, e.data::text
            from "{Schema}".mt_events e left join "{Schema}".mt_streams s on s.id = e.stream_id
            where e.type <> 'tombstone'
            order by e.seq_id
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var count = 0;
        await using var writer = new Utf8JsonWriter(output);
        while (await reader.ReadAsync(ct))
        {
            writer.WriteStartObject();
            writer.WriteNumber("sequence", reader.GetInt64(0));
            writer.WriteString("id", reader.GetGuid(1));
            writer.WriteString("streamId", reader.GetGuid(2));
            WriteText(writer, "streamType", reader, 3);
            writer.WriteNumber("version", reader.GetInt64(4));
            writer.WriteString("type", reader.GetString(5));
            writer.WriteString("dotNetType", reader.GetString(6));
            writer.WriteString("timestamp", reader.GetFieldValue<DateTimeOffset>(7));
            WriteText(writer, "userName", reader, 8);
            WriteText(writer, "correlationId", reader, 9);
            WriteText(writer, "causationId", reader, 10);
            writer.WritePropertyName("headers");
            if (reader.IsDBNull(11)) writer.WriteNullValue(); else writer.WriteRawValue(reader.GetString(11), skipInputValidation: true);
            writer.WritePropertyName("data");
            writer.WriteRawValue(reader.GetString(12), skipInputValidation: true);
            writer.WriteEndObject();
            await writer.FlushAsync(ct);
            writer.Reset();
            await output.WriteAsync("\n"u8.ToArray(), ct);
            if (++count % 200 == 0) await output.FlushAsync(ct);
        }
        await output.FlushAsync(ct);
        return count;
    }

    private static void WriteText(Utf8JsonWriter writer, string name, NpgsqlDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal)) writer.WriteNull(name);
        else writer.WriteString(name, reader.GetString(ordinal));
    }

    /// <summary>
    /// Restores an export into a store without events. Refuses, with the line, anything it cannot restore as it
    /// was: bad JSON, an unknown event or stream type, versions with a gap, sequences out of order.
    /// </summary>
    public async Task<EventImportOutcome> ImportAsync(Stream input, CancellationToken ct)
    {
        var (events, problems) = await ReadAsync(input, ct);
        if (problems.Count > 0) return new EventImportOutcome(null, problems);

        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await using (var connection = (NpgsqlConnection)store.Storage.Database.CreateConnection())
        {
            await connection.OpenAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await Infrastructure.LockedTransaction.TakeAsync(connection, transaction, AdvisoryLockKey, ct);
            await using (var count = new NpgsqlCommand($"select count(*) from \"{Schema}\".mt_events", connection, transaction))
            {
                var existing = (long)(await count.ExecuteScalarAsync(ct))!;
                if (existing > 0)
                    return new EventImportOutcome(null,
                        [$"De database bevat al {existing} events. Een export kan alleen in een lege database worden ingelezen."]);
            }

            await using var session = store.LightweightSession(Marten.Services.SessionOptions.ForTransaction(transaction));
            var aggregates = Aggregates.ToDictionary(Events.AggregateAliasFor, t => t);
            // One save per run of events of one stream: the events get their sequence numbers in the original order.
            foreach (var run in Runs(events))
            {
                var wrappers = run.Select(Wrap).ToArray();
                var first = run[0];
                if (first.Version == 1)
                {
                    if (first.StreamType is { } alias) session.Events.StartStream(aggregates[alias], first.StreamId, wrappers);
                    else session.Events.StartStream(first.StreamId, wrappers);
                }
                else
                    session.Events.Append(first.StreamId, first.Version - 1 + run.Count, wrappers);
                await session.SaveChangesAsync(ct);
            }
            await transaction.CommitAsync(ct);
        }

        var rebuilt = await RebuildProjectionsAsync(ct);
        var result = new EventImportResult(events.Count, events.Select(e => e.StreamId).Distinct().Count(), rebuilt);
        logger.LogInformation("{Result}", result);
        return new EventImportOutcome(result, []);
    }

    /// <summary>
    /// The inline projections ran as the events went in; a rebuild from the complete log is what
    /// <c>projections --rebuild</c> would do, and makes sure every read model is the log's, whatever order it was built in.
    /// </summary>
    private async Task<int> RebuildProjectionsAsync(CancellationToken ct)
    {
        var options = ((DocumentStore)store).Options;
        using var daemon = await store.BuildProjectionDaemonAsync();
        var names = options.Projections.All.Select(p => p.Name).Distinct().ToList();
        foreach (var name in names) await daemon.RebuildProjectionAsync(name, ct);
        await Timelines.TimelineSubscription.RebuildAsync(store, ct);
        await Search.SearchIndex.RebuildAsync(store, ct);
        return names.Count + 2;
    }

    private IEvent Wrap(ExportedEvent exported)
    {
        var type = Type.GetType(exported.DotNetType)!;
        var data = Deserialize(exported.Data, type);
        var wrapper = Events.BuildEvent(data);
        wrapper.Id = exported.Id;
        wrapper.Timestamp = exported.Timestamp;
        wrapper.UserName = exported.UserName;
        wrapper.CorrelationId = exported.CorrelationId;
        wrapper.CausationId = exported.CausationId;
        if (exported.Headers is { ValueKind: JsonValueKind.Object } headers)
            foreach (var header in headers.EnumerateObject())
                wrapper.SetHeader(header.Name, header.Value.Clone());
        return wrapper;
    }

    /// <summary>With the store's own serializer: it reads exactly what it wrote.</summary>
    private object Deserialize(JsonElement data, Type type) =>
        store.Options.Serializer().FromJson(type, new MemoryStream(Encoding.UTF8.GetBytes(data.GetRawText())));

    private static IEnumerable<List<ExportedEvent>> Runs(IReadOnlyList<ExportedEvent> events)
    {
        var run = new List<ExportedEvent>();
        foreach (var e in events)
        {
            if (run.Count > 0 && (run[0].StreamId != e.StreamId || run.Count >= 500))
            {
                yield return run;
                run = [];
            }
            run.Add(e);
        }
        if (run.Count > 0) yield return run;
    }

    private async Task<(List<ExportedEvent> Events, List<string> Problems)> ReadAsync(Stream input, CancellationToken ct)
    {
        var events = new List<ExportedEvent>();
        var problems = new List<string>();
        var aliases = Aggregates.Select(Events.AggregateAliasFor).ToHashSet();
        var versions = new Dictionary<Guid, (long Version, string? StreamType)>();
        using var reader = new StreamReader(input, Encoding.UTF8);
        var number = 0;
        long lastSequence = 0;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            if (problems.Count >= 20) break;
            ExportedEvent? e;
            try
            {
                e = JsonSerializer.Deserialize<ExportedEvent>(line, LineJson);
            }
            catch (JsonException ex)
            {
                problems.Add($"regel {number}: geen geldige JSON ({ex.Message})");
                continue;
            }
            if (e is null || e.Id == Guid.Empty || e.StreamId == Guid.Empty || string.IsNullOrEmpty(e.DotNetType) || e.Data.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"regel {number}: id, streamId, dotNetType en data zijn verplicht");
                continue;
            }
            var name = $"regel {number} (event {e.Id}, {e.Type})";
            var type = Type.GetType(e.DotNetType);
            if (type is null || type.Assembly != typeof(EventLog).Assembly)
                problems.Add($"{name}: onbekend eventtype {e.DotNetType}");
            else if (Events.EventMappingFor(type).EventTypeName != e.Type)
                problems.Add($"{name}: eventtype {e.Type} hoort niet bij {e.DotNetType}");
            else
                try
                {
                    Deserialize(e.Data, type);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    problems.Add($"{name}: de data past niet bij {type.Name} ({ex.Message})");
                }
            if (e.StreamType is not null && !aliases.Contains(e.StreamType))
                problems.Add($"{name}: onbekend streamtype {e.StreamType}");
            if (e.Sequence <= lastSequence)
                problems.Add($"{name}: sequence {e.Sequence} volgt niet op {lastSequence}");
            lastSequence = e.Sequence;
            var previous = versions.GetValueOrDefault(e.StreamId, (0, e.StreamType));
            if (e.Version != previous.Version + 1)
                problems.Add($"{name}: versie {e.Version} van stream {e.StreamId} volgt niet op {previous.Version}");
            if (previous.StreamType != e.StreamType)
                problems.Add($"{name}: stream {e.StreamId} wisselt van type ({previous.StreamType} → {e.StreamType})");
            versions[e.StreamId] = (e.Version, e.StreamType);
            events.Add(e);
        }
        if (number == 0) problems.Add("Het bestand is leeg.");
        return (events, problems);
    }
}
