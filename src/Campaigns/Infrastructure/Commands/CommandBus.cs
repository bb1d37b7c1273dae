using System.Security.Claims;
using Campaigns.Infrastructure.Http;
using Campaigns.Infrastructure.Validation;
using JasperFx.Events;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;

namespace Campaigns.Infrastructure.Commands;

/// <summary>
/// The one way a command enters the domain. API endpoints and pages both invoke the command's Wolverine handler, as the
/// signed-in user, and get a <see cref="CommandResult"/> back; the handler's transaction commits its events and outgoing
/// messages together.
/// </summary>
public static class CommandBus
{
    public static async Task<CommandResult> InvokeCommandAsync(this IMessageBus bus, object command, string actingUser, CancellationToken ct)
    {
        // Relayed onto the envelope: Marten records it as the events' user, and handlers read it from the envelope.
        if (bus is not IMessageContext context) throw new InvalidOperationException("Commands need Wolverine's scoped message context.");
        context.UserName = actingUser;
        // An Idempotency-Key of the HTTP request travels on the envelope; IdempotentCommands stores the answer in the
        // handler's transaction.
        var idempotent = IdempotentRequest.Claim();
        CommandResult result;
        CommittedPosition.Watch();
        try
        {
            result = await (idempotent is null
                         ? bus.InvokeAsync<CommandResult>(command, ct)
                         : bus.InvokeAsync<CommandResult>(command, idempotent.ToDeliveryOptions(command), ct))
                     ?? throw new InvalidOperationException($"The handler of {command.GetType().Name} answered nothing.");
        }
        catch (Exception e)
        {
            // Whatever failed, an attempt with the same key may have committed meanwhile (a concurrent duplicate whose
            // record this attempt's insert collided with, or a commit whose answer was lost): answer that one.
            if (idempotent is not null && await EarlierAsync(idempotent, ct) is { } earlier) return earlier;
            // Wolverine's retry policy has already run the command again on the new state; this one kept losing.
            if (IsLostRace(e)) return CommandResult.Refused(Problems.Conflict("Iemand anders wijzigde dit tegelijk. Laad opnieuw en probeer het nog eens."));
            throw;
        }

        // A refusal (say "already exists") may only mean that a concurrent duplicate committed first.
        if (!result.Accepted && idempotent is not null && await EarlierAsync(idempotent, ct) is { } first) return first;
        return result with { Position = CommittedPosition.Take() };
    }

    private static async Task<CommandResult?> EarlierAsync(IdempotentRequest request, CancellationToken ct) =>
        await request.FindCommittedAsync(ct) is { } earlier
            ? earlier.RequestHash == request.RequestHash
                ? CommandResult.Replaying(earlier)
                : CommandResult.Refused(IdempotencyMiddleware.OtherBody())
            : null;

    /// <summary>Two writers on one stream, a new stream whose id was taken meanwhile, or a document inserted twice.</summary>
    public static bool IsLostRace(Exception e) =>
        e is JasperFx.ConcurrencyException or ExistingStreamIdCollisionException or Marten.Exceptions.ExistingStreamIdCollisionException
            or JasperFx.DocumentAlreadyExistsException
        || e.InnerException is { } inner && IsLostRace(inner);

    public static bool Passed(ProblemDetails problem) =>
        ReferenceEquals(problem, Wolverine.Http.WolverineContinue.NoProblems) || problem.Status is null or < 400;

    /// <summary>The expected version the caller read, when it sent one: a stream that moved on since refuses the command.</summary>
    public static ProblemDetails Unchanged<T>(long? expectedVersion, IEventStream<T> stream) where T : class =>
        expectedVersion is { } expected && expected != stream.CurrentVersion
            ? new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict, Title = "Conflict",
                Detail = "Dit is intussen gewijzigd. Laad opnieuw en probeer het nog eens.",
                Extensions = { ["expectedVersion"] = expected, ["currentVersion"] = stream.CurrentVersion }
            }
            : Wolverine.Http.WolverineContinue.NoProblems;
}

/// <summary>The HTTP edge of <see cref="CommandBus"/>: 201 with Location for a new stream, 204 for a change, else the ProblemDetails.</summary>
public static class HttpCommands
{
    public const string IfMatch = "If-Match";

    public static async Task<IResult> AnswerAsync(this IMessageBus bus, object command, ClaimsPrincipal user, CancellationToken ct) =>
        ToHttp(await bus.InvokeCommandAsync(command, user.Identity?.Name ?? throw new InvalidOperationException("No signed-in user."), ct));

    /// <summary>For a command on an existing stream: an <c>If-Match</c> header becomes the command's expected version.</summary>
    public static Task<IResult> AnswerAsync(this IMessageBus bus, HttpContext http, Func<long?, object> command, CancellationToken ct)
    {
        var header = http.Request.Headers[IfMatch].ToString();
        if (string.IsNullOrWhiteSpace(header)) return bus.AnswerAsync(command(null), http.User, ct);
        if (!TryParseVersion(header, out var version))
            return Task.FromResult(ToHttp(CommandResult.Refused(new Check().Add(IfMatch, "Verwacht de versie uit de ETag, bijvoorbeeld \"3\".").ToProblem())));
        return bus.AnswerAsync(command(version), http.User, ct);
    }

    public static IResult ToHttp(CommandResult result) => new Answer(result);

    /// <summary>
    /// 201/204 or the ProblemDetails, with the position of the stream's latest event in <c>Campaigns-Position</c>: a
    /// client that reads a timeline next passes it back to see its own write.
    /// </summary>
    private sealed class Answer(CommandResult result) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            if (result.Replay is { } earlier)
            {
                await IdempotencyMiddleware.ReplayAsync(http, earlier);
                return;
            }
            if (result is { Problem: null, Id: { } id })
            {
                var position = result.Position
                               ?? await http.RequestServices.GetRequiredService<Timelines.TimelineProgress>().OfStreamAsync(id, http.RequestAborted);
                http.Response.Headers[Timelines.TimelineProgress.PositionHeader] = position.ToString();
            }
            switch (result)
            {
                case { Problem: { } problem }:
                    await Results.Problem(problem).ExecuteAsync(http);
                    break;
                case { Location: { } location }:
                    // Wolverine's CreationResponse sets the 201 and the Location; the body is the id (and details) as before.
                    ((IHttpAware)new CreationResponse(location)).Apply(http);
                    var body = result.Details ?? new { id = result.Id };
                    await http.Response.WriteAsJsonAsync(body, body.GetType(), http.RequestAborted);
                    break;
                default:
                    await Results.NoContent().ExecuteAsync(http);
                    break;
            }
        }
    }

    public static void WriteETag(HttpContext context, long version) => context.Response.Headers.ETag = $"\"{version}\"";

    internal static bool TryParseVersion(string header, out long version)
    {
        var value = header.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal)) value = value[2..];
        return long.TryParse(value.Trim('"'), out version) && version >= 0;
    }
}
