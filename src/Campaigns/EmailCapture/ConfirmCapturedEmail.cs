using Campaigns.Interactions;

namespace Campaigns.EmailCapture;

/// <summary>
/// What the officer chose for a draft. A field left out keeps the draft's value (subject, summary, date, contacts,
/// document reference); campaign, themes and demands are the officer's to pick.
/// </summary>
public sealed record ConfirmCapturedEmail
{
    public Guid? CampaignId { get; init; }
    public IReadOnlyList<Guid>? ContactIds { get; init; }
    public IReadOnlyList<string>? Themes { get; init; }
    public IReadOnlyList<Guid>? DemandIds { get; init; }
    public string? Subject { get; init; }
    public string? Summary { get; init; }
    public DateOnly? SentOn { get; init; }
    public string? DocumentRef { get; init; }
}

/// <summary>
/// Confirming a draft is logging an e-mail: the form's own <see cref="LogEmail"/> command, through the same Wolverine
/// handler, with the draft's id as the contact moment's id. Then the draft is settled (deleted). A confirm repeated
/// after a crash between the two finds the contact moment already there and only settles the draft.
/// </summary>
public static class CapturedEmailConfirmation
{
    /// <param name="toCommand">The e-mail to log from the draft: the API fills left-out fields from the draft
    /// (<see cref="ToLogEmail"/>), the page sends the form as typed, so an emptied field is refused, not refilled.</param>
    public static async Task<CommandResult> ConfirmAsync(IMessageBus bus, IQuerySession query, Guid draftId, Func<CapturedEmail, LogEmail> toCommand,
        string actingUser, CancellationToken ct)
    {
        if (await query.LoadAsync<CapturedEmail>(draftId, ct) is not { } draft)
            return CommandResult.Refused(Problems.NotFound("Deze e-mail staat niet (meer) klaar om te verwerken."));

        var location = $"/api/interactions/{draft.Id}";
        if (await query.LoadAsync<Interaction>(draft.Id, ct) is null)
        {
            var logged = await bus.InvokeCommandAsync(toCommand(draft) with { InteractionId = draft.Id }, actingUser, ct);
            if (!logged.Accepted) return logged;
            location = logged.Location ?? location;
        }
        var settled = await bus.InvokeCommandAsync(new SettleCapturedEmail(draft.Id, CaptureOutcome.Confirmed), actingUser, ct);
        return settled.Problem is { Status: not StatusCodes.Status404NotFound } problem
            ? CommandResult.Refused(problem)
            : CommandResult.Started(draft.Id, location);
    }

    public static LogEmail ToLogEmail(CapturedEmail draft, ConfirmCapturedEmail choice) =>
        new(choice.CampaignId, choice.ContactIds ?? draft.ContactIds, choice.Themes, choice.DemandIds,
            choice.Subject ?? draft.Subject, choice.Summary ?? draft.Summary, choice.SentOn ?? draft.SentOn,
            choice.DocumentRef ?? draft.DocumentRef, OurSide(draft));

    /// <summary>The officer who sent or forwarded the mail; none matched means the confirming user, as on the log form.</summary>
    public static IReadOnlyList<string>? OurSide(CapturedEmail draft) => draft.Officer is { } officer ? [officer] : null;
}

public static class ConfirmCapturedEmailEndpoint
{
    [WolverinePost("/api/captured-emails/{id}/confirm", OperationId = "ConfirmCapturedEmail"), Tags("E-mail capture"), Authorize(Policy = Policies.Officer)]
    [EndpointSummary("Confirm a captured e-mail.")]
    [EndpointDescription("Logs the draft as an e-mail contact moment (the same command as POST /api/emails), with the campaign, themes and demands chosen; fields left out keep the draft's values. The draft is then deleted. Answers 201 with the contact moment's location.")]
    public static async Task<IResult> Post(Guid id, ConfirmCapturedEmail choice, HttpContext http, IMessageBus bus, IQuerySession query, CancellationToken ct) =>
        HttpCommands.ToHttp(await CapturedEmailConfirmation.ConfirmAsync(bus, query, id,
            draft => CapturedEmailConfirmation.ToLogEmail(draft, choice), http.User.Identity!.Name!, ct));
}
