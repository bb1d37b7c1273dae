using System.Security.Claims;
using Campaigns.Demands;
using Campaigns.FollowUps;
using Campaigns.Infrastructure.Http;
using Campaigns.Infrastructure.Validation;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine;

namespace Campaigns.Interactions;

/// <summary>The fields every "log a contact moment" command shares; each command names its own date field.</summary>
public interface ILogInteraction
{
    Guid? CampaignId { get; }
    IReadOnlyList<Guid>? ContactIds { get; }
    IReadOnlyList<string>? Themes { get; }
    IReadOnlyList<Guid>? DemandIds { get; }
    string Subject { get; }
    string? Summary { get; }
    IReadOnlyList<string>? OurSide { get; }
    DateOnly? HappenedOn { get; }
    string HappenedOnField { get; }
    string? Outcome => null;
    string? DocumentRef => null;
    string? Location => null;
}

/// <summary>What logging an interaction decides: the interaction's first event, and the demands it raises.</summary>
public sealed record InteractionLogged(InteractionRecorded Recorded, IReadOnlyList<DemandRaised> Raised)
{
    /// <summary>
    /// Appends the decision and what the follow-up policies make of it; the edge of the request, where I/O belongs.
    /// The policies read first; then one round trip locks the mentioned demands (held until the commit) and fetches the
    /// chasers to settle. Streams are appended in the same order as ever: interaction, demands, follow-ups.
    /// </summary>
    public async Task<(Created, OutgoingMessages)> AppendAsync(
        string loggedBy, IDocumentSession session, FollowUpPolicyOptions policies, CancellationToken ct)
    {
        session.Events.StartStream<Interaction>(Recorded.InteractionId, Recorded);
        var followUps = await FollowUpScheduling.DecideAfterInteractionAsync(Recorded, loggedBy, session, policies, ct);

        if (Raised.Count > 0) await session.BeginTransactionAsync(ct);
        var batch = session.CreateBatchQuery();
        var raise = DemandStreams.QueueRaises(batch, Raised);
        var settle = FollowUpScheduling.QueueSettles(batch, followUps.Settled);
        if (Raised.Count > 0 || followUps.Settled.Count > 0) await batch.Execute(ct);
        await raise();
        await settle();

        var messages = FollowUpScheduling.Schedule(followUps, Recorded, loggedBy, session, policies);
        return (new Created(Recorded.InteractionId, $"/api/interactions/{Recorded.InteractionId}"), messages);
    }
}

public static class LogInteraction
{
    public static async Task<ProblemDetails> ValidateAsync(ILogInteraction command, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var check = new Check()
            .RequiredId("campaignId", command.CampaignId)
            .NotEmpty("contactIds", command.ContactIds)
            .AtMost("themes", command.Themes)
            .AtMost("demandIds", command.DemandIds)
            .AtMost("ourSide", command.OurSide, 20)
            .Required("subject", command.Subject)
            .MaxLength("summary", command.Summary, Check.LongText)
            .MaxLength("outcome", command.Outcome, Check.LongText)
            .MaxLength("documentRef", command.DocumentRef, Check.ShortText)
            .MaxLength("location", command.Location, Check.ShortText)
            .HappenedBy(command.HappenedOnField, command.HappenedOn, clock.GetUtcNow());
        foreach (var name in command.OurSide ?? []) check.Required("ourSide", name);

        // One round trip for all four look-ups.
        await new KnownReferences.Batch(session)
            .Campaign("campaignId", command.CampaignId)
            .Contacts("contactIds", command.ContactIds)
            .Themes("themes", command.Themes)
            .Demands("demandIds", command.DemandIds)
            .ApplyAsync(check, ct);
        return check.ToProblem();
    }

    public static InteractionLogged Decide<TEvent>(ILogInteraction command, Guid interactionId, string actingUser)
        where TEvent : InteractionRecorded, new()
    {
        InteractionRecorded template = new TEvent();
        var recorded = template with
        {
            InteractionId = interactionId,
            CampaignId = command.CampaignId!.Value,
            ContactIds = command.ContactIds!.Distinct().ToList(),
            Themes = (command.Themes ?? []).Distinct().ToList(),
            DemandIds = (command.DemandIds ?? []).Distinct().ToList(),
            Subject = command.Subject.Trim(),
            Summary = Blank(command.Summary),
            Outcome = Blank(command.Outcome),
            DocumentRef = Blank(command.DocumentRef),
            Location = Blank(command.Location),
            HappenedOn = command.HappenedOn!.Value,
            OurSide = command.OurSide is { Count: > 0 } ourSide ? ourSide.Select(n => n.Trim()).Distinct().ToList() : [actingUser]
        };

        return new InteractionLogged(recorded, DemandStreams.Raises(recorded.DemandIds, interactionId, recorded.HappenedOn, recorded.ContactIds));
    }

    /// <summary>What every "log an interaction" endpoint does: decide, append, and let the follow-up policies react.</summary>
    public static async Task<(Created, OutgoingMessages)> RecordAsync<TEvent>(
        ILogInteraction command, ClaimsPrincipal user, IDocumentSession session, FollowUpPolicyOptions policies, CancellationToken ct)
        where TEvent : InteractionRecorded, new()
    {
        var loggedBy = user.Identity!.Name!;
        return await Decide<TEvent>(command, Guid.CreateVersion7(), loggedBy).AppendAsync(loggedBy, session, policies, ct);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
