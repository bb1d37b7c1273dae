namespace Campaigns.FollowUps;

/// <summary>One person's open follow-ups, as a manager sees them: how many are open, due today and overdue.</summary>
public sealed record PersonFollowUps(string Assignee, int Open, int DueToday, int Overdue, IReadOnlyList<FollowUp> Items);

public sealed record TeamFollowUpsView(DateOnly Today, IReadOnlyList<PersonFollowUps> People, IReadOnlyList<string> Assignees);

/// <summary>Which open follow-ups the team view shows: everyone's or one person's, one campaign's, and all open, only due or only overdue.</summary>
public sealed record TeamFollowUpFilter(string? Assignee, Guid? CampaignId, FollowUpListStatus? Status);

/// <summary>The team's open follow-ups per person, for managers: who has work waiting and who is behind.</summary>
public static class TeamFollowUps
{
    public static async Task<TeamFollowUpsView> ReadAsync(IQuerySession session, TeamFollowUpFilter filter, DateOnly today, CancellationToken ct)
    {
        var open = await session.Query<FollowUp>().Where(f => f.Status == FollowUpStatus.Open).ToListAsync(ct);
        var assignees = open.Select(f => f.Assignee).Distinct().Order(StringComparer.OrdinalIgnoreCase).ToList();
        var shown = open
            .Where(f => filter.Assignee is not { Length: > 0 } who || string.Equals(f.Assignee, who, StringComparison.OrdinalIgnoreCase))
            .Where(f => filter.CampaignId is null || f.CampaignId == filter.CampaignId)
            .Where(f => filter.Status switch
            {
                FollowUpListStatus.Due => f.DueOn <= today,
                FollowUpListStatus.Overdue => f.DueOn < today,
                _ => true
            });
        var people = shown.GroupBy(f => f.Assignee, StringComparer.OrdinalIgnoreCase)
            .Select(g => new PersonFollowUps(g.Key, g.Count(), g.Count(f => f.DueOn == today), g.Count(f => f.DueOn < today),
                g.OrderBy(f => f.DueOn).ThenBy(f => f.Description).ToList()))
            .OrderByDescending(p => p.Overdue).ThenByDescending(p => p.DueToday).ThenBy(p => p.Assignee, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new TeamFollowUpsView(today, people, assignees);
    }
}
