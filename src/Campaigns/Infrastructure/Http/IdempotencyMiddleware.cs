using System.Security.Cryptography;
using System.Text;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace Campaigns.Infrastructure.Http;

/// <summary>What a POST answered the first time its Idempotency-Key was used.</summary>
public sealed record IdempotencyRecord(
    string Id, string RequestHash, int StatusCode, string? ContentType, string? Location, string Body, DateTimeOffset RecordedAt);

/// <summary>
/// A retried POST with the same Idempotency-Key gets the first answer back and stores nothing more.
/// Concurrent duplicates are serialised on a PostgreSQL advisory lock, so only one of them runs.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next)
{
    public const string HeaderName = "Idempotency-Key";
    private const int MaxKeyLength = 200;

    public async Task InvokeAsync(HttpContext context, IDocumentStore store, TimeProvider clock)
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
        var requestHash = await HashRequestBody(context.Request);
        var recordId = $"{context.User.Identity?.Name}|{context.Request.Path}|{key}";

        await using var lockConnection = store.Storage.Database.CreateConnection();
        await lockConnection.OpenAsync(context.RequestAborted);
        await using (var lockCommand = lockConnection.CreateCommand())
        {
            lockCommand.CommandText = "select pg_advisory_lock(hashtextextended(@id, 0))";
            lockCommand.Parameters.AddWithValue("id", recordId);
            await lockCommand.ExecuteNonQueryAsync(context.RequestAborted);
        }

        try
        {
            await using (var query = store.QuerySession())
            {
                var earlier = await query.LoadAsync<IdempotencyRecord>(recordId, context.RequestAborted);
                if (earlier is not null)
                {
                    await Replay(context, earlier, requestHash);
                    return;
                }
            }

            var originalBody = context.Response.Body;
            await using var captured = new MemoryStream();
            context.Response.Body = captured;
            try
            {
                await next(context);
            }
            finally
            {
                context.Response.Body = originalBody;
            }

            captured.Position = 0;
            var body = Encoding.UTF8.GetString(captured.ToArray());
            if (context.Response.StatusCode is >= 200 and < 300)
            {
                await using var session = store.LightweightSession();
                session.Store(new IdempotencyRecord(recordId, requestHash, context.Response.StatusCode,
                    context.Response.ContentType, context.Response.Headers.Location.ToString(), body, clock.GetUtcNow()));
                await session.SaveChangesAsync(context.RequestAborted);
            }

            captured.Position = 0;
            await captured.CopyToAsync(originalBody, context.RequestAborted);
        }
        finally
        {
            await using var unlock = lockConnection.CreateCommand();
            unlock.CommandText = "select pg_advisory_unlock(hashtextextended(@id, 0))";
            unlock.Parameters.AddWithValue("id", recordId);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private static async Task Replay(HttpContext context, IdempotencyRecord earlier, string requestHash)
    {
        if (earlier.RequestHash != requestHash)
        {
            await WriteProblem(context, StatusCodes.Status422UnprocessableEntity,
                $"This {HeaderName} was already used for a different request body.");
            return;
        }

        context.Response.StatusCode = earlier.StatusCode;
        if (earlier.ContentType is not null) context.Response.ContentType = earlier.ContentType;
        if (!string.IsNullOrEmpty(earlier.Location)) context.Response.Headers.Location = earlier.Location;
        context.Response.Headers["Idempotent-Replay"] = "true";
        await context.Response.WriteAsync(earlier.Body, context.RequestAborted);
    }

    private static async Task<string> HashRequestBody(HttpRequest request)
    {
        request.Body.Position = 0;
        var hash = await SHA256.HashDataAsync(request.Body, request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        return Convert.ToHexString(hash);
    }

    private static Task WriteProblem(HttpContext context, int status, string detail) =>
        Results.Problem(new ProblemDetails { Status = status, Title = "Idempotency-Key refused", Detail = detail })
            .ExecuteAsync(context);
}
