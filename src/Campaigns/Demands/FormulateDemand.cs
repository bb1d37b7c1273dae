using Campaigns.Accounts;
using Campaigns.Campaigns;
using Campaigns.Infrastructure.Http;
using Campaigns.Infrastructure.Validation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace Campaigns.Demands;

public record FormulateDemand(string Theme, string Text, string? Code, string? Target, string? Source, DateOnly? FormulatedOn);

public static class FormulateDemandEndpoint
{
    public static async Task<ProblemDetails> ValidateAsync(
        Guid id, FormulateDemand command, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        if (await session.LoadAsync<Campaign>(id, ct) is null) return Problems.NotFound($"Campagne {id} bestaat niet.");

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

    [WolverinePost("/api/campaigns/{id}/demands"), Tags("Demands"), Authorize(Policy = Policies.Manager)]
    public static (Created, IStartStream) Post(Guid id, FormulateDemand command, TimeProvider clock)
    {
        var formulated = Decide(id, command, Guid.CreateVersion7(), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        return (new Created(formulated.DemandId, $"/api/demands/{formulated.DemandId}"),
            MartenOps.StartStream<Demand>(formulated.DemandId, formulated));
    }

    public static DemandFormulated Decide(Guid campaignId, FormulateDemand command, Guid id, DateOnly today) =>
        new(id, campaignId, command.Theme.Trim(), command.Text.Trim(), command.Code?.Trim(), command.Target?.Trim(),
            command.Source?.Trim(), command.FormulatedOn ?? today);
}
