using Campaigns.Accounts;
using Campaigns.Demands;
using Campaigns.Infrastructure.Http;
using Campaigns.Infrastructure.Validation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace Campaigns.Interactions;

/// <summary>Fix a mistake in a logged interaction: name only the fields that change, and say why.</summary>
public record CorrectInteraction(
    string? Subject, string? Summary, string? Outcome, string? DocumentRef, string? Location, DateOnly? HappenedOn,
    IReadOnlyList<Guid>? ContactIds, IReadOnlyList<string>? Themes, IReadOnlyList<Guid>? DemandIds,
    IReadOnlyList<string>? OurSide, string Reason);

public static class CorrectInteractionEndpoint
{
    public static async Task<ProblemDetails> ValidateAsync(
        Guid id, CorrectInteraction command, HttpContext context, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var check = new Check()
            .Required("reason", command.Reason, Check.LongText)
            .MaxLength("subject", command.Subject, Check.ShortText)
            .That(command.Subject is null || command.Subject.Trim().Length > 0, "subject", "Mag niet leeg zijn.")
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
        if (ToChanges(command) == new InteractionChanges()) check.Add("changes", "Noem minstens één veld dat verandert.");

        await KnownReferences.CheckContacts(check, session, "contactIds", command.ContactIds, ct);
        await KnownReferences.CheckThemes(check, session, "themes", command.Themes, ct);
        await KnownReferences.CheckDemands(check, session, "demandIds", command.DemandIds, ct);
        return check.IsValid ? await Concurrency.CheckIfMatchAsync(context, session, id, ct) : check.ToProblem();
    }

    public static ProblemDetails Validate(CorrectInteraction command, Interaction interaction) =>
        interaction.Retracted ? Problems.Conflict("Dit contactmoment is ingetrokken en kan niet meer worden gecorrigeerd.") : WolverineContinue.NoProblems;

    [WolverinePost("/api/interactions/{id}/corrections"), Tags("Interactions"), Authorize(Policy = Policies.Officer), EmptyResponse]
    public static async Task<InteractionCorrected> Post(
        CorrectInteraction command, [WriteAggregate("id")] Interaction interaction, IDocumentSession session, CancellationToken ct)
    {
        var (corrected, raised) = Decide(command, interaction);
        await DemandStreams.AppendRaisesAsync(session, raised, ct);
        return corrected;
    }

    /// <summary>A correction that adds a demand raises it, just as logging the interaction would have.</summary>
    public static (InteractionCorrected Corrected, IReadOnlyList<DemandRaised> Raised) Decide(CorrectInteraction command, Interaction interaction)
    {
        var corrected = new InteractionCorrected(interaction.Id, ToChanges(command), command.Reason.Trim());
        var after = interaction.With(corrected.Changes);
        return (corrected, DemandStreams.Raises(after.DemandIds.Except(interaction.DemandIds), interaction.Id, after.HappenedOn, after.ContactIds));
    }

    private static InteractionChanges ToChanges(CorrectInteraction c) =>
        new(c.Subject?.Trim(), c.Summary?.Trim(), c.Outcome?.Trim(), c.DocumentRef?.Trim(), c.Location?.Trim(), c.HappenedOn,
            c.ContactIds?.Distinct().ToList(), c.Themes?.Distinct().ToList(), c.DemandIds?.Distinct().ToList(), c.OurSide);
}

public record RetractInteraction(string Reason);

public static class RetractInteractionEndpoint
{
    public static async Task<ProblemDetails> ValidateAsync(
        Guid id, RetractInteraction command, HttpContext context, IQuerySession session, CancellationToken ct)
    {
        var check = new Check().Required("reason", command.Reason, Check.LongText);
        return check.IsValid ? await Concurrency.CheckIfMatchAsync(context, session, id, ct) : check.ToProblem();
    }

    public static ProblemDetails Validate(RetractInteraction command, Interaction interaction) =>
        interaction.Retracted ? Problems.Conflict("Dit contactmoment is al ingetrokken.") : WolverineContinue.NoProblems;

    [WolverinePost("/api/interactions/{id}/retraction"), Tags("Interactions"), Authorize(Policy = Policies.Officer), EmptyResponse]
    public static InteractionRetracted Post(RetractInteraction command, [WriteAggregate("id")] Interaction interaction) =>
        new(interaction.Id, command.Reason.Trim());
}

public static class InteractionQueries
{
    [WolverineGet("/api/interactions/{id}"), Tags("Interactions")]
    public static async Task<IResult> Get(Guid id, HttpContext context, IQuerySession session, CancellationToken ct)
    {
        var (interaction, _) = await Concurrency.LoadWithETagAsync<Interaction>(session, id, context, ct);
        return interaction is null ? Results.NotFound() : Results.Ok(interaction);
    }
}
