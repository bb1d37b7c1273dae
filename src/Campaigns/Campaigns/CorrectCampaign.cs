namespace Campaigns.Campaigns;

/// <summary>
/// Fix a campaign's name, goal, end date or themes: name only the fields that change, and say why. The start stays: the
/// campaign's history counts from it.
/// </summary>
public record CorrectCampaign(string? Name, string? Goal, DateOnly? EndsOn, IReadOnlyList<string>? Themes, string Reason)
{
    public Guid CampaignId { get; init; }
    public long? ExpectedVersion { get; init; }
}

/// <summary>The fields a correction changed; null is unchanged.</summary>
public sealed record CampaignChanges(string? Name = null, string? Goal = null, DateOnly? EndsOn = null, IReadOnlyList<string>? Themes = null)
{
    public bool IsEmpty => Name is null && Goal is null && EndsOn is null && Themes is null;
}

public record CampaignCorrected(Guid CampaignId, CampaignChanges Changes, string Reason);

public static class CorrectCampaignHandler
{
    public static async Task<ProblemDetails> ValidateAsync(CorrectCampaign command, IEventStream<Campaign> stream, IQuerySession session, CancellationToken ct)
    {
        if (stream.Aggregate is not { } campaign) return Problems.NotFound("Deze campagne bestaat niet.");
        var check = new Check()
            .Required("reason", command.Reason, Check.LongText)
            .NotBlankIfSent("name", command.Name)
            .NotBlankIfSent("goal", command.Goal, Check.LongText)
            .InRange("endsOn", command.EndsOn)
            .That(command.EndsOn is null || command.EndsOn >= campaign.StartsOn, "endsOn", "Het einde ligt voor het begin.")
            .AtMost("themes", command.Themes);
        await KnownReferences.CheckThemes(check, session, "themes", command.Themes, ct);
        if (check.IsValid && Changes(command, campaign).IsEmpty) check.Add("changes", "Noem minstens één veld dat verandert.");
        return check.IsValid ? CommandBus.Unchanged(command.ExpectedVersion, stream) : check.ToProblem();
    }

    public static (CommandResult, Events) Handle(CorrectCampaign command, [WriteAggregate] IEventStream<Campaign> stream) =>
        (CommandResult.Changed(command.CampaignId), [new CampaignCorrected(command.CampaignId, Changes(command, stream.Aggregate!), command.Reason.Trim())]);

    /// <summary>The fields the command names whose value differs from the campaign's: a field sent unchanged is no change.</summary>
    private static CampaignChanges Changes(CorrectCampaign c, Campaign current) => new(
        Check.Changed(c.Name, current.Name), Check.Changed(c.Goal, current.Goal),
        c.EndsOn is { } endsOn && endsOn != current.EndsOn ? endsOn : null, Check.Changed(c.Themes, current.Themes));
}

public static class CorrectCampaignEndpoint
{
    [WolverinePost("/api/campaigns/{id}/corrections", OperationId = "CorrectCampaign"), Tags("Campaigns"), Authorize(Policy = Policies.Manager),
     EndpointSummary("Correct a campaign."),
     EndpointDescription("Records a correction of the campaign's name, goal, end date or themes, with the reason. Name only the fields that change. The campaign's timeline shows the correction.")]
    public static Task<IResult> Post(Guid id, CorrectCampaign command, HttpContext http, IMessageBus bus, CancellationToken ct) =>
        bus.AnswerAsync(http, version => command with { CampaignId = id, ExpectedVersion = version }, ct);
}
