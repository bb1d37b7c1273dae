using Campaigns.Accounts;
using Campaigns.Infrastructure.Http;
using Campaigns.Infrastructure.Validation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace Campaigns.Campaigns;

public record StartCampaign(string Name, string Goal, DateOnly? StartsOn, DateOnly? EndsOn, IReadOnlyList<string>? Themes);

public static class StartCampaignEndpoint
{
    public static async Task<ProblemDetails> ValidateAsync(StartCampaign command, IQuerySession session, CancellationToken ct)
    {
        var check = new Check()
            .Required("name", command.Name)
            .Required("goal", command.Goal, Check.LongText)
            .Required("startsOn", command.StartsOn)
            .That(command.EndsOn is null || command.StartsOn is null || command.EndsOn >= command.StartsOn,
                "endsOn", "Het einde ligt voor het begin.")
            .AtMost("themes", command.Themes);
        await KnownReferences.CheckThemes(check, session, "themes", command.Themes, ct);
        return check.ToProblem();
    }

    [WolverinePost("/api/campaigns"), Tags("Campaigns"), Authorize(Policy = Policies.Manager)]
    public static (Created, IStartStream) Post(StartCampaign command)
    {
        var started = Decide(command, Guid.CreateVersion7());
        return (new Created(started.CampaignId, $"/api/campaigns/{started.CampaignId}"),
            MartenOps.StartStream<Campaign>(started.CampaignId, started));
    }

    public static CampaignStarted Decide(StartCampaign command, Guid id) =>
        new(id, command.Name.Trim(), command.Goal.Trim(), command.StartsOn!.Value, command.EndsOn,
            (command.Themes ?? []).Distinct().ToList());
}

public record CloseCampaign(DateOnly? ClosedOn, string? Note);

public static class CloseCampaignEndpoint
{
    public static ProblemDetails Validate(CloseCampaign command) =>
        new Check().Required("closedOn", command.ClosedOn).MaxLength("note", command.Note, Check.LongText).ToProblem();

    public static ProblemDetails Validate(CloseCampaign command, Campaign campaign) =>
        campaign.Status == CampaignStatus.Closed ? Problems.Conflict("Deze campagne is al gesloten.") : WolverineContinue.NoProblems;

    [WolverinePost("/api/campaigns/{id}/closure"), Tags("Campaigns"), Authorize(Policy = Policies.Manager), EmptyResponse]
    public static CampaignClosed Post(CloseCampaign command, [WriteAggregate("id")] Campaign campaign) =>
        new(campaign.Id, command.ClosedOn!.Value, command.Note);
}

public static class CampaignQueries
{
    [WolverineGet("/api/campaigns"), Tags("Campaigns")]
    public static Task<IReadOnlyList<Campaign>> List(IQuerySession session, CancellationToken ct) =>
        session.Query<Campaign>().OrderByDescending(c => c.StartsOn).ToListAsync(ct);

    [WolverineGet("/api/campaigns/{id}"), Tags("Campaigns")]
    public static async Task<IResult> Get(Guid id, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<Campaign>(id, ct) is { } campaign ? Results.Ok(campaign) : Results.NotFound();
}
