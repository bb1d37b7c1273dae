using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;

namespace Campaigns.Infrastructure.Commands;

/// <summary>
/// What a command handler answers to whoever sent the command through <see cref="CommandBus"/>: the stream it wrote
/// (and where to read it), or the refusal that stored nothing. The API turns it into 201/204 or a ProblemDetails; a page
/// shows it on the form.
/// </summary>
public sealed record CommandResult
{
    public ProblemDetails? Problem { get; init; }
    /// <summary>The stream the command appended to.</summary>
    public Guid? Id { get; init; }
    /// <summary>Set for a command that started a stream: where the API answers with 201 and this Location.</summary>
    public string? Location { get; init; }
    /// <summary>Anything the caller should see besides the id, such as close matches or a secret shown once.</summary>
    public object? Details { get; init; }

    /// <summary>
    /// The first attempt's stored answer, when this command came with an Idempotency-Key that an earlier attempt
    /// already committed: nothing was done this time, and the API answers that record again.
    /// </summary>
    [JsonIgnore] public Http.IdempotencyRecord? Replay { get; init; }

    /// <summary>The log position of the last event the command committed; null when it appended nothing.</summary>
    [JsonIgnore] public long? Position { get; init; }

    [JsonIgnore] public bool Accepted => Problem is null;

    public static CommandResult Started(Guid id, string location, object? details = null) =>
        new() { Id = id, Location = location, Details = details };

    public static CommandResult Changed(Guid id) => new() { Id = id };

    public static CommandResult Refused(ProblemDetails problem) => new() { Problem = problem };

    public static CommandResult Replaying(Http.IdempotencyRecord earlier) =>
        new() { Id = earlier.StreamId, Location = earlier.Location, Replay = earlier };
}
