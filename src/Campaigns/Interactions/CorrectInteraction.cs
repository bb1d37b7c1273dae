using Campaigns.Demands;

namespace Campaigns.Interactions;

/// <summary>Fix a mistake in a logged interaction: name only the fields that change, and say why.</summary>
public record CorrectInteraction(
    string? Subject, string? Summary, string? Outcome, string? DocumentRef, string? Location, DateOnly? HappenedOn,
    IReadOnlyList<Guid>? ContactIds, IReadOnlyList<string>? Themes, IReadOnlyList<Guid>? DemandIds,
    IReadOnlyList<string>? OurSide, string Reason)
{
    public Guid InteractionId { get; init; }
    public long? ExpectedVersion { get; init; }
}

public static class CorrectInteractionHandler
{
    public static async Task<ProblemDetails> ValidateAsync(
        CorrectInteraction command, IEventStream<Interaction> stream, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        if (stream.Aggregate is not { } interaction) return Problems.NotFound("Dit contactmoment bestaat niet.");
        var check = new Check()
            .Required("reason", command.Reason, Check.LongText)
            .NotBlankIfSent("subject", command.Subject)
            .MaxLength("summary", command.Summary, Check.LongText)
            .MaxLength("outcome", command.Outcome, Check.LongText)
            .MaxLength("documentRef", command.DocumentRef, Check.ShortText)
            .MaxLength("location", command.Location, Check.ShortText)
            .AtMost("themes", command.Themes)
            .AtMost("demandIds", command.DemandIds);
        if (command.ContactIds is not null) check.NotEmpty("contactIds", command.ContactIds);
        // The same limits as when logging: at most 20 names of our own people, none blank or overlong.
        if (command.OurSide is not null) check.NotEmpty("ourSide", command.OurSide, 20);
        foreach (var name in command.OurSide ?? []) check.Required("ourSide", name);
        if (command.HappenedOn is not null) check.HappenedBy("happenedOn", command.HappenedOn, clock.GetUtcNow());
        if (ToChanges(command, interaction) == new InteractionChanges()) check.Add("changes", "Noem minstens één veld dat verandert.");

        await KnownReferences.CheckContacts(check, session, "contactIds", command.ContactIds, ct);
        await KnownReferences.CheckThemes(check, session, "themes", command.Themes, ct);
        await KnownReferences.CheckDemands(check, session, "demandIds", command.DemandIds, ct);
        if (!check.IsValid) return check.ToProblem();
        return interaction.Retracted
            ? Problems.Conflict("Dit contactmoment is ingetrokken en kan niet meer worden gecorrigeerd.")
            : CommandBus.Unchanged(command.ExpectedVersion, stream);
    }

    public static (CommandResult, Events, OutgoingMessages) Handle(CorrectInteraction command, [WriteAggregate] IEventStream<Interaction> stream)
    {
        var (corrected, raised, withdrawn, redated) = Decide(command, stream.Aggregate!);
        // The mentioned demands and the follow-up policies hear of it through the outbox.
        return (CommandResult.Changed(command.InteractionId), [corrected], [.. raised, .. withdrawn, .. redated, corrected]);
    }

    /// <summary>
    /// A correction that adds a demand raises it, just as logging the interaction would have; one that drops a demand
    /// withdraws the mention; one that moves the contact moment to another day moves the mentions it keeps. Only the
    /// fields that really change are recorded.
    /// </summary>
    public static (InteractionCorrected Corrected, IReadOnlyList<RaiseDemand> Raised, IReadOnlyList<WithdrawDemandMention> Withdrawn,
        IReadOnlyList<RedateDemandMention> Redated) Decide(CorrectInteraction command, Interaction interaction)
    {
        var corrected = new InteractionCorrected(interaction.Id, ToChanges(command, interaction), command.Reason.Trim());
        var after = interaction.With(corrected.Changes);
        return (corrected,
            DemandStreams.Raises(after.DemandIds.Except(interaction.DemandIds), interaction.Id, after.HappenedOn, after.ContactIds),
            DemandStreams.Withdrawals(interaction.DemandIds.Except(after.DemandIds), interaction.Id),
            after.HappenedOn == interaction.HappenedOn ? [] : DemandStreams.Redates(after.DemandIds.Intersect(interaction.DemandIds), interaction.Id, after.HappenedOn));
    }

