using System.Diagnostics;
using Campaigns.Contacts;
using Campaigns.DemoData;
using Campaigns.FollowUps;
using Campaigns.Interactions;
using Campaigns.Tests.Infrastructure;
using Campaigns.Themes;
using Campaigns.Timelines;
using Campaigns.Web.Pages.Manager;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace Campaigns.Tests.DemoData;

/// <summary>
/// What a newcomer sees after the first start: the demo set read through the same queries and pages a manager uses.
/// One seeding per test (the store is wiped per test), timed and written to the test output, not asserted.
/// </summary>
public class the_demo_shows_a_year_of_work(AppFixture fixture, ITestOutputHelper output) : IntegrationContext(fixture)
{
    private TimeProvider Clock => Host.Services.GetRequiredService<TimeProvider>();

    private async Task<DemoSeedResult> SeedAsync()
    {
        var watch = Stopwatch.StartNew();
        var result = await ActivatorUtilities.CreateInstance<DemoDataSeeder>(Host.Services).SeedAsync();
        output.WriteLine($"{result} ({watch.ElapsedMilliseconds} ms)");
        return result;
    }

    [Fact]
    public async Task every_theme_timeline_holds_at_least_twenty_entries()
    {
        await SeedAsync();
        await using var session = Store.QuerySession();

        var themes = await session.Query<Theme>().ToListAsync();
        var entries = await session.Query<TimelineEntry>().Where(e => !e.Retracted).ToListAsync();
        Assert.Equal(10, themes.Count);
        foreach (var theme in themes)
        {
            var count = entries.Count(e => e.Themes.Contains(theme.Slug));
            output.WriteLine($"{theme.Slug}: {count} entries");
            Assert.True(count >= 20, $"theme {theme.Slug} has only {count} timeline entries");
        }
    }

    [Fact]
    public async Task every_campaign_dashboard_shows_activity_in_most_weeks()
    {
        await SeedAsync();
        Assert.True(await Host.Services.GetRequiredService<TimelineProgress>().WaitForEverythingAsync(TimeSpan.FromSeconds(60)));
        await using var session = Store.QuerySession();
        using var scope = Host.Services.CreateScope();

        foreach (var campaign in new[] { DemoDataSet.FormatieCampaign, DemoDataSet.VerkiezingenCampaign, DemoDataSet.IndustrieVisieCampaign })
        {
            var dashboard = new DashboardModel(session, Clock, scope.ServiceProvider.GetRequiredService<Wolverine.IMessageBus>())
            {
                Id = campaign,
                PageContext = new Microsoft.AspNetCore.Mvc.RazorPages.PageContext
                {
                    HttpContext = new Microsoft.AspNetCore.Http.DefaultHttpContext { RequestServices = scope.ServiceProvider }
                }
            };
            await dashboard.OnGetAsync(CancellationToken.None);

            var active = Enumerable.Range(0, DashboardModel.Weeks).Count(week => dashboard.Activity.Any(s => s.Values[week] > 0));
            output.WriteLine($"{dashboard.Campaign.Name}: activity in {active} of {DashboardModel.Weeks} weeks ({dashboard.ActivityPeriod})");
            Assert.True(active > DashboardModel.Weeks * 2 / 3, $"{dashboard.Campaign.Name}: activity in only {active} of {DashboardModel.Weeks} weeks");
            // Quiet weeks exist too: the summer recess.
            Assert.True(active < DashboardModel.Weeks || campaign == DemoDataSet.VerkiezingenCampaign, $"{dashboard.Campaign.Name} has no quiet week");
        }
    }

    [Fact]
    public async Task every_fractie_in_the_coverage_heatmap_was_contacted()
    {
        await SeedAsync();
        await using var session = Store.QuerySession();

        var coverage = new CoverageModel(session, Clock) { Kind = ContactKind.Kamerlid, Days = 3660 };
        await coverage.OnGetAsync(CancellationToken.None);

        Assert.True(coverage.Organisations.Count >= 10, $"only {coverage.Organisations.Count} fracties: {string.Join(", ", coverage.Organisations)}");
        foreach (var fractie in coverage.Organisations)
        {
            var themes = coverage.Themes.Count(t => coverage.Cell(t.Slug, fractie).Css != "heat-none");
            output.WriteLine($"{fractie}: contacted on {themes} themes");
            Assert.True(themes > 0, $"fractie {fractie} was never contacted");
        }
    }

