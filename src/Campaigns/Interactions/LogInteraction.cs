using Campaigns.Demands;
using Campaigns.FollowUps;

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
    /// <summary>A client may choose the new interaction's id, so that a retry after a lost answer cannot store it twice.</summary>
    Guid? InteractionId { get; }
}

/// <summary>
/// Logging a contact moment starts the interaction's stream and nothing else. What it sets off elsewhere goes out as
/// messages in the same transaction (Wolverine's outbox): each mentioned demand records the mention on its own stream,
/// and the follow-up policies react to the logged event.
/// </summary>
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
        if (command.InteractionId == Guid.Empty) check.Add("interactionId", "Geen geldig id.");

        // One round trip for all four look-ups.
        await new KnownReferences.Batch(session)
            .Campaign("campaignId", command.CampaignId)
            .Contacts("contactIds", command.ContactIds)
            .Themes("themes", command.Themes)
            .Demands("demandIds", command.DemandIds)
            .ApplyAsync(check, ct);
        return check.ToProblem();
    }

    public static InteractionRecorded Decide<TEvent>(ILogInteraction command, Guid interactionId, string actingUser)
        where TEvent : InteractionRecorded, new() =>
        new TEvent
        {
            InteractionId = interactionId,
            CampaignId = command.CampaignId!.Value,
            ContactIds = command.ContactIds!.Distinct().ToList(),
            Themes = (command.Themes ?? []).Distinct().ToList(),
            DemandIds = (command.DemandIds ?? []).Distinct().ToList(),
            Subject = command.Subject.Trim(),
            Summary = Check.Blank(command.Summary),
            Outcome = Check.Blank(command.Outcome),
            DocumentRef = Check.Blank(command.DocumentRef),
            Location = Check.Blank(command.Location),
            HappenedOn = command.HappenedOn!.Value,
            OurSide = command.OurSide is { Count: > 0 } ourSide ? ourSide.Select(n => n.Trim()).Distinct().ToList() : [actingUser]
        };

    /// <summary>What every "log an interaction" handler does: the new stream, and the messages its event sets off.</summary>
    public static (CommandResult, IStartStream, OutgoingMessages) Start<TEvent>(ILogInteraction command, Envelope envelope)
        where TEvent : InteractionRecorded, new()
    {
        var recorded = Decide<TEvent>(command, command.InteractionId ?? Guid.CreateVersion7(), envelope.UserName!);
        var messages = new OutgoingMessages();
        messages.AddRange(DemandStreams.Raises(recorded.DemandIds, recorded.InteractionId, recorded.HappenedOn, recorded.ContactIds));
        // The follow-up policies handle the event itself (FollowUpsAfterInteractionHandler).
        messages.Add(recorded);
        return (CommandResult.Started(recorded.InteractionId, $"/api/interactions/{recorded.InteractionId}"),
            MartenOps.StartStream<Interaction>(recorded.InteractionId, recorded), messages);
    }
}
