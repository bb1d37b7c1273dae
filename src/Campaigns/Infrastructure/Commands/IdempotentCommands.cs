using System.Text.Json;
using Campaigns.Infrastructure.Http;
using Marten;
using Wolverine;

namespace Campaigns.Infrastructure.Commands;

/// <summary>
/// A details object of a <see cref="CommandResult"/> that holds a secret shown once (a password, an API token). Its
/// answer is never stored: a retry with the same Idempotency-Key learns that the command was carried out, not the secret.
/// </summary>
public interface IShownOnce;

/// <summary>
/// The Idempotency-Key of the HTTP request being served, handed from <see cref="IdempotencyMiddleware"/> to the first
/// command the request invokes through <see cref="CommandBus"/>, which passes it on the envelope's headers.
/// </summary>
public sealed class IdempotentRequest(string recordId, string requestHash, IDocumentStore store)
{
    public const string RecordHeader = "campaigns-idempotency-record";
    public const string HashHeader = "campaigns-idempotency-hash";
    public const string CommandHeader = "campaigns-idempotency-command";

    private static readonly AsyncLocal<IdempotentRequest?> Served = new();
    private int _claimed;

    public string RecordId { get; } = recordId;
    public string RequestHash { get; } = requestHash;

    /// <summary>Set by the HTTP middleware around the rest of the pipeline.</summary>
    internal static IdempotentRequest? Current
    {
        get => Served.Value;
        set => Served.Value = value;
    }

    /// <summary>The request's key for the one command that claims it first; later commands of the same request get none.</summary>
    internal static IdempotentRequest? Claim() =>
        Current is { } request && Interlocked.Exchange(ref request._claimed, 1) == 0 ? request : null;

    internal DeliveryOptions ToDeliveryOptions(object command) => new()
    {
        Headers =
        {
            [RecordHeader] = RecordId,
            [HashHeader] = RequestHash,
            [CommandHeader] = command.GetType().FullName
        }
    };

    /// <summary>The committed record of this key, in a session of its own, opened and closed here.</summary>
    internal async Task<IdempotencyRecord?> FindCommittedAsync(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<IdempotencyRecord>(RecordId, ct);
    }
}

/// <summary>
/// Wolverine middleware on every handler that answers a <see cref="CommandResult"/>: when the command came with an
/// Idempotency-Key, the accepted answer is inserted into the handler's own <see cref="IDocumentSession"/>, so it commits
/// in the same transaction as the command's events and documents, or not at all. Two attempts with one key cannot both
/// commit: the second insert of the same id fails, and <see cref="CommandBus"/> then answers the first one's record.
/// </summary>
public static class IdempotentCommands
{
    private static readonly JsonSerializerOptions Json = JsonDefaults.Create();

    public static void After(CommandResult result, Envelope envelope, IDocumentSession session, TimeProvider clock)
    {
        if (!result.Accepted || result.Replay is not null) return;
        if (!envelope.Headers.TryGetValue(IdempotentRequest.RecordHeader, out var recordId) || recordId is null) return;
        if (!envelope.Headers.TryGetValue(IdempotentRequest.HashHeader, out var hash) || hash is null) return;
        // Only the command the key came with: a message it cascades answers nobody.
        if (!envelope.Headers.TryGetValue(IdempotentRequest.CommandHeader, out var command) || command != envelope.Message?.GetType().FullName) return;
        session.Insert(Answer(recordId, hash, result, clock.GetUtcNow()));
    }

    /// <summary>The HTTP answer <see cref="HttpCommands"/> gives this result, as it will be replayed; secrets left out.</summary>
    internal static IdempotencyRecord Answer(string recordId, string hash, CommandResult result, DateTimeOffset now)
    {
        var created = result.Location is not null;
        var withheld = result.Details is IShownOnce;
        var body = !created || withheld ? null : JsonSerializer.Serialize(result.Details ?? new { id = result.Id }, Json);
        return new IdempotencyRecord(recordId, hash, created ? StatusCodes.Status201Created : StatusCodes.Status204NoContent,
            result.Location, body, result.Id, withheld, now);
    }

    internal static bool Applies(Wolverine.Runtime.Handlers.HandlerChain chain) => chain.ReturnVariablesOfType<CommandResult>().Any();
}
