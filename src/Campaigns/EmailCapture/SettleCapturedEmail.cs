namespace Campaigns.EmailCapture;

/// <summary>
/// A draft is done with: confirmed (its contact moment is logged) or discarded. Either way it is deleted for real, and
/// the ledger remembers the outcome, without personal data, so that the message never becomes a draft again.
/// </summary>
public record SettleCapturedEmail(Guid DraftId, CaptureOutcome Outcome);

public static class SettleCapturedEmailHandler
{
    public static async Task<ProblemDetails> ValidateAsync(SettleCapturedEmail command, IQuerySession session, CancellationToken ct)
    {
        if (command.Outcome == CaptureOutcome.Drafted) return new Check().Add("outcome", "Kies bevestigd of weggegooid.").ToProblem();
        return await session.LoadAsync<CapturedEmail>(command.DraftId, ct) is null
            ? Problems.NotFound("Deze e-mail staat niet (meer) klaar om te verwerken.")
            : WolverineContinue.NoProblems;
    }

    public static async Task<CommandResult> Handle(SettleCapturedEmail command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var draft = (await session.LoadAsync<CapturedEmail>(command.DraftId, ct))!;
        session.Delete(draft);
        session.Store(new CapturedMessage(draft.MessageKey, draft.Id, command.Outcome, clock.GetUtcNow()));
        return new CommandResult();
    }
}

public static class DiscardCapturedEmailEndpoint
{
    [WolverinePost("/api/captured-emails/{id}/discard", OperationId = "DiscardCapturedEmail"), Tags("E-mail capture"), Authorize(Policy = Policies.Officer)]
    [EndpointSummary("Discard a captured e-mail.")]
    [EndpointDescription("Deletes the draft for good; the mail is never captured again. Answers 204.")]
    public static Task<IResult> Post(Guid id, HttpContext http, IMessageBus bus, CancellationToken ct) =>
        bus.AnswerAsync(new SettleCapturedEmail(id, CaptureOutcome.Discarded), http.User, ct);
}
