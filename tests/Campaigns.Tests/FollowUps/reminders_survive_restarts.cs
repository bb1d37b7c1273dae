using Alba;
using Campaigns.FollowUps;
using Campaigns.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Campaigns.Tests.FollowUps;

/// <summary>
/// Reminders are Wolverine scheduled messages stored in PostgreSQL. These tests stop and start real hosts on a database
/// of their own, so they wait on Wolverine's own timer (bounded polling, no fixed sleeps).
/// </summary>
public class reminders_survive_restarts() : OwnDatabaseTests("campaigns_restart")
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task a_reminder_due_while_the_app_was_down_fires_once_after_restart()
    {
        Guid followUpId;
        await using (var before = await AppFixture.StartHostAsync(ConnectionString))
        {
            followUpId = await ScheduleFollowUpDueInSeconds(before, 6);
            await before.StopAsync(); // down before the reminder is due
            await using var connection = new Npgsql.NpgsqlConnection(ConnectionString);
            await connection.OpenAsync();
            await using var count = new Npgsql.NpgsqlCommand("select count(*) from campaigns.mt_events where type = 'follow_up_due'", connection);
            Assert.Equal(0L, (long)(await count.ExecuteScalarAsync())!);
        }

        await using var after = await AppFixture.StartHostAsync(ConnectionString);
        var store = after.Services.GetRequiredService<IDocumentStore>();

        Assert.Equal(1, await IntegrationContext.WaitForEvents<FollowUpDue>(store, 1, Patience));
        await using var session = store.QuerySession();
        var stream = await session.Events.FetchStreamAsync(followUpId);
        Assert.Single(stream, e => e.Data is FollowUpDue);
    }

    [Fact]
    public async Task two_app_processes_on_one_database_fire_each_reminder_exactly_once()
    {
        await using var nodeA = await AppFixture.StartHostAsync(ConnectionString, solo: false);
        await using var nodeB = await AppFixture.StartHostAsync(ConnectionString, solo: false);

        var ids = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            ids.Add(await ScheduleFollowUpDueInSeconds(nodeA, 3));
            ids.Add(await ScheduleFollowUpDueInSeconds(nodeB, 3));
        }
        // Each reminder is also scheduled a second time through the other node: a duplicate delivery.
        foreach (var id in ids) await ScheduleReminder(nodeB, id, 4);

        var store = nodeA.Services.GetRequiredService<IDocumentStore>();
        Assert.Equal(ids.Count, await IntegrationContext.WaitForEvents<FollowUpDue>(store, ids.Count, Patience));

        await using var session = store.QuerySession();
        var fired = await session.Events.QueryRawEventDataOnly<FollowUpDue>().ToListAsync();
        Assert.Equal(ids.Order(), fired.Select(f => f.FollowUpId).Order());
    }

    /// <summary>A follow-up due today, with an extra reminder a few seconds from now instead of at 09:00.</summary>
    private static async Task<Guid> ScheduleFollowUpDueInSeconds(IAlbaHost host, int seconds)
    {
        var result = await host.Scenario(x =>
        {
            x.Post.Json(new { description = "Reactie informateur nabellen", dueOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1).ToString("O") }).ToUrl("/api/follow-ups");
            x.StatusCodeShouldBe(201);
        });
        var id = System.Text.Json.JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement.GetProperty("id").GetGuid();
        await ScheduleReminder(host, id, seconds);
        return id;
    }

    private static async Task ScheduleReminder(IAlbaHost host, Guid followUpId, int seconds)
    {
        var store = host.Services.GetRequiredService<IDocumentStore>();
        await using var session = store.QuerySession();
        var followUp = await session.LoadAsync<FollowUp>(followUpId);
        var bus = host.Services.GetRequiredService<IMessageBus>();
        await bus.ScheduleAsync(new RemindFollowUp(followUpId, followUp!.DueOn), DateTimeOffset.UtcNow.AddSeconds(seconds));
    }
}