    /// <summary>The fields the command names whose value differs from the interaction's: a field sent unchanged is no change.</summary>
    private static InteractionChanges ToChanges(CorrectInteraction c, Interaction current) =>
        new(Check.Changed(c.Subject, current.Subject), Check.Changed(c.Summary, current.Summary), Check.Changed(c.Outcome, current.Outcome),
            Check.Changed(c.DocumentRef, current.DocumentRef), Check.Changed(c.Location, current.Location),
            c.HappenedOn == current.HappenedOn ? null : c.HappenedOn,
            Check.Changed(c.ContactIds, current.ContactIds), Check.Changed(c.Themes, current.Themes), Check.Changed(c.DemandIds, current.DemandIds),
            c.OurSide is { } ourSide && ourSide.Select(n => n.Trim()).SequenceEqual(current.OurSide) ? null : c.OurSide);

}

public static class CorrectInteractionEndpoint
{
    [WolverinePost("/api/interactions/{id}/corrections", OperationId = "CorrectInteraction"), Tags("Interactions"), Authorize(Policy = Policies.Officer), EndpointSummary("Correct a contact moment."), EndpointDescription("Records a correction of a logged contact moment; the timeline shows the corrected version and keeps the earlier ones as revisions.")]
    public static Task<IResult> Post(Guid id, CorrectInteraction command, HttpContext http, IMessageBus bus, CancellationToken ct) =>
        bus.AnswerAsync(http, version => command with { InteractionId = id, ExpectedVersion = version }, ct);
}

public record RetractInteraction(string Reason)
{
    public Guid InteractionId { get; init; }
    public long? ExpectedVersion { get; init; }
}

public static class RetractInteractionHandler
{
    public static ProblemDetails Validate(RetractInteraction command, IEventStream<Interaction> stream)
    {
        if (stream.Aggregate is not { } interaction) return Problems.NotFound("Dit contactmoment bestaat niet.");
        var check = new Check().Required("reason", command.Reason, Check.LongText);
        if (!check.IsValid) return check.ToProblem();
        return interaction.Retracted
            ? Problems.Conflict("Dit contactmoment is al ingetrokken.")
            : CommandBus.Unchanged(command.ExpectedVersion, stream);
    }

    public static (CommandResult, Events, OutgoingMessages) Handle(RetractInteraction command, [WriteAggregate] IEventStream<Interaction> stream)
    {
        var retracted = new InteractionRetracted(command.InteractionId, command.Reason.Trim());
        // Its demands no longer count it as a mention; the follow-up policies cancel what it set off.
        return (CommandResult.Changed(command.InteractionId), [retracted],
            [.. DemandStreams.Withdrawals(stream.Aggregate!.DemandIds, command.InteractionId), retracted]);
    }
}

public static class RetractInteractionEndpoint
{
    [WolverinePost("/api/interactions/{id}/retraction", OperationId = "RetractInteraction"), Tags("Interactions"), Authorize(Policy = Policies.Officer), EndpointSummary("Retract a contact moment."), EndpointDescription("Records that a contact moment was logged in error, with the reason; it stays visible as retracted.")]
    public static Task<IResult> Post(Guid id, RetractInteraction command, HttpContext http, IMessageBus bus, CancellationToken ct) =>
        bus.AnswerAsync(http, version => command with { InteractionId = id, ExpectedVersion = version }, ct);
}

public static class InteractionQueries
{
    [WolverineGet("/api/interactions/{id}", OperationId = "GetInteraction"), Tags("Interactions"), EndpointSummary("Read one contact moment."), EndpointDescription("Returns the contact moment with its current version; its version is the ETag to send back as If-Match.")]
    public static async Task<IResult> Get(Guid id, HttpContext context, IQuerySession session, CancellationToken ct)
    {
        var interaction = await session.LoadAsync<Interaction>(id, ct);
        if (interaction is null) return Results.NotFound();
        HttpCommands.WriteETag(context, (await session.Events.FetchStreamStateAsync(id, ct))?.Version ?? 0);
        return Results.Ok(interaction);
    }
}
