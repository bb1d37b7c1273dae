using Campaigns.Accounts;
using Campaigns.Campaigns;
using Campaigns.Contacts;
using Campaigns.DemoData;
using Campaigns.Demands;
using Campaigns.Interactions;
using Campaigns.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Campaigns.Tests.DemoData;

public class seeding_the_demo_data(AppFixture fixture) : IntegrationContext(fixture)
{
    private DemoDataSeeder Seeder => ActivatorUtilities.CreateInstance<DemoDataSeeder>(Host.Services);

    [Fact]
    public async Task seeding_twice_leaves_the_event_store_as_the_first_run_left_it()
    {
        var first = await Seeder.SeedAsync();
        // The seeder schedules no reminders (its follow-ups lie in the past), so nothing is appended in the background.
        var events = await CountAllEvents();
        var streams = await CountStreams();

        var second = await Seeder.SeedAsync();

        Assert.True(first.Seeded);
        Assert.Equal(10, first.Themes);
        Assert.Equal(3, first.Campaigns);
        Assert.InRange(first.Contacts, 50, 70);
        Assert.InRange(first.Interactions, 300, 500);
        Assert.Equal(events, first.Events);
        Assert.True(second.AlreadyPresent);
        Assert.Equal(events, await CountAllEvents());
        Assert.Equal(streams, await CountStreams());
    }

    [Fact]
    public async Task the_formation_campaign_holds_the_letters_numbered_demands_with_their_targets()
    {
        await Seeder.SeedAsync();
        await using var session = Store.QuerySession();

        var campaign = await session.LoadAsync<Campaign>(DemoIds.FormationCampaign);
        Assert.Equal("Kabinetsformatie: Gemaakt in Nederland!", campaign!.Name);

        var demands = await session.Query<Demand>().Where(d => d.CampaignId == DemoIds.FormationCampaign).ToListAsync();
        Assert.Equal(["1a", "1b", "1c", "2a", "2b", "2c", "2d", "2e", "2f", "3a", "3b", "3c"], demands.Select(d => d.Code).Order());

        var praktijkleren = demands.Single(d => d.Code == "2d");
        Assert.Equal("vakmensen", praktijkleren.Theme);
        Assert.Contains("2.700", praktijkleren.Target);
        Assert.Contains("3% van het bbp", demands.Single(d => d.Code == "1a").Target);
        Assert.DoesNotContain(demands.Where(d => d.Code != "2d"), d => d.Target?.Contains("2.700") == true);
    }

    [Fact]
    public async Task the_kamerlid_s_note_is_recorded_as_support_for_the_demands_it_echoes()
    {
        await Seeder.SeedAsync();
        await using var session = Store.QuerySession();

        var kamerlid = await session.LoadAsync<Contact>(DemoDataSet.Amhaouch);
        Assert.Equal("Mustafa Amhaouch", kamerlid!.Name);
        Assert.Equal("CDA", kamerlid.RoleOn(new DateOnly(2022, 10, 1))!.Organisation);
        // He left the Kamer in 2023: the demo's later conversations are with other Kamerleden.
        Assert.Null(kamerlid.CurrentRole);
        Assert.DoesNotContain(await session.Query<Interaction>().ToListAsync(), i => i.ContactIds.Contains(kamerlid.Id));

        var support = (await session.Events.QueryRawEventDataOnly<SupportRecorded>().ToListAsync())
            .Where(s => s.ContactId == kamerlid.Id).ToList();
        Assert.True(support.Count >= 5, $"only {support.Count} demands supported");
        Assert.All(support, s =>
        {
            Assert.Equal(Stance.Supports, s.Stance);
            Assert.Contains("oktober 2022", s.Note);
        });
        Assert.Contains(support, s => s.DemandId == DemoIds.Demand(DemoDataSet.Formatie, "1a"));

        var r_and_d = await session.LoadAsync<Demand>(DemoIds.Demand(DemoDataSet.Formatie, "1a"));
        Assert.Contains(r_and_d!.Support, s => s.ContactId == kamerlid.Id && s.Stance == Stance.Supports);
    }

