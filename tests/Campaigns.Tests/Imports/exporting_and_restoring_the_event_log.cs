using System.Text;
using System.Text.Json;
using Alba;
using Campaigns.Accounts;
using Campaigns.Campaigns;
using Campaigns.Contacts;
using Campaigns.DemoData;
using Campaigns.Demands;
using Campaigns.FollowUps;
using Campaigns.Imports;
using Campaigns.Interactions;
using Campaigns.Tests.Infrastructure;
using Campaigns.Themes;
using Campaigns.Timelines;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Campaigns.Tests.Imports;

public class exporting_and_restoring_the_event_log(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task an_export_restored_into_a_fresh_database_gives_the_same_events_timelines_and_snapshots()
    {
        // A year of demo work, Kamerleden from the open data, and a call logged, corrected and retracted over HTTP.
        await ActivatorUtilities.CreateInstance<DemoDataSeeder>(Host.Services).SeedAsync();
        await Host.Services.GetRequiredService<TkImporter>()
            .ImportAsync(TkDataSet.FromPath(importing_kamerleden.FixturePath("tk-2025")), "tk-import");
        var call = await Create("/api/calls", new
        {
            campaignId = DemoIds.FormationCampaign, contactIds = new[] { DemoDataSet.VanZwol }, subject = "Nabellen wens 2d", calledOn = "2025-12-05"
        }, user: "jan.devries", role: Roles.Officer);
        await Post($"/api/interactions/{call}/corrections", new { subject = "Nabellen wensen 2d en 3a", reason = "Aangevuld" }, 204);
        var duplicate = await Create("/api/calls", new
        {
            campaignId = DemoIds.FormationCampaign, contactIds = new[] { DemoDataSet.VanZwol }, subject = "Dubbel", calledOn = "2025-12-05"
        });
        await Post($"/api/interactions/{duplicate}/retraction", new { reason = "Dubbel ingevoerd" }, 204);

        var atLeast = await CountAllEvents();
        var export = await (await Scenario(x =>
        {
            x.Get.Url("/api/export");
            x.ContentTypeShouldBe("application/x-ndjson");
        })).ReadAsTextAsync();
        var lines = export.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // Reminders may append in the background meanwhile: the export holds every event there was when it ran.
        Assert.InRange(lines.Length, atLeast, await CountAllEvents());

        var connectionString = await TestDatabase.CreateAsync("campaigns_restore");
        var restored = await AppFixture.StartHostAsync(connectionString);
        try
        {
            var log = restored.Services.GetRequiredService<EventLog>();
            var outcome = await log.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(export)), CancellationToken.None);
            Assert.False(outcome.Refused, string.Join(Environment.NewLine, outcome.Problems));
            Assert.Equal(lines.Length, outcome.Result!.Events);

            var store = restored.Services.GetRequiredService<IDocumentStore>();
            Assert.Equal(await Events(Store), await Events(store));
            Assert.Equal(await Streams(Fixture.ConnectionString, Store), await Streams(connectionString, store));
            // Positions are the log's sequence numbers, which start again in the fresh database.
            Assert.Equal(await Entries(Store), await Entries(store));
            Assert.Equal(await Documents<Contact>(Store, c => c.Id), await Documents<Contact>(store, c => c.Id));
            Assert.Equal(await Documents<Campaign>(Store, c => c.Id), await Documents<Campaign>(store, c => c.Id));
            Assert.Equal(await Documents<Demand>(Store, d => d.Id), await Documents<Demand>(store, d => d.Id));
            Assert.Equal(await Documents<Interaction>(Store, i => i.Id), await Documents<Interaction>(store, i => i.Id));
            Assert.Equal(await Documents<Theme>(Store, t => t.Id), await Documents<Theme>(store, t => t.Id));
            Assert.Equal(await Documents<FollowUp>(Store, f => f.Id), await Documents<FollowUp>(store, f => f.Id));

            // The restored store has events now: a second restore is refused and adds nothing.
            var again = await log.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(export)), CancellationToken.None);
            Assert.True(again.Refused);
            Assert.Contains("lege database", Assert.Single(again.Problems));
            Assert.Equal(lines.Length, (await Events(store)).Count);
        }
        finally
        {
            await restored.StopAsync();
            await restored.DisposeAsync();
            await TestDatabase.DropAsync(connectionString);
        }
    }

    [Fact]
    public async Task a_broken_export_is_refused_by_line_and_only_managers_may_export()
    {
        var theme = await Create("/api/themes", new { slug = "regeldruk", label = "Regeldruk" });
        var atLeast = await CountAllEvents();
        var export = await (await Scenario(x => x.Get.Url("/api/export"))).ReadAsTextAsync();
        var line = JsonSerializer.Deserialize<ExportedEvent>(export.Trim(), EventLog.LineJson)!;
        Assert.Equal((theme, "theme", 1L, AppFixture.Officer), (line.StreamId, line.StreamType, line.Version, line.UserName));

        var broken = export + export.Replace("\"version\":1", "\"version\":3") + "{ niet af\n";
        await ResetAllData();
        var outcome = await Host.Services.GetRequiredService<EventLog>().ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(broken)), CancellationToken.None);

        Assert.True(outcome.Refused);
        Assert.Contains(outcome.Problems, p => p.StartsWith("regel 2 (event") && p.Contains("versie 3"));
        Assert.Contains(outcome.Problems, p => p.StartsWith("regel 3: geen geldige JSON"));
        Assert.Equal(0, await CountEvents());

        var officer = await BearerFor("jan.devries", Roles.Officer);
        await Scenario(x =>
        {
            x.Get.Url("/api/export");
            x.WithRequestHeader("Authorization", officer);
            x.StatusCodeShouldBe(403);
        });
    }

    private Task ResetAllData() => ResetStoreAsync(Host);

    /// <summary>Every event as the export would name it, in order; the sequence numbers themselves may differ.</summary>
    private static async Task<List<string>> Events(IDocumentStore store)
    {
        await using var session = store.QuerySession();
        var events = await session.Events.QueryAllRawEvents().Where(e => e.EventTypeName != "tombstone").OrderBy(e => e.Sequence).ToListAsync();
        return events.Select(e => string.Join(" | ", e.Id, e.StreamId, e.Version, e.EventTypeName, e.Timestamp.ToString("O"), e.UserName,
            e.CorrelationId, e.CausationId, JsonSerializer.Serialize(e.Data, e.Data.GetType()))).ToList();
    }

    /// <summary>Stream ids with their aggregate type and version; Marten stamps a restored stream's own timestamps anew.</summary>
    private static async Task<List<string>> Streams(string connectionString, IDocumentStore store)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"select id, type, version from \"{store.Options.Events.DatabaseSchemaName}\".mt_streams order by id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var streams = new List<string>();
        while (await reader.ReadAsync()) streams.Add($"{reader.GetGuid(0)} {reader.GetString(1)} {reader.GetInt64(2)}");
        return streams;
    }

    private static async Task<List<string>> Entries(IDocumentStore store)
    {
        await using var session = store.QuerySession();
        var entries = await session.Query<TimelineEntry>().ToListAsync();
        return entries.OrderBy(e => e.Id).Select(e => JsonSerializer.Serialize(e with { Position = 0 })).ToList();
    }

    private static async Task<List<string>> Documents<T>(IDocumentStore store, Func<T, Guid> id) where T : notnull
    {
        await using var session = store.QuerySession();
        var documents = await session.Query<T>().ToListAsync();
        return documents.OrderBy(id).Select(d => JsonSerializer.Serialize(d)).ToList();
    }
}
