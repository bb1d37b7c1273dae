using Campaigns.Demands;
using Campaigns.FollowUps;

namespace Campaigns.Parliament;

/// <summary>A manager tied a Kamer item (a motie, amendement, toezegging, …) to the demand it concerns.</summary>
/// <param name="DueOn">A toezegging's DatumNakoming.</param>
public record ParliamentItemLinked(
    Guid DemandId, Guid CampaignId, string Theme, Guid TkId, string Soort, string? Nummer, string? Titel, DateOnly LinkedOn, DateOnly? DueOn);

/// <summary>A manager said a proposed Kamer item does not concern the demand; it is no longer proposed.</summary>
public record ParliamentProposalDismissed(Guid DemandId, Guid CampaignId, string Theme, Guid TkId);

public static class ParliamentLinkActions
{
    public const string Link = "link", Dismiss = "dismiss";
}

/// <summary><c>action</c> is <c>link</c> or <c>dismiss</c>; the demand comes from the route.</summary>
public record LinkParliamentItem(Guid? TkId, string? Action)
{
    public Guid DemandId { get; init; }
    public long? ExpectedVersion { get; init; }
}

public static class LinkParliamentItemHandler
{
    public static async Task<ProblemDetails> ValidateAsync(LinkParliamentItem command, IEventStream<Demand> stream, IQuerySession session, CancellationToken ct)
    {
        if (stream.Aggregate is not { } demand) return Problems.NotFound("Deze wens bestaat niet.");
        var check = new Check()
            .RequiredId("tkId", command.TkId)
            .That(command.Action is ParliamentLinkActions.Link or ParliamentLinkActions.Dismiss, "action", "Kies 'link' (koppelen) of 'dismiss' (afwijzen).");
        if (!check.IsValid) return check.ToProblem();
        var item = await session.LoadAsync<ParliamentItem>(command.TkId!.Value, ct);
        if (item is null || item.Removed) return check.Add("tkId", "Dit Kamerstuk is niet bekend; importeer eerst de open data van de Tweede Kamer.").ToProblem();
        if (item.Kind == ParliamentKinds.Activiteit) return check.Add("tkId", "Koppel een zaak (motie, amendement, vragen) of toezegging, geen debat.").ToProblem();
        if (command.Action == ParliamentLinkActions.Link && demand.ParliamentLinks.Contains(item.Id))
            return Problems.Conflict($"{item.Soort} {item.Nummer} is al aan deze wens gekoppeld.");
        if (command.Action == ParliamentLinkActions.Dismiss && (demand.ParliamentDismissed.Contains(item.Id) || demand.ParliamentLinks.Contains(item.Id)))
            return Problems.Conflict($"{item.Soort} {item.Nummer} is al gekoppeld of afgewezen.");
        return CommandBus.Unchanged(command.ExpectedVersion, stream);
    }

    /// <summary>A linked toezegging with a DatumNakoming also opens a follow-up on that day, for whoever linked it, to check it was kept.</summary>
    public static async Task<(CommandResult, Events, OutgoingMessages)> Handle(LinkParliamentItem command, [WriteAggregate] IEventStream<Demand> stream,
        IQuerySession session, Envelope envelope, TimeProvider clock, CancellationToken ct)
    {
        var demand = stream.Aggregate!;
        var item = (await session.LoadAsync<ParliamentItem>(command.TkId!.Value, ct))!;
        if (command.Action != ParliamentLinkActions.Link)
            return (CommandResult.Changed(demand.Id), [new ParliamentProposalDismissed(demand.Id, demand.CampaignId, demand.Theme, item.Id)], []);
        var linked = new ParliamentItemLinked(demand.Id, demand.CampaignId, demand.Theme, item.Id, item.Soort, item.Nummer, item.Titel,
            Web.Dutch.Today(clock), item.Toezegging?.DatumNakoming);
        var linkedBy = envelope.UserName ?? throw new InvalidOperationException("A link needs the acting user.");
        return (CommandResult.Changed(demand.Id), [linked], CheckCommitment(linked, demand, linkedBy) is { } check ? [new OpenFollowUp(check)] : []);
    }

    public static FollowUpScheduled? CheckCommitment(ParliamentItemLinked linked, Demand demand, string linkedBy) =>
        linked is { Soort: "Toezegging", DueOn: { } due }
            ? new FollowUpScheduled(FollowUpPolicies.IdFor(demand.Id, $"toezegging:{linked.TkId}"), FollowUpKind.ImplementationCheck,
                $"Nakoming van toezegging {linked.Nummer} controleren: {Web.Dutch.Shorten(linked.Titel ?? "", 120)}", due, linkedBy,
                demand.CampaignId, [], [demand.Theme], demand.Id, null, null)
            : null;
}

public static class LinkParliamentItemEndpoint
{
    [WolverinePost("/api/demands/{id}/parliament-links", OperationId = "LinkParliamentItem"), Tags("Parliament"), Authorize(Policy = Policies.Manager),
     EndpointSummary("Link a Kamer item to a demand, or dismiss the proposal."),
     EndpointDescription("`action` `link` ties the motie, amendement, vragen or toezegging (`tkId`) to the demand; `dismiss` says a proposed item does not concern it. Both are recorded on the demand. Send the demand's ETag as If-Match to refuse a stale write.")]
    public static Task<IResult> Post(Guid id, LinkParliamentItem command, HttpContext http, IMessageBus bus, CancellationToken ct) =>
        bus.AnswerAsync(http, version => command with { DemandId = id, ExpectedVersion = version }, ct);
}