    [Fact]
    public async Task demands_end_adopted_with_venue_and_reference_rejected_or_withdrawn()
    {
        await Seeder.SeedAsync();
        await using var session = Store.QuerySession();
        var demands = await session.Query<Demand>().ToListAsync();

        var adopted = demands.Where(d => d.Status == DemandStatus.Adopted).ToList();
        Assert.True(adopted.Count >= 2, $"only {adopted.Count} demands adopted");
        Assert.All(adopted.SelectMany(d => d.Adoptions), a =>
        {
            Assert.False(string.IsNullOrWhiteSpace(a.Reference));
            Assert.NotEmpty(a.CreditedInteractionIds);
            Assert.NotEmpty(a.CreditedContactIds);
        });
        Assert.Contains(adopted.SelectMany(d => d.Adoptions), a => a.Venue == AdoptionVenue.CoalitionAgreement);
        Assert.Contains(adopted.SelectMany(d => d.Adoptions), a => a.Venue == AdoptionVenue.Motion);

        var praktijkleren = demands.Single(d => d.Id == DemoIds.Demand(DemoDataSet.Formatie, "2d"));
        Assert.True(praktijkleren.IsFullyAdopted);
        Assert.Equal([AdoptionVenue.CoalitionAgreement, AdoptionVenue.Budget], praktijkleren.Adoptions.Select(a => a.Venue));

        Assert.Contains(adopted.SelectMany(d => d.Adoptions), a => a.Venue == AdoptionVenue.PartyProgramme);
        Assert.True(adopted.SelectMany(d => d.Adoptions).Count(a => a.Venue == AdoptionVenue.Budget) >= 3);

        Assert.Single(demands, d => d.Status == DemandStatus.Rejected);
        Assert.Single(demands, d => d.Status == DemandStatus.Withdrawn);

        var supporters = demands.SelectMany(d => d.Support).Where(s => s.Stance == Stance.Supports).Select(s => s.ContactId).Distinct().ToList();
        Assert.True(supporters.Count >= 10, $"support from only {supporters.Count} contacts");
    }

    [Fact]
    public async Task contacts_carry_no_email_or_phone()
    {
        await Seeder.SeedAsync();
        await using var session = Store.QuerySession();

        var contacts = await session.Query<Contact>().ToListAsync();
        Assert.NotEmpty(contacts);
        Assert.All(contacts, c =>
        {
            Assert.Null(c.Email);
            Assert.Null(c.Phone);
            Assert.DoesNotContain("@", c.Notes ?? "");
        });
        var registered = await session.Events.QueryRawEventDataOnly<ContactRegistered>().ToListAsync();
        Assert.All(registered, r => Assert.True(r.Email is null && r.Phone is null, r.Name));
    }

    [Fact]
    public async Task every_event_names_the_team_member_who_recorded_it()
    {
        await Seeder.SeedAsync();
        await using var session = Store.QuerySession();

        var events = await session.Events.QueryAllRawEvents().Where(e => e.EventTypeName != "tombstone").ToListAsync();
        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.False(string.IsNullOrWhiteSpace(e.UserName), $"{e.EventTypeName} #{e.Sequence} has no user name"));

