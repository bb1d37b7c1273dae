using Campaigns.Accounts;
using Campaigns.Infrastructure.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace Campaigns.Contacts;

public record InformDataSubject(DateOnly? InformedOn, InformationChannel? Channel, string? Note);

/// <summary>Record that the person was informed that we hold data about them (GDPR art. 14): when and how.</summary>
public static class InformDataSubjectEndpoint
{
    public static ProblemDetails Validate(InformDataSubject command, TimeProvider clock) =>
        new Check()
            .HappenedBy("informedOn", command.InformedOn, clock.GetUtcNow())
            .OneOf("channel", command.Channel)
            .MaxLength("note", command.Note, Check.ShortText)
            .ToProblem();

    public static ProblemDetails Validate(InformDataSubject command, Contact contact) =>
        contact.Forgotten ? Problems.Conflict("Deze contactpersoon is vergeten.") : WolverineContinue.NoProblems;

    [WolverinePost("/api/contacts/{id}/informed"), Tags("Contacts"), Authorize(Policy = Policies.Officer), EmptyResponse]
    public static DataSubjectInformed Post(InformDataSubject command, [WriteAggregate("id")] Contact contact) =>
        new(contact.Id, command.InformedOn!.Value, command.Channel!.Value, command.Note?.Trim());
}
