using Campaigns.Accounts;
using Campaigns.FollowUps;
using Campaigns.Tests.Infrastructure;
using Marten;

namespace Campaigns.Tests.FollowUps;

/// <summary>Reminders are mailed to the assignee: only an active team member may be one.</summary>
public class assigning_follow_ups(AppFixture fixture) : IntegrationContext(fixture)
{
    [Theory]
    [InlineData("mallory@example.com")]
    [InlineData("nobody.here")]
    [InlineData("gone.officer")]
    public async Task an_assignee_who_is_no_active_user_is_refused_naming_the_field(string assignee)
    {
        await BearerFor("gone.officer", Roles.Officer);
        await Scenario(x => { x.Post.Json(new { }).ToUrl("/api/users/gone.officer/disable"); x.StatusCodeShouldBe(204); });

        var result = await Post("/api/follow-ups", new { description = "Verslag sturen", dueOn = "2026-03-02", assignee }, 400);
        Assert.Contains("\"assignee\"", await result.ReadAsTextAsync());
        await using var session = Store.QuerySession();
        Assert.Equal(0, await session.Query<FollowUp>().CountAsync());
    }

    [Fact]
    public async Task an_active_user_may_be_assigned()
    {
        await BearerFor("jan.devries", Roles.Officer);
        var id = await Create("/api/follow-ups", new { description = "Verslag sturen", dueOn = "2026-03-02", assignee = "jan.devries" });
        Assert.Equal("jan.devries", (await Get<FollowUp>($"/api/follow-ups/{id}")).Assignee);
    }
}
