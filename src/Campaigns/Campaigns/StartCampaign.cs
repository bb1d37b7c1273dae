using Campaigns.Accounts;
using Campaigns.Infrastructure.Commands;
using Campaigns.Infrastructure.Validation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Campaigns.Campaigns;

public record StartCampaign(string Name, string Goal, DateOnly? StartsOn, DateOnly? EndsOn, IReadOnlyList<string>? Themes);

public static class StartCampaignHandler
{
    public static async Task<ProblemDetails> ValidateAsync(StartCampaign command, IQuerySession session, CancellationToken ct)
    {
        var check = new Check()
            .Required("name", command.Name)
            .Required("goal", command.Goal, Check.LongText)
            .Date("startsOn", command.StartsOn)
            .InRange("endsOn", command.EndsOn)
            .That(command.EndsOn is null || command.StartsOn is null || command.EndsOn >= command.StartsOn,
                "endsOn", "Het einde ligt voor het begin.")
            .AtMost("themes", command.Themes);
        await KnownReferences.CheckThemes(check, session, "themes", command.Themes, ct);
        return check.ToProblem();
    }

    public static (CommandResult, IStartStream) Handle(StartCampaign command)
    {
        var started = Decide(command, Guid.CreateVersion7());
        return (CommandResult.Started(started.CampaignId, $"/api/campaigns/{started.CampaignId}"),
            MartenOps.StartStream<Campaign>(started.CampaignId, started));
    }

    public static CampaignStarted Decide(StartCampaign command, Guid id) =>
        new(id, command.Name.Trim(), command.Goal.Trim(), command.StartsOn!.Value, command.EndsOn,
            (command.Themes ?? []).Distinct().ToList());
}

public static class StartCampaignEndpoint
{
    [WolverinePost("/api/campaigns", OperationId = "StartCampaign"), Tags("Campaigns"), Authorize(Policy = Policies.Manager), EndpointSummary("Start a campaign."), EndpointDescription("Starts a campaign on a theme, e.g. the input for a cabinet formation. Answers 201 with the campaign's location.")]
    public static Task<IResult> Post(StartCampaign command, HttpContext http, IMessageBus bus, CancellationToken ct) =>
        bus.AnswerAsync(command, http.User, ct);
}

/// <summary>The campaign comes from the route in the API; the expected version from <c>If-Match</c>, or the version a form was read at.</summary>
public record CloseCampaign(DateOnly? ClosedOn, string? Note)
{
    public Guid CampaignId { get; init; }
    public long? ExpectedVersion { get; init; }
}

public static class CloseCampaignHandler
{
    public static ProblemDetails Validate(CloseCampaign command, IEventStream<Campaign> stream)
    {
        if (stream.Aggregate is not { } campaign) return Problems.NotFound("Deze campagne bestaat niet.");
        var check = new Check().Date("closedOn", command.ClosedOn).MaxLength("note", command.Note, Check.LongText)
            .That(command.ClosedOn is null || command.ClosedOn >= campaign.StartsOn, "closedOn", "De campagne kan niet sluiten voor ze begon.");
        if (!check.IsValid) return check.ToProblem();
        return campaign.Status == CampaignStatus.Closed
            ? Problems.Conflict("Deze campagne is al gesloten.")
            : CommandBus.Unchanged(command.ExpectedVersion, stream);
    }

    public static (CommandResult, Events) Handle(CloseCampaign command, [WriteAggregate] IEventStream<Campaign> stream) =>
        (CommandResult.Changed(command.CampaignId), [new CampaignClosed(command.CampaignId, command.ClosedOn!.Value, command.Note)]);
}

public static class CloseCampaignEndpoint
{
    [WolverinePost("/api/campaigns/{id}/closure", OperationId = "CloseCampaign"), Tags("Campaigns"), Authorize(Policy = Policies.Manager), EndpointSummary("Close a campaign."), EndpointDescription("Records that the campaign ended, with its closing note. Its history stays readable.")]
    public static Task<IResult> Post(Guid id, CloseCampaign command, HttpContext http, IMessageBus bus, CancellationToken ct) =>
        bus.AnswerAsync(http, version => command with { CampaignId = id, ExpectedVersion = version }, ct);
}

public static class CampaignQueries
{
    [WolverineGet("/api/campaigns", OperationId = "ListCampaigns"), Tags("Campaigns"), EndpointSummary("List the campaigns."), EndpointDescription("Returns every campaign, running and closed.")]
    public static Task<IReadOnlyList<Campaign>> List(IQuerySession session, CancellationToken ct) =>
        session.Query<Campaign>().OrderByDescending(c => c.StartsOn).ToListAsync(ct);

    [WolverineGet("/api/campaigns/{id}", OperationId = "GetCampaign"), Tags("Campaigns"), EndpointSummary("Read one campaign."), EndpointDescription("Returns the campaign under the id, or 404.")]
    public static async Task<IResult> Get(Guid id, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<Campaign>(id, ct) is { } campaign ? Results.Ok(campaign) : Results.NotFound();
}
