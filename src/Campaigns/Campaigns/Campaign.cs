namespace Campaigns.Campaigns;

public record CampaignStarted(
    Guid CampaignId, string Name, string Goal, DateOnly StartsOn, DateOnly? EndsOn, IReadOnlyList<string> Themes);

public record CampaignClosed(Guid CampaignId, DateOnly ClosedOn, string? Note);

public enum CampaignStatus { Active, Closed }

/// <summary>A named lobbying effort with a goal, a period and its themes.</summary>
public sealed record Campaign(
    Guid Id, string Name, string Goal, DateOnly StartsOn, DateOnly? EndsOn, IReadOnlyList<string> Themes,
    CampaignStatus Status, DateOnly? ClosedOn)
{
    public static Campaign Create(CampaignStarted e) =>
        new(e.CampaignId, e.Name, e.Goal, e.StartsOn, e.EndsOn, e.Themes, CampaignStatus.Active, null);

    public Campaign Apply(CampaignCorrected e) => this with
    {
        Name = e.Changes.Name ?? Name,
        Goal = e.Changes.Goal ?? Goal,
        EndsOn = e.Changes.EndsOn ?? EndsOn,
        Themes = e.Changes.Themes ?? Themes
    };

    public Campaign Apply(CampaignClosed e) => this with { Status = CampaignStatus.Closed, ClosedOn = e.ClosedOn };
}