        var letter = Assert.Single(await session.Events.FetchStreamAsync(DemoDataSet.BriefInformateurs));
        Assert.Equal(DemoDataSet.Team.PublicAffairs, letter.UserName);
        var correction = (await session.Events.FetchStreamAsync(DemoDataSet.GesprekVanZwol)).Last();
        Assert.IsType<InteractionCorrected>(correction.Data);
        Assert.Equal(DemoDataSet.Team.Onderwijs, correction.UserName);
    }

    [Fact]
    public async Task the_timeline_went_through_the_domain_rules()
    {
        await Seeder.SeedAsync();
        await using var session = Store.QuerySession();

        var meeting = await session.LoadAsync<Interaction>(DemoDataSet.GesprekVanZwol);
        Assert.Equal(new DateOnly(2025, 11, 21), meeting!.HappenedOn);
        Assert.Single(meeting.Corrections);
        var lifelongLearning = await session.Events.FetchStreamAsync(DemoIds.Demand(DemoDataSet.Formatie, "2c"));
        Assert.Contains(lifelongLearning, e => e.Data is DemandRaised raised && raised.InteractionId == DemoDataSet.GesprekVanZwol);

        Assert.True((await session.LoadAsync<Interaction>(DemoDataSet.BriefVerkiezingswensenDubbel))!.Retracted);
        Assert.False((await session.LoadAsync<Interaction>(DemoDataSet.BriefVerkiezingswensen))!.Retracted);

        var informateur = await session.LoadAsync<Contact>(DemoDataSet.VanZwol);
        Assert.Null(informateur!.CurrentRole);
        Assert.Equal(ContactKind.Informateur, informateur.RoleOn(new DateOnly(2025, 12, 1))!.Kind);
        var minister = await session.LoadAsync<Contact>(DemoDataSet.Veldkamp);
        Assert.Equal(ContactKind.Minister, minister!.CurrentRole!.Kind);
        Assert.Equal("D66", minister.RoleOn(new DateOnly(2025, 9, 1))!.Organisation);
        var official = await session.LoadAsync<Contact>(DemoDataSet.Kuipers);
        Assert.Equal("Ministerie van Defensie", official!.CurrentRole!.Organisation);
        Assert.Equal("Ministerie van Economische Zaken", official.RoleOn(new DateOnly(2026, 1, 1))!.Organisation);

        var interactions = await session.Query<Interaction>().ToListAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.All(interactions, i => Assert.InRange(i.HappenedOn, new DateOnly(2025, 1, 1), today.AddDays(1)));
        // The latest weeks run up to the day of seeding.
        Assert.Contains(interactions, i => i.HappenedOn >= today.AddDays(-21));
        Assert.All(interactions, i => Assert.NotEmpty(i.ContactIds));
        Assert.Contains(interactions, i => i.Kind == InteractionKind.Hearing);
    }

    [Fact]
    public async Task the_start_up_service_seeds_only_when_the_setting_is_on()
    {
        await StartUp(seed: false);
        await using (var session = Store.QuerySession())
            Assert.Null(await session.LoadAsync<Campaign>(DemoIds.FormationCampaign));

        await StartUp(seed: true);
        await using (var session = Store.QuerySession())
            Assert.NotNull(await session.LoadAsync<Campaign>(DemoIds.FormationCampaign));
    }

    [Fact]
    public async Task the_first_start_with_demo_data_prints_an_officer_and_a_manager_beside_the_admin()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [FirstAdminOnStartup.Setting] = "true", [DemoDataOnStartup.Setting] = "true"
            })
            .Build();
        var users = Host.Services.GetRequiredService<UserDirectory>();
        Assert.False(await users.AnyUsersAsync());

        await ActivatorUtilities.CreateInstance<FirstAdminOnStartup>(Host.Services, configuration).StartAsync(CancellationToken.None);

        Assert.Equal(Roles.Admin, (await users.FindAsync("admin"))!.Role);
        Assert.Equal(Roles.Officer, (await users.FindAsync(DemoDataSet.Team.DemoOfficer))!.Role);
        Assert.Equal(Roles.Manager, (await users.FindAsync(DemoDataSet.Team.DemoManager))!.Role);
    }

    private async Task StartUp(bool seed)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [DemoDataOnStartup.Setting] = seed.ToString() })
            .Build();
        var service = ActivatorUtilities.CreateInstance<DemoDataOnStartup>(Host.Services, configuration);
        await service.StartAsync(CancellationToken.None);
    }

    private async Task<long> CountStreams()
    {
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand($"select count(*) from {Store.Options.Events.DatabaseSchemaName}.mt_streams", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
