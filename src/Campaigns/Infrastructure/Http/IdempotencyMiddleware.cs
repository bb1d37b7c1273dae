using System.Security.Cryptography;
using System.Text;
using Campaigns.Infrastructure.Commands;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace Campaigns.Infrastructure.Http;

/// <summary>
/// What a command answered the first time its Idempotency-Key was used. Written by <see cref="IdempotentCommands"/> in
/// the command's own transaction; <see cref="Body"/> is the JSON of a 201 (null for a 204, and for an answer that held
/// a secret, see <see cref="SecretWithheld"/>). Purged after <c>Campaigns:Idempotency:RetentionHours</c>.
/// </summary>
public sealed record IdempotencyRecord(
    string Id, string RequestHash, int StatusCode, string? Location, string? Body, Guid? StreamId, bool SecretWithheld,
    DateTimeOffset RecordedAt);

/// <summary>
/// A retried POST with the same Idempotency-Key gets the first answer back and stores nothing more. This middleware
/// only looks the key up (in a short query session of its own, closed before the request goes on) and replays a
/// committed answer; otherwise it hands the key to the command the request invokes (<see cref="IdempotentRequest"/>),
/// whose transaction stores the answer with the events. Concurrent duplicates need no lock: only one of them can
/// insert the record, and the other answers what that one committed (<see cref="CommandBus"/>).
/// POSTs that invoke no command (sign-in, imports, forgetting, the calendar secret) are not recorded.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next)
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayHeader = "Idempotent-Replay";
    private const int MaxKeyLength = 200;

    public async Task InvokeAsync(HttpContext context, IDocumentStore store)
    {
        var key = context.Request.Headers[HeaderName].ToString();
        if (!HttpMethods.IsPost(context.Request.Method) || string.IsNullOrWhiteSpace(key))
        {
            await next(context);
            return;
        }

        if (key.Length > MaxKeyLength)
        {
            await WriteProblem(context, StatusCodes.Status400BadRequest, $"The {HeaderName} header is longer than {MaxKeyLength} characters.");
            return;
        }

        context.Request.EnableBuffering();
        var requestHash = await HashRequest(context.Request);
        var request = new IdempotentRequest($"{context.User.Identity?.Name}|{context.Request.Path}|{key}", requestHash, store);

        if (await request.FindCommittedAsync(context.RequestAborted) is { } earlier)
        {
            if (earlier.RequestHash != requestHash) await Results.Problem(OtherBody()).ExecuteAsync(context);
            else await ReplayAsync(context, earlier);
            return;
        }

        IdempotentRequest.Current = request;
        try
        {
            await next(context);
        }
        finally
        {
            IdempotentRequest.Current = null;
        }
    }

    public static ProblemDetails OtherBody() => new()
    {
        Status = StatusCodes.Status422UnprocessableEntity, Title = "Idempotency-Key refused",
        Detail = $"This {HeaderName} was already used for a different request body."
    };

    /// <summary>The stored answer again, marked <c>Idempotent-Replay: true</c>.</summary>
    public static async Task ReplayAsync(HttpContext context, IdempotencyRecord earlier)
    {
        context.Response.Headers[ReplayHeader] = "true";
        if (earlier.SecretWithheld)
        {
            // The command was carried out once; its secret was shown to the first attempt only and is stored nowhere.
            await Results.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict, Title = "Already carried out",
                Detail = $"This {HeaderName} was already used, and the request was carried out then. Its answer held a secret " +
                         "that is shown once and never stored, so it cannot be repeated; issue a new token if it was lost.",
                Extensions = { ["location"] = earlier.Location }
            }).ExecuteAsync(context);
            return;
        }

        context.Response.StatusCode = earlier.StatusCode;
        if (!string.IsNullOrEmpty(earlier.Location)) context.Response.Headers.Location = earlier.Location;
        if (earlier.StreamId is { } id)
        {
            var progress = context.RequestServices.GetRequiredService<Timelines.TimelineProgress>();
            context.Response.Headers[Timelines.TimelineProgress.PositionHeader] = (await progress.OfStreamAsync(id, context.RequestAborted)).ToString();
        }
        if (earlier.Body is null) return;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(earlier.Body, context.RequestAborted);
    }

    /// <summary>Method, path and body: the same key on another request is refused.</summary>
    private static async Task<string> HashRequest(HttpRequest request)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}\n"));
        request.Body.Position = 0;
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0) hash.AppendData(buffer, 0, read);
        request.Body.Position = 0;
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static Task WriteProblem(HttpContext context, int status, string detail) =>
        Results.Problem(new ProblemDetails { Status = status, Title = "Idempotency-Key refused", Detail = detail })
            .ExecuteAsync(context);
}
