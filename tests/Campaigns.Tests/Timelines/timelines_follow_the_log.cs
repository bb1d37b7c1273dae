using Microsoft.Extensions.Configuration;
using Campaigns.Infrastructure;
using System.Text.Json;
using Alba;
using Campaigns.Tests.Infrastructure;
using Campaigns.Timelines;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Campaigns.Tests.Timelines;

/// <summary>
/// Timelines are projected by the Wolverine subscription after the command commits. These tests run hosts of their own
/// on a database of their own: a command's position, a restart between append and projection, a replay, a second node.
/// </summary>
public class timelines_follow_the_log() : OwnDatabaseTests("campaigns_timelines")
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task a_timeline_read_waits_for_the_position_a_command_answered()
    {
        await using var host = await AppFixture.StartHostAsync(ConnectionString);
        var (contact, campaign) = await SetUpAsync(host);

        var logged = await host.Scenario(x =>
        {
            x.Post.Json(Meeting(contact, campaign, "Gesprek over de SPL")).ToUrl("/api/meetings");
            x.StatusCodeShouldBe(201);
        });
        var position = long.Parse(logged.Context.Response.Headers[TimelineProgress.PositionHeader].ToString());
        Assert.True(position > 0);

        var read = await host.Scenario(x =>
        {
            x.Get.Url($"/api/timelines/contacts/{contact}");
            x.WithRequestHeader(TimelineProgress.WaitForHeader, position.ToString());
        });
        Assert.Equal("true", read.Context.Response.Headers[TimelineProgress.ConsistentHeader].ToString());
        Assert.Contains("Gesprek over de SPL", await read.ReadAsTextAsync());

        // A position the timelines cannot reach: answered after the bounded wait, saying so, never an error.
        var ahead = await host.Scenario(x => x.Get.Url($"/api/timelines/contacts/{contact}?waitFor={position + 1_000_000}"));
        Assert.Equal("false", ahead.Context.Response.Headers[TimelineProgress.ConsistentHeader].ToString());

        await host.Scenario(x =>
        {
            x.Get.Url($"/api/timelines/contacts/{contact}");
            x.WithRequestHeader(TimelineProgress.WaitForHeader, "soon");
            x.StatusCodeShouldBe(400);
        });
    }

    [Fact]
    public async Task events_committed_before_a_crash_are_projected_after_the_restart_once()
    {
        Guid contact, campaign;
        await using (var first = await AppFixture.StartHostAsync(ConnectionString))
        {
            (contact, campaign) = await SetUpAsync(first);
            Assert.True(await WaitUntil(async () => await Progress() >= await LastSequence()));
            await first.StopAsync();
        }

        // What a crash between the commit and the projection leaves: events in the log the timelines have not seen,
        // appended here with the app's own store configuration while no app runs.
        await using (var store = new DocumentStore(AppStoreOptions()))
        {
            await using var session = store.LightweightSession();
            for (var i = 1; i <= 3; i++)
            {
                var id = Guid.NewGuid();
                session.Events.StartStream(id, new global::Campaigns.Interactions.CallMade
                {
                    InteractionId = id, CampaignId = campaign, ContactIds = [contact], Subject = $"Belronde {i}",
                    HappenedOn = new DateOnly(2025, 12, i), OurSide = ["anna.officer"]
                });
            }
            await session.SaveChangesAsync();
            Assert.True(await Progress() < await LastSequence());
        }

        List<string> before;
        await using (var second = await AppFixture.StartHostAsync(ConnectionString))
        {
            var entries = await ContactTimeline(second, contact);
            Assert.Equal(3, entries.Count(e => e.Contains("Belronde")));
            before = await EntriesJson();
            await second.StopAsync();
        }

        // Replaying the whole log through the timeline handlers again (a page processed twice) changes no entry.
        await using (var store = new DocumentStore(AppStoreOptions()))
        await using (var session = store.LightweightSession())
        {
            var all = await session.Events.QueryAllRawEvents().OrderBy(e => e.Sequence).ToListAsync();
            await TimelineSubscription.ApplyAsync(all, session, CancellationToken.None);
            await session.SaveChangesAsync();
        }
        Assert.Equal(before, await EntriesJson());
    }

    [Fact]
    public async Task with_two_nodes_the_other_carries_on_when_one_stops()
    {
        var nodeA = await AppFixture.StartHostAsync(ConnectionString, solo: false);
        await using var nodeB = await AppFixture.StartHostAsync(ConnectionString, solo: false);
        var (contact, campaign) = await SetUpAsync(nodeA);
        await Log(nodeA, contact, campaign, "Voor de stop");
        Assert.True(await WaitUntil(async () => await Progress() >= await LastSequence()), "no node runs the subscription");

        await nodeA.StopAsync();
        await nodeA.DisposeAsync();
        await Log(nodeB, contact, campaign, "Na de stop");

        Assert.True(await WaitUntil(async () => await Progress() >= await LastSequence()), "the remaining node did not take over");
        var entries = await ContactTimeline(nodeB, contact);
        var meetings = entries.Where(e => e.Contains("\"eventType\": \"meeting-held\"")).ToList();
        Assert.Single(meetings, e => e.Contains("Voor de stop"));
        Assert.Single(meetings, e => e.Contains("Na de stop"));
    }

    [Fact]
    public async Task with_two_node_processes_the_other_takes_over_when_the_one_projecting_is_killed()
    {
        // Short cluster timings, so that the dead node is ejected within seconds (the defaults take about half a minute).
        var settings = new Dictionary<string, string> { ["Campaigns:Cluster:HealthCheckSeconds"] = "1", ["Campaigns:Cluster:StaleNodeSeconds"] = "4" };
        await using var first = await AppProcess.StartAsync(ConnectionString, settings);
        await AppendCallsAsync("Voor de tweede node", 3);
        Assert.True(await WaitUntil(async () => await Progress() >= await LastSequence()), $"no node runs the subscription\n{first.Output}");
        await using var second = await AppProcess.StartAsync(ConnectionString, settings);
        await AppendCallsAsync("Met twee nodes", 3);
        Assert.True(await WaitUntil(async () => await Progress() >= await LastSequence()), "the timelines stopped when a second node joined");

        // Kill whichever node runs the timelines now (Wolverine may have moved it to the newcomer).
        var firstRunsIt = await Scalar($"""
            select count(*) from campaigns.wolverine_node_assignments a join campaigns.wolverine_nodes n on n.id = a.node_id
            where a.id like '%{TimelineSubscription.Name}%' and n.started = (select min(started) from campaigns.wolverine_nodes)
            """) == 1;
        var (killed, survivor) = firstRunsIt ? (first, second) : (second, first);
        killed.Kill();
        await AppendCallsAsync("Na de crash", 3);

        Assert.True(await WaitUntil(async () => await Progress() >= await LastSequence()),
            $"the surviving node did not take the timelines over\n{survivor.Output}");
        var entries = await EntriesJson();
        foreach (var subject in new[] { "Voor de tweede node", "Met twee nodes", "Na de crash" })
            for (var i = 1; i <= 3; i++)
                Assert.Single(entries, e => e.Contains($"{subject} {i}"));
    }

    /// <summary>Calls appended straight to the log with the app's store configuration, as any node's command would.</summary>
    private async Task AppendCallsAsync(string subject, int count)
    {
        await using var store = new DocumentStore(AppStoreOptions());
        await using var session = store.LightweightSession();
        var campaign = Guid.NewGuid();
        for (var i = 1; i <= count; i++)
        {
            var id = Guid.NewGuid();
            session.Events.StartStream(id, new global::Campaigns.Interactions.CallMade
            {
                InteractionId = id, CampaignId = campaign, ContactIds = [Guid.NewGuid()], Subject = $"{subject} {i}",
                HappenedOn = new DateOnly(2025, 12, i), OurSide = ["anna.officer"]
            });
        }
        await session.SaveChangesAsync();
    }

    /// <summary>The app's own store configuration, for writing while no app runs.</summary>
    private StoreOptions AppStoreOptions()
    {
        var options = new StoreOptions();
        options.ConfigureCampaignsStore(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Campaigns"] = ConnectionString }).Build());
        return options;
    }

    private static object Meeting(Guid contact, Guid campaign, string subject) =>
        new { campaignId = campaign, contactIds = new[] { contact }, subject, heldOn = "2025-11-20" };

    private static Task Log(IAlbaHost host, Guid contact, Guid campaign, string subject) =>
        host.Scenario(x =>
        {
            x.Post.Json(Meeting(contact, campaign, subject)).ToUrl("/api/meetings");
            x.StatusCodeShouldBe(201);
        });

    private static async Task<(Guid Contact, Guid Campaign)> SetUpAsync(IAlbaHost host)
    {
        var contact = await CreateAsync(host, "/api/contacts", new { name = "Van Zwol", kind = "informateur", organisation = "Tweede Kamer", effectiveOn = "2025-11-01" });
        var campaign = await CreateAsync(host, "/api/campaigns", new { name = "Formatie", goal = "Wensen in het akkoord", startsOn = "2025-11-01" });
        return (contact, campaign);
    }

    private static async Task<Guid> CreateAsync(IAlbaHost host, string url, object body)
    {
        var result = await host.Scenario(x =>
        {
            x.Post.Json(body).ToUrl(url);
            x.StatusCodeShouldBe(201);
        });
        return JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>The contact's timeline entries as JSON, read once the timelines caught up with the log.</summary>
    private async Task<List<string>> ContactTimeline(IAlbaHost host, Guid contact)
    {
        Assert.True(await WaitUntil(async () => await Progress() >= await LastSequence()));
        var page = await host.GetAsJson<JsonElement>($"/api/timelines/contacts/{contact}");
        return page.GetProperty("items").EnumerateArray().Select(e => e.GetRawText()).ToList();
    }

    private async Task<List<string>> EntriesJson()
    {
        var rows = new List<string>();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select data::text from campaigns.mt_doc_timelineentry order by id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }

    private Task<long> Progress() =>
        Scalar($"select coalesce(max(last_seq_id), 0) from campaigns.mt_event_progression where name = '{TimelineSubscription.ProgressName}'");

    private Task<long> LastSequence() => Scalar("select coalesce(max(seq_id), 0) from campaigns.mt_events");

    private async Task<long> Scalar(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<bool> WaitUntil(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(100);
        }
        return true;
    }
}
