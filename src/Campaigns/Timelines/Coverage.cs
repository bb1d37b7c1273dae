using Campaigns.Accounts;
using Campaigns.Contacts;
using Campaigns.Interactions;
using Campaigns.Infrastructure.Validation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Campaigns.Timelines;

public sealed record OrganisationCoverage(string Organisation, DateOnly? LastContactOn, int Contacts, bool ContactedWithinWindow);

public sealed record ThemeCoverage(string Theme, int Days, DateOnly Since, IReadOnlyList<OrganisationCoverage> Organisations);

/// <summary>Which fracties and organisations we spoke to about a theme, and which we have not lately (or ever).</summary>
public static class CoverageQueries
{
    [WolverineGet("/api/themes/{slug}/coverage", OperationId = "GetThemeCoverage"), Tags("Timelines"), Authorize(Policy = Policies.Manager), EndpointSummary("Read who was reached on a theme."), EndpointDescription("Returns, for the theme and the last `days` days, which contacts and parties were reached and which were not.")]
    public static async Task<IResult> Get(string slug, int? days, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        if (days is < 1 or > 3660) return Results.Problem(new Check().Add("days", "Tussen 1 en 3660.").ToProblem());
        if (await session.LoadAsync<Themes.Theme>(Themes.Theme.IdFor(slug), ct) is null) return Results.NotFound();

        var window = days ?? 60;
        var since = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-window);
        var interactions = await session.Query<Interaction>().Where(i => !i.Retracted && i.Themes.Contains(slug)).ToListAsync(ct);
        var contacts = await session.Query<Contact>().ToListAsync(ct);
        return Results.Ok(new ThemeCoverage(slug, window, since, Measure(interactions, contacts, since)));
    }

    /// <summary>An interaction counts for the organisation the contact belonged to on the day it happened.</summary>
    public static IReadOnlyList<OrganisationCoverage> Measure(IReadOnlyList<Interaction> interactions, IReadOnlyList<Contact> contacts, DateOnly since)
    {
        var byId = contacts.ToDictionary(c => c.Id);
        var touches = interactions
            .SelectMany(i => i.ContactIds.Where(byId.ContainsKey)
                .Select(id => (Organisation: byId[id].RoleOn(i.HappenedOn)?.Organisation ?? byId[id].Organisation, i.HappenedOn)))
            .GroupBy(t => t.Organisation)
            .ToDictionary(g => g.Key, g => (Last: g.Max(t => t.HappenedOn), Count: g.Count()));

        var organisations = contacts.SelectMany(c => c.Roles.Select(r => r.Organisation)).Union(touches.Keys).Distinct();
        return organisations
            .Select(o => touches.TryGetValue(o, out var t)
                ? new OrganisationCoverage(o, t.Last, t.Count, t.Last >= since)
                : new OrganisationCoverage(o, null, 0, false))
            .OrderBy(c => c.ContactedWithinWindow).ThenBy(c => c.LastContactOn).ThenBy(c => c.Organisation)
            .ToList();
    }
}
