using Campaigns.Campaigns;

namespace Campaigns.Demands;

/// <summary>The campaign comes from the route in the API, from the page's campaign on a form.</summary>
public record FormulateDemand(string Theme, string Text, string? Code, string? Target, string? Source, DateOnly? FormulatedOn)
{
    public Guid CampaignId { get; init; }
}

public static class FormulateDemandHandler
{
    public static async Task<ProblemDetails> ValidateAsync(FormulateDemand command, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        if (await session.LoadAsync<Campaign>(command.CampaignId, ct) is not { } campaign)
            return Problems.NotFound($"Campagne {command.CampaignId} bestaat niet.");
        if (campaign.Status == CampaignStatus.Closed)
            return Problems.Conflict($"Campagne '{campaign.Name}' is gesloten; er komen geen wensen meer bij.");

        var check = new Check()
            .Required("theme", command.Theme, 60)
            .Required("text", command.Text, Check.LongText)
            .MaxLength("code", command.Code, 20)
            .MaxLength("target", command.Target, Check.LongText)
            .MaxLength("source", command.Source, Check.ShortText);
        if (command.FormulatedOn is not null) check.HappenedBy("formulatedOn", command.FormulatedOn, clock.GetUtcNow());
        await KnownReferences.CheckTheme(check, session, "theme", command.Theme, ct);
        return check.ToProblem();
    }

    public static (CommandResult, IStartStream) Handle(FormulateDemand command, TimeProvider clock)
    {
        var formulated = Decide(command, Guid.CreateVersion7(), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        return (CommandResult.Started(formulated.DemandId, $"/api/demands/{formulated.DemandId}"),
            MartenOps.StartStream<Demand>(formulated.DemandId, formulated));
    }

    public static DemandFormulated Decide(FormulateDemand command, Guid id, DateOnly today) =>
        new(id, command.CampaignId, command.Theme.Trim(), command.Text.Trim(), Check.Blank(command.Code), Check.Blank(command.Target),
            Check.Blank(command.Source), command.FormulatedOn ?? today);
}

public static class FormulateDemandEndpoint
{
    [WolverinePost("/api/campaigns/{id}/demands", OperationId = "FormulateDemand"), Tags("Demands"), Authorize(Policy = Policies.Manager), EndpointSummary("Formulate a demand under a campaign."), EndpointDescription("Records a new demand (what the association asks of politics) under the campaign and its theme. Answers 201 with the demand's location.")]
    public static Task<IResult> Post(Guid id, FormulateDemand command, HttpContext http, IMessageBus bus, CancellationToken ct) =>
        bus.AnswerAsync(command with { CampaignId = id }, http.User, ct);
}
