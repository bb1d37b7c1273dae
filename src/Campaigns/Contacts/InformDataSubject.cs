namespace Campaigns.Contacts;

public record InformDataSubject(DateOnly? InformedOn, InformationChannel? Channel, string? Note)
{
    public Guid ContactId { get; init; }
    public long? ExpectedVersion { get; init; }
}

/// <summary>Record that the person was informed that we hold data about them (GDPR art. 14): when and how.</summary>
public static class InformDataSubjectHandler
{
    public static ProblemDetails Validate(InformDataSubject command, IEventStream<Contact> stream, TimeProvider clock)
    {
        if (stream.Aggregate is not { } contact) return Problems.NotFound("Deze contactpersoon bestaat niet.");
        var check = new Check()
            .HappenedBy("informedOn", command.InformedOn, clock.GetUtcNow())
            .OneOf("channel", command.Channel)
            .MaxLength("note", command.Note, Check.ShortText);
        if (!check.IsValid) return check.ToProblem();
        return contact.Forgotten ? Problems.Conflict("Deze contactpersoon is vergeten.") : CommandBus.Unchanged(command.ExpectedVersion, stream);
    }

    public static (CommandResult, Events) Handle(InformDataSubject command, [WriteAggregate] IEventStream<Contact> stream) =>
        (CommandResult.Changed(command.ContactId),
            [new DataSubjectInformed(command.ContactId, command.InformedOn!.Value, command.Channel!.Value, Check.Blank(command.Note))]);
}

public static class InformDataSubjectEndpoint
{
    [WolverinePost("/api/contacts/{id}/informed", OperationId = "InformDataSubject"), Tags("Contacts"), Authorize(Policy = Policies.Officer), EndpointSummary("Record that a contact was informed."), EndpointDescription("Records that the person was told the association keeps their data (GDPR article 14), and how.")]
    public static Task<IResult> Post(Guid id, InformDataSubject command, HttpContext http, IMessageBus bus, CancellationToken ct) =>
        bus.AnswerAsync(http, version => command with { ContactId = id, ExpectedVersion = version }, ct);
}
