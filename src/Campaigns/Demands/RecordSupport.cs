namespace Campaigns.Demands;

/// <summary>The demand comes from the route in the API; the expected version from <c>If-Match</c>, or the version a form was read at.</summary>
public record RecordSupport(Guid? ContactId, Stance? Stance, string? Note, DateOnly? OccurredOn)
{
    public Guid DemandId { get; init; }
    public long? ExpectedVersion { get; init; }
}

public static class RecordSupportHandler
{
    public static async Task<ProblemDetails> ValidateAsync(
        RecordSupport command, IEventStream<Demand> stream, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        if (stream.Aggregate is not { } demand) return Problems.NotFound("Deze wens bestaat niet.");
        var check = new Check()
            .RequiredId("contactId", command.ContactId)
            .OneOf("stance", command.Stance)
            .MaxLength("note", command.Note, Check.LongText)
            .HappenedBy("occurredOn", command.OccurredOn, clock.GetUtcNow());
        if (command.ContactId is { } contactId)
            await KnownReferences.CheckContacts(check, session, "contactId", [contactId], ct);
        if (!check.IsValid) return check.ToProblem();
        return DemandRules.CanRecordSupport(demand) is { } refusal
            ? Problems.Conflict(refusal)
            : CommandBus.Unchanged(command.ExpectedVersion, stream);
    }

    public static (CommandResult, Events) Handle(RecordSupport command, [WriteAggregate] IEventStream<Demand> stream) =>
        (CommandResult.Changed(command.DemandId), [Decide(command, stream.Aggregate!)]);

    public static SupportRecorded Decide(RecordSupport command, Demand demand) =>
        new(demand.Id, demand.CampaignId, demand.Theme, command.ContactId!.Value, command.Stance!.Value,
            string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim(), command.OccurredOn!.Value);
}

public static class RecordSupportEndpoint
{
    [WolverinePost("/api/demands/{id}/support", OperationId = "RecordSupport"), Tags("Demands"), Authorize(Policy = Policies.Manager), EndpointSummary("Record support for a demand."), EndpointDescription("Records that a contact (a Kamerlid, party or official) expressed support for the demand, and when.")]
    public static Task<IResult> Post(Guid id, RecordSupport command, HttpContext http, IMessageBus bus, CancellationToken ct) =>
        bus.AnswerAsync(http, version => command with { DemandId = id, ExpectedVersion = version }, ct);
}