    [Fact]
    public async Task follow_ups_occur_in_every_state_for_the_team_and_the_demo_users()
    {
        await SeedAsync();
        await using var session = Store.QuerySession();
        var today = Host.Services.GetRequiredService<IOptions<FollowUpPolicyOptions>>().Value.Today(Clock);

        var followUps = await session.Query<FollowUp>().ToListAsync();
        var open = followUps.Where(f => f.IsOpen).ToList();
        var states = new Dictionary<string, int>
        {
            ["open, later"] = open.Count(f => f.DueOn > today),
            ["due today"] = open.Count(f => f.DueOn == today),
            ["overdue"] = open.Count(f => f.DueOn < today),
            ["done"] = followUps.Count(f => f.Status == FollowUpStatus.Done),
            ["cancelled"] = followUps.Count(f => f.Status == FollowUpStatus.Cancelled),
        };
        output.WriteLine(string.Join(", ", states.Select(s => $"{s.Key}: {s.Value}")));
        Assert.All(states, s => Assert.True(s.Value > 0, $"no follow-up is {s.Key}"));

        // Most policy follow-ups of the past year were settled; what is open is recent or by hand.
        Assert.True(open.Count(f => f.DueOn < today.AddDays(-30)) <= 15, "too many long-forgotten follow-ups");

        // The demo accounts have work of their own, in more than one state.
        var officer = FollowUpQueries.Group(DemoDataSet.Team.DemoOfficer,
            open.Where(f => f.Assignee == DemoDataSet.Team.DemoOfficer).ToList(), today);
        Assert.NotEmpty(officer.Overdue);
        Assert.NotEmpty(officer.DueToday);
        Assert.Contains(followUps, f => f.Assignee == DemoDataSet.Team.DemoManager && f.IsOpen);
        Assert.Contains(followUps, f => f.Assignee == DemoDataSet.Team.DemoManager && f.Status == FollowUpStatus.Done);
        Assert.True(followUps.Select(f => f.Assignee).Distinct().Count() >= 5);
    }

    [Fact]
    public async Task texts_do_not_repeat_like_a_template()
    {
        await SeedAsync();
        await using var session = Store.QuerySession();

        var interactions = await session.Query<Interaction>().ToListAsync();
        var summaries = interactions.Where(i => i.Summary is not null).GroupBy(i => i.Summary).ToList();
        Assert.All(summaries, g => Assert.True(g.Count() <= 2 || g.Key!.Length < 40, $"summary used {g.Count()} times: {g.Key}"));
        var subjects = interactions.GroupBy(i => i.Subject).ToList();
        output.WriteLine($"{interactions.Count} interactions, {subjects.Count} distinct subjects, {summaries.Count} distinct summaries");
        Assert.All(subjects, g => Assert.True(g.Count() <= 5, $"subject used {g.Count()} times: {g.Key}"));
        Assert.DoesNotContain(interactions, i => i.Summary?.Contains("lorem", StringComparison.OrdinalIgnoreCase) == true);
    }

    [Fact]
    public async Task a_store_with_other_data_is_refused()
    {
        await Create("/api/themes", new { slug = "eigen-thema", label = "Een thema van het team zelf" });

        var result = await SeedAsync();

        Assert.True(result.RefusedNotEmpty);
        Assert.False(result.Seeded);
        await using var session = Store.QuerySession();
        Assert.Equal(0, await session.Query<Interaction>().CountAsync());
    }

    [Fact]
    public void the_same_day_gives_the_same_steps()
    {
        var day = new DateOnly(2027, 3, 10);
        var first = DemoDataSet.For(day);
        var second = DemoDataSet.For(day);

        Assert.Equal(first.Count, second.Count);
        Assert.Equal(first.Select(Json), second.Select(Json));
        // A later day adds the weeks in between and keeps what came before.
        var later = DemoDataSet.For(day.AddDays(14)).OfType<LogInteractionStep>().ToDictionary(s => s.InteractionId);
        Assert.All(first.OfType<LogInteractionStep>(), s => Assert.Equal(Json(s), Json(later[s.InteractionId])));
    }

    private static string Json(DemoStep step) => System.Text.Json.JsonSerializer.Serialize(step, step.GetType());
}
