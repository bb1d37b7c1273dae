using Microsoft.Extensions.DependencyInjection;
using System.Text;
using System.Text.Json;
using Campaigns.Interactions;
using Campaigns.Tests.Infrastructure;
using Campaigns.Timelines;
using Npgsql;

namespace Campaigns.Tests.Privacy;

/// <summary>
/// A person may be named like a word the store uses for itself: an event type ("meeting_held"), an enum value
/// ("Meeting"), a JSON key ("subject", "campaignId"), or have a phone number that is part of a document reference.
/// Forgetting them changes their own data only.
/// </summary>
public class forgetting_someone_named_like_the_store(AppFixture fixture) : FormationContext(fixture)
{
    private const string Reference = "2025Z06123456";

    [Theory]
    [InlineData("Held", null)]
    [InlineData("Meeting", null)]
    [InlineData("Subject", null)]
    [InlineData("Campaign", null)]
    [InlineData("Mevrouw Jansen", "06123456")]
    public async Task only_their_own_data_changes(string name, string? phone)
    {
        var person = await Create("/api/contacts", new
        {
            name, phone, kind = "ambtenaar", organisation = "Ministerie van EZK", effectiveOn = "2024-01-01", lawfulBasis = "legitimate-interest"
        });
        // Their own meeting, naming them, and everyone else's work: meetings, a letter with a document reference that
        // holds their phone number, a correction.
        var theirs = await Create("/api/meetings", _formation.Meeting(person, subject: $"Gesprek met {name}"));
        var other = await Create("/api/meetings", _formation.Meeting(_formation.VanZwol));
        await Create("/api/meetings", _formation.Meeting(_formation.Dijkgraaf, subject: "Overleg met de fractie"));
        await Create("/api/letters", new
        {
            campaignId = _formation.CampaignId, contactIds = new[] { _formation.Dijkgraaf }, themes = new[] { "netcongestie" },
            demandIds = new[] { _formation.Demand3a }, subject = "Brief over netcongestie", summary = "Kamerstuk " + Reference,
            sentOn = "2025-11-10", documentRef = Reference
        });
        await Post($"/api/interactions/{other}/corrections", new { outcome = "Komt terug op de vraag", reason = "Aangevuld" }, 204);

        // Timelines are projected after the commands; compare read models once they hold everything written above.
        var progress = Host.Services.GetRequiredService<TimelineProgress>();
        Assert.True(await progress.WaitForEverythingAsync(TimeSpan.FromSeconds(30)));
        var eventsBefore = await EventRows(person);
        var documentsBefore = await DocumentRows(person);
        Assert.Contains(eventsBefore.Values, row => row.Contains("meeting_held"));
        Assert.Contains(eventsBefore.Values, row => row.Contains(Reference));

        await Scenario(x => { x.Post.Json(new { }).ToUrl($"/api/contacts/{person}/forget"); x.StatusCodeShouldBe(200); });

        // Every event and read model that is not theirs is byte for byte what it was.
        Assert.True(await progress.WaitForEverythingAsync(TimeSpan.FromSeconds(30)));
        var eventsAfter = await EventRows(person);
        foreach (var (id, row) in eventsBefore) Assert.Equal(row, eventsAfter[id]);
        var documentsAfter = await DocumentRows(person);
        foreach (var (id, row) in documentsBefore) Assert.Equal(row, documentsAfter[id]);

        // Theirs no longer name them.
        var meeting = await Get<Interaction>($"/api/interactions/{theirs}");
        Assert.Equal("Gesprek met verwijderd contact", meeting.Subject);
        var timeline = await Get<TimelinePage>($"/api/timelines/contacts/{person}");
        Assert.Contains(timeline.Items, e => e.Summary == "Gesprek gevoerd: Gesprek met verwijderd contact");
        Assert.DoesNotContain(timeline.Items, e => e.Summary.Contains(name) || (phone is not null && e.Summary.Contains(phone)));

        // A rebuild from the masked log gives the timelines the erasure left.
        var entries = await Entries();
        await TimelineSubscription.RebuildAsync(Store, CancellationToken.None);
        Assert.Equal(entries, await Entries());
    }

