namespace Campaigns.EmailCapture;

public static class CapturedEmailQueries
{
    /// <summary>Drafts waiting for an officer, newest mail first.</summary>
    public static Task<IReadOnlyList<CapturedEmail>> WaitingAsync(IQuerySession query, CancellationToken ct) =>
        query.Query<CapturedEmail>().OrderByDescending(d => d.SentAt).ThenBy(d => d.Id).Take(500).ToListAsync(ct);

    [WolverineGet("/api/captured-emails", OperationId = "ListCapturedEmails"), Tags("E-mail capture"), Authorize(Policy = Policies.Officer)]
    [EndpointSummary("List captured e-mails.")]
    [EndpointDescription("Returns the drafts read from the capture mailbox that wait to be confirmed or discarded, with suggested contacts, the matched officer and the addresses no contact has.")]
    public static Task<IReadOnlyList<CapturedEmail>> List(IQuerySession query, CancellationToken ct) => WaitingAsync(query, ct);

    [WolverineGet("/api/captured-emails/{id}", OperationId = "GetCapturedEmail"), Tags("E-mail capture"), Authorize(Policy = Policies.Officer)]
    [EndpointSummary("Get a captured e-mail.")]
    [EndpointDescription("Returns one draft read from the capture mailbox.")]
    public static async Task<IResult> Get(Guid id, IQuerySession query, CancellationToken ct) =>
        await query.LoadAsync<CapturedEmail>(id, ct) is { } draft ? Results.Ok(draft) : Results.Problem(Problems.NotFound("Deze e-mail staat niet (meer) klaar om te verwerken."));
}
