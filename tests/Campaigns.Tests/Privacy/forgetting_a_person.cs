using Campaigns.Accounts;
using Campaigns.Audit;
using Campaigns.Contacts;
using Campaigns.Interactions;
using Campaigns.Privacy;
using Campaigns.Tests.Infrastructure;
using Campaigns.Timelines;
using Npgsql;

namespace Campaigns.Tests.Privacy;

public class forgetting_a_person(AppFixture fixture) : FormationContext(fixture)
{
    private const string Name = "Femke Jansen", Email = "f.jansen@minezk.nl", Phone = "070 379 8911";

    private Guid _femke;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _femke = await Create("/api/contacts", new
        {
            name = Name, kind = "ambtenaar", organisation = "Ministerie van EZK", email = Email, phone = Phone,
            notes = $"Beleidsmedewerker netcongestie; {Name} is bereikbaar via {Email}", effectiveOn = "2024-01-01", lawfulBasis = "legitimate-interest"
        });
    }

    [Fact]
    public async Task a_contact_records_the_lawful_basis_and_when_the_person_was_informed()
    {
        await Post($"/api/contacts/{_femke}/informed", new { informedOn = "2025-11-03", channel = "email", note = "Privacyverklaring gemaild" }, 204);

        var contact = await Get<ContactView>($"/api/contacts/{_femke}");
        Assert.Equal(LawfulBasis.LegitimateInterest, contact.LawfulBasis);
        Assert.Equal(new DateOnly(2025, 11, 3), contact.InformedOn);
        await Post($"/api/contacts/{_femke}/informed", new { channel = "email" }, 400);
    }

    [Fact]
    public async Task forgetting_also_clears_the_details_the_person_changed_later_and_their_earlier_phone()
    {
        const string newPhone = "06 1234 5678";
        await Post($"/api/contacts/{_femke}/details", new { email = Email, phone = newPhone, notes = $"Nieuw nummer van {Name}", lawfulBasis = "legitimate-interest" }, 204);
        await Post($"/api/contacts/{_femke}/details", new { email = Email, phone = Phone, notes = "Weer het oude nummer", lawfulBasis = "legitimate-interest" }, 204);
        Assert.NotEmpty(await FindInDatabase(newPhone));

        await Scenario(x =>
        {
            x.Post.Json(new { }).ToUrl($"/api/contacts/{_femke}/forget");
            x.StatusCodeShouldBe(200);
        });

        await using var session = Store.QuerySession();
        var changes = (await session.Events.FetchStreamAsync(_femke)).Select(e => e.Data).OfType<ContactDetailsChanged>().ToList();
        Assert.Equal(2, changes.Count);
        Assert.All(changes, c => Assert.True(c.Email is null && c.Phone is null && c.Notes is null));
        Assert.Empty(await FindInDatabase(newPhone));
    }

    [Fact]
    public async Task forgetting_leaves_no_trace_of_the_name_or_email_in_any_table_and_keeps_the_interactions()
    {
        var meeting = await Create("/api/meetings", new
        {
            campaignId = _formation.CampaignId, contactIds = new[] { _femke, _formation.Dijkgraaf }, themes = new[] { "netcongestie" },
            demandIds = new[] { _formation.Demand3a }, subject = $"Gesprek met {Name} over netcongestie",
            summary = $"{Name} ({Email}) stuurt de kabinetsreactie na", outcome = $"{Name.ToUpperInvariant()} belt terug op {Phone}",
            heldOn = "2025-11-12", location = "Den Haag"
        }, user: "jan.devries", role: Roles.Officer);
        await Post($"/api/interactions/{meeting}/corrections", new { summary = $"{Name} stuurt de kabinetsreactie na", reason = $"Gesproken met {Name}" }, 204);
        await Post($"/api/demands/{_formation.Demand3a}/support", new { contactId = _femke, stance = "supports", note = $"{Name} steunt 3a", occurredOn = "2025-11-13" }, 204);
        await Post($"/api/contacts/{_femke}/roles", new { kind = "ambtenaar", organisation = "Ministerie van KGG", effectiveOn = "2025-01-01" }, 204);
        await Post($"/api/contacts/{_femke}/informed", new { informedOn = "2025-11-03", channel = "email", note = $"Mail aan {Email}" }, 204);
        var eventsBefore = await CountEvents();
        Assert.NotEmpty(await FindInDatabase(Name));

        var result = await Scenario(x =>
        {
            x.Post.Json(new { }).ToUrl($"/api/contacts/{_femke}/forget");
            x.StatusCodeShouldBe(200);
        });
        var forgotten = Read<ForgetResult>(await result.ReadAsTextAsync());
        Assert.True(forgotten.Streams >= 3, $"masked {forgotten.Streams} streams");
        // Marten's masking erased the events; the safety net found nothing left in them.
        Assert.Equal(0, forgotten.EventRowsLeftByMasking);
        Assert.True(forgotten.RowsScrubbed > 0, "timeline entries hold the name until scrubbed");

        Assert.Empty(await FindInDatabase(Name));
        Assert.Empty(await FindInDatabase(Email));
        Assert.Empty(await FindInDatabase(Phone));

        // The facts stay: one event more (the forgetting), the meeting still on the timelines, naming a removed contact.
        Assert.Equal(eventsBefore + 1, await CountEvents());
        var contact = await Get<ContactView>($"/api/contacts/{_femke}");
        Assert.Equal("verwijderd contact", contact.Name);
        Assert.Null(contact.Email);
        Assert.Null(contact.Phone);
        Assert.Null(contact.Notes);
        Assert.True(contact.Forgotten);
        Assert.Equal("Ministerie van KGG", contact.Organisation);

        var interaction = await Get<Interaction>($"/api/interactions/{meeting}");
        Assert.Equal("Gesprek met verwijderd contact over netcongestie", interaction.Subject);
        Assert.Contains(_femke, interaction.ContactIds);
        var timeline = await Get<TimelinePage>($"/api/timelines/contacts/{_femke}");
        Assert.Contains(timeline.Items, e => e.Summary == "Gesprek gevoerd: Gesprek met verwijderd contact over netcongestie");
        Assert.Contains(timeline.Items, e => e.Summary.StartsWith("Contactpersoon vastgelegd: verwijderd contact"));

        var audit = await Get<AuditPage>($"/api/audit?stream={_femke}");
        Assert.Equal(AppFixture.Officer, audit.Items.Single(e => e.Type == "contact-forgotten").User);

        // Forgetting again finds nothing left to do, and fails nothing.
        await Scenario(x => { x.Post.Json(new { }).ToUrl($"/api/contacts/{_femke}/forget"); x.StatusCodeShouldBe(200); });
        Assert.Equal(eventsBefore + 1, await CountEvents());
    }

    [Fact]
    public async Task forgetting_an_unknown_contact_is_404()
    {
        await Scenario(x => { x.Post.Json(new { }).ToUrl($"/api/contacts/{Guid.NewGuid()}/forget"); x.StatusCodeShouldBe(404); });
    }

    /// <summary>Every text, JSON and binary column of every table in the test database that holds the words: "schema.table.column".</summary>
    private async Task<List<string>> FindInDatabase(string words)
    {
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        var columns = new List<(string Schema, string Table, string Column, string Type)>();
        await using (var list = new NpgsqlCommand("""
            select c.table_schema, c.table_name, c.column_name, c.data_type
            from information_schema.columns c
            join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
            where t.table_type = 'BASE TABLE' and c.table_schema not in ('pg_catalog', 'information_schema')
              and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea', 'ARRAY', 'USER-DEFINED')
            """, connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) columns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }
        Assert.Contains(columns, c => c.Table == "mt_events");

        var found = new List<string>();
        foreach (var (schema, table, column, type) in columns)
        {
            // Message bodies are binary: search their bytes rather than decoding them as text.
            var condition = type == "bytea"
                ? $"position(convert_to(@raw, 'UTF8') in \"{column}\") > 0"
                : $"\"{column}\"::text ilike @words";
            await using var count = new NpgsqlCommand($"select count(*) from \"{schema}\".\"{table}\" where {condition}", connection);
            count.Parameters.AddWithValue("words", $"%{words}%");
            count.Parameters.AddWithValue("raw", words);
            if ((long)(await count.ExecuteScalarAsync())! > 0) found.Add($"{schema}.{table}.{column}");
        }
        return found;
    }
}
