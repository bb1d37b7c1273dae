using Campaigns.Infrastructure.Validation;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Campaigns.Infrastructure.Http;

/// <summary>
/// Optimistic concurrency at the HTTP edge. A client that sends <c>If-Match: "version"</c> gets 409 when the stream moved on.
/// A client that does not is never refused for a race: the request is simply run again on the new state.
/// </summary>
public static class Concurrency
{
    public const string IfMatch = "If-Match";

    public static async Task<ProblemDetails> CheckIfMatchAsync(HttpContext context, IQuerySession session, Guid streamId, CancellationToken ct)
    {
        var header = context.Request.Headers[IfMatch].ToString();
        if (string.IsNullOrWhiteSpace(header)) return WolverineContinue.NoProblems;
        if (!TryParseVersion(header, out var expected))
            return new Check().Add("If-Match", "Verwacht de versie uit de ETag, bijvoorbeeld \"3\".").ToProblem();

        var state = await session.Events.FetchStreamStateAsync(streamId, ct);
        if (state is null) return WolverineContinue.NoProblems; // the endpoint answers 404 itself
        return state.Version == expected
            ? WolverineContinue.NoProblems
            : Problems.Conflict($"Dit is intussen gewijzigd: versie {state.Version}, niet {expected}. Laad opnieuw en probeer het nog eens.");
    }

    public static void WriteETag(HttpContext context, long version) => context.Response.Headers.ETag = $"\"{version}\"";

    /// <summary>Loads a stream's snapshot and answers its version as the ETag a client sends back as If-Match.</summary>
    public static async Task<(T? Snapshot, long Version)> LoadWithETagAsync<T>(IQuerySession session, Guid id, HttpContext context, CancellationToken ct)
        where T : notnull
    {
        var snapshot = await session.LoadAsync<T>(id, ct);
        if (snapshot is null) return (default, 0);
        var state = await session.Events.FetchStreamStateAsync(id, ct);
        var version = state?.Version ?? 0;
        WriteETag(context, version);
        return (snapshot, version);
    }

    internal static bool TryParseVersion(string header, out long version)
    {
        var value = header.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal)) value = value[2..];
        return long.TryParse(value.Trim('"'), out version);
    }
}

/// <summary>
/// Turns a lost optimistic-concurrency race into a retry (no If-Match) or a 409 (If-Match).
/// Wolverine answers a race with a 409 of type <see cref="ConflictType"/>; this middleware sees that answer before the client does.
/// </summary>
public sealed class ConcurrencyRetryMiddleware(RequestDelegate next, ILogger<ConcurrencyRetryMiddleware> logger)
{
    public const string ConflictType = "urn:campaigns:concurrency-conflict";
    private const int MaxAttempts = 30;

    public static ProblemDetails ConflictProblem(Exception _) => new()
    {
        Status = StatusCodes.Status409Conflict,
        Type = ConflictType,
        Title = "Conflict",
        Detail = "Iemand anders wijzigde dit tegelijk. Laad opnieuw en probeer het nog eens."
    };

    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || context.Request.Headers.ContainsKey(Concurrency.IfMatch))
        {
            await next(context);
            return;
        }

        context.Request.EnableBuffering();
        var originalBody = context.Response.Body;
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                await using var buffer = new MemoryStream();
                context.Response.Body = buffer;
                var lostRace = false;
                try
                {
                    await next(context);
                }
                catch (Exception e) when (IsConcurrencyFailure(e) && attempt < MaxAttempts)
                {
                    lostRace = true;
                }

                if (attempt < MaxAttempts && (lostRace || await IsLostRace(context, buffer)))
                {
                    logger.LogDebug("Concurrency conflict on {Path}, attempt {Attempt}; retrying", context.Request.Path, attempt);
                    context.Request.Body.Position = 0;
                    context.Response.Clear();
                    // Jittered exponential back-off spreads a burst of writers on one stream (50 calls raising one demand).
                    await Task.Delay(Random.Shared.Next(1, Math.Min(250, 4 << Math.Min(attempt, 6))), context.RequestAborted);
                    continue;
                }

                buffer.Position = 0;
                await buffer.CopyToAsync(originalBody, context.RequestAborted);
                return;
            }
        }
        finally
        {
            context.Response.Body = originalBody;
        }
    }

    private static bool IsConcurrencyFailure(Exception e) =>
        e is JasperFx.ConcurrencyException || e.InnerException is { } inner && IsConcurrencyFailure(inner);

    private static async Task<bool> IsLostRace(HttpContext context, MemoryStream buffer)
    {
        if (context.Response.StatusCode != StatusCodes.Status409Conflict) return false;
        buffer.Position = 0;
        using var reader = new StreamReader(buffer, leaveOpen: true);
        return (await reader.ReadToEndAsync()).Contains(ConflictType, StringComparison.Ordinal);
    }
}