    [Fact]
    public async Task message_bodies_and_dead_letters_that_name_them_are_deleted_also_with_escaped_letters()
    {
        const string name = "Hélène Dupré";
        var person = await Create("/api/contacts", new { name, kind = "ambtenaar", organisation = "Ministerie van EZK", effectiveOn = "2024-01-01" });
        // System.Text.Json escapes accented letters by default: "H\u00E9l\u00E8ne Dupr\u00E9".
        var escaped = JsonSerializer.Serialize(new { contact = name });
        Assert.Contains("\\u00E9", escaped);
        var theirs = await DeadLetter(escaped, "failed");
        var someoneElses = await DeadLetter(JsonSerializer.Serialize(new { contact = "Van Zwol" }), "failed");
        var errorNamingThem = await DeadLetter("{}", $"Unknown contact {name}");

        await Scenario(x => { x.Post.Json(new { }).ToUrl($"/api/contacts/{person}/forget"); x.StatusCodeShouldBe(200); });

        var left = await DeadLetterIds();
        Assert.DoesNotContain(theirs, left);
        Assert.DoesNotContain(errorNamingThem, left);
        Assert.Contains(someoneElses, left);
    }

    private string Schema => Store.Options.DatabaseSchemaName;

    private async Task<NpgsqlConnection> Open()
    {
        var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Every event row, whole, that is not in the person's stream and does not name their id; follow-ups
    /// are left out, since their reminders append in the background.</summary>
    private async Task<Dictionary<string, string>> EventRows(Guid person)
    {
        await using var connection = await Open();
        await using var command = new NpgsqlCommand(
            $"select id::text, row_to_json(e)::text from \"{Schema}\".mt_events e where stream_id <> @person and data::text not like @id and type not like 'follow_up%'",
            connection);
        command.Parameters.AddWithValue("person", person);
        command.Parameters.AddWithValue("id", $"%{person}%");
        return await Rows(command);
    }

    /// <summary>Every document row, whole, of every read model, that does not name the person's id (follow-ups aside).</summary>
    private async Task<Dictionary<string, string>> DocumentRows(Guid person)
    {
        await using var connection = await Open();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "select quote_ident(table_schema) || '.' || quote_ident(table_name) from information_schema.tables where table_schema = @schema and table_name like 'mt\\_doc\\_%' and table_name <> 'mt_doc_followup'",
            connection))
        {
            list.Parameters.AddWithValue("schema", Schema);
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        Assert.Contains(tables, t => t.EndsWith("mt_doc_timelineentry"));
        var rows = new Dictionary<string, string>();
        foreach (var table in tables)
        {
            await using var command = new NpgsqlCommand($"select '{table}:' || id::text, row_to_json(d)::text from {table} d where data::text not like @id", connection);
            command.Parameters.AddWithValue("id", $"%{person}%");
            foreach (var (key, value) in await Rows(command)) rows[key] = value;
        }
        return rows;
    }

    private async Task<List<string>> Entries()
    {
        await using var connection = await Open();
        await using var command = new NpgsqlCommand($"select id::text, data::text from \"{Schema}\".mt_doc_timelineentry order by id", connection);
        return (await Rows(command)).Select(r => r.Key + " " + r.Value).ToList();
    }

    private static async Task<Dictionary<string, string>> Rows(NpgsqlCommand command)
    {
        var rows = new Dictionary<string, string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows[reader.GetString(0)] = reader.GetString(1);
        return rows;
    }

    private async Task<Guid> DeadLetter(string body, string error)
    {
        var id = Guid.NewGuid();
        await using var connection = await Open();
        await using var command = new NpgsqlCommand($"""
            insert into "{Schema}".wolverine_dead_letters (id, execution_time, body, message_type, received_at, source, exception_type, exception_message, sent_at, replayable)
            values (@id, null, @body, 'Campaigns.Test', 'local://test', 'test', 'System.Exception', @error, now(), false)
            """, connection);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("body", Encoding.UTF8.GetBytes(body));
        command.Parameters.AddWithValue("error", error);
        await command.ExecuteNonQueryAsync();
        return id;
    }

    private async Task<List<Guid>> DeadLetterIds()
    {
        await using var connection = await Open();
        await using var command = new NpgsqlCommand($"select id from \"{Schema}\".wolverine_dead_letters", connection);
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) ids.Add(reader.GetGuid(0));
        return ids;
    }
}
