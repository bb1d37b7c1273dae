using Campaigns.Accounts;
using Campaigns.Contacts;
using Campaigns.FollowUps;
using Campaigns.Timelines;
using Campaigns.Imports;
using Campaigns.Parliament;
using Campaigns.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using static Campaigns.Tests.Parliament.ParliamentFixtures;

namespace Campaigns.Tests.Parliament;

/// <summary>A debate on a theme's committee, dossier or keywords asks for inbreng from the theme's owner, before it.</summary>
public class agenda_alerts(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Owner = "mark.manager";

    /// <summary>The theme's owner gets the inbreng follow-ups, so it is an active team member.</summary>
    private async Task<string> OwnerAccount()
    {
        await BearerFor(Owner, Roles.Manager);
        return Owner;
    }

    private Task<TkImportOutcome> Import(string name) =>
        Host.Services.GetRequiredService<TkImporter>().ImportAsync(TkDataSet.FromPath(PathOf(name)), "tk-import");

    private async Task<FollowUp> WaitForFollowUp(Guid id, Func<FollowUp, bool> until)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            await using var session = Store.QuerySession();
            var followUp = await session.LoadAsync<FollowUp>(id);
            if (followUp is not null && until(followUp)) return followUp;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Follow-up {id}: {followUp}");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task a_debate_on_the_theme_asks_for_inbreng_five_working_days_before_and_follows_it_when_moved_or_cancelled()
    {
        await Create("/api/themes", new { slug = "netcongestie", label = "Netcongestie" });
        await Create("/api/themes", new { slug = "vakmensen", label = "Technische vakmensen" });
        await Create("/api/themes", new { slug = "regeldruk", label = "Regeldruk" });
        await Post("/api/themes/netcongestie/parliament", new { committees = new[] { "KGG" }, dossiers = new[] { "29023" }, owner = await OwnerAccount() }, 204);
        await Post("/api/themes/vakmensen/parliament", new { keywords = new[] { "technische vakmensen" }, owner = Owner, leadWorkingDays = 3 }, 204);
        // No owner: the one who imported gets it.
        await Post("/api/themes/regeldruk/parliament", new { dossiers = new[] { "29515" }, committees = Array.Empty<string>() }, 204);

        await Import(November);

        var netcongestie = await WaitForFollowUp(AgendaSubscription.IdFor(DebatNetcongestie, "netcongestie"), _ => true);
        Assert.Equal((FollowUpKind.Inbreng, new DateOnly(2027, 1, 13), Owner, FollowUpStatus.Open),
            (netcongestie.Kind, netcongestie.DueOn, netcongestie.Assignee, netcongestie.Status));
        Assert.Equal(["netcongestie"], netcongestie.Themes);
        Assert.StartsWith("Inbreng sturen: Commissiedebat Netcongestie en netbeheer op 20 januari 2027 (KGG)", netcongestie.Description);
        var vakmensen = await WaitForFollowUp(AgendaSubscription.IdFor(RondetafelVakmensen, "vakmensen"), _ => true);
        Assert.Equal(new DateOnly(2027, 1, 22), vakmensen.DueOn);
        // The regeldruk debate is led by EZ, not on the theme's dossier: nothing for the theme; the regeldruk motie is no debate.
        await using (var session = Store.QuerySession())
            Assert.Null(await session.LoadAsync<FollowUp>(AgendaSubscription.IdFor(DebatRegeldruk, "regeldruk")));

        var feed = await Scenario(x => x.Get.Url($"/api/follow-ups/calendar/{Owner}.ics"));
        var ics = await feed.ReadAsTextAsync();
        Assert.Contains("Inbreng sturen: Commissiedebat Netcongestie", ics.Replace("\r\n ", ""));

        await Import(December);

        var moved = await WaitForFollowUp(netcongestie.Id, f => f.DueOn != netcongestie.DueOn);
        Assert.Equal((new DateOnly(2027, 1, 27), FollowUpStatus.Open), (moved.DueOn, moved.Status));
        var cancelled = await WaitForFollowUp(vakmensen.Id, f => f.Status != FollowUpStatus.Open);
        Assert.Equal(FollowUpStatus.Cancelled, cancelled.Status);
        Assert.Equal("Debat geannuleerd", cancelled.Note);
    }

    [Fact]
    public async Task a_theme_that_gets_its_scope_after_the_import_is_alerted_for_the_debates_to_come()
    {
        await Create("/api/themes", new { slug = "regeldruk", label = "Regeldruk" });
        await Import(November);

        await Post("/api/themes/regeldruk/parliament", new { committees = new[] { "EZ" }, keywords = new[] { "regeldruk" }, owner = await OwnerAccount() }, 204);

        var regeldruk = await WaitForFollowUp(AgendaSubscription.IdFor(DebatRegeldruk, "regeldruk"), _ => true);
        Assert.Equal((new DateOnly(2027, 2, 4), Owner), (regeldruk.DueOn, regeldruk.Assignee));
    }

    [Fact]
    public async Task the_agenda_page_and_the_theme_page_show_the_coming_debates_on_the_theme()
    {
        await Create("/api/themes", new { slug = "netcongestie", label = "Netcongestie" });
        await Post("/api/themes/netcongestie/parliament", new { committees = new[] { "KGG" }, dossiers = new[] { "29023" }, keywords = new[] { "netaansluiting" } }, 204);
        await Import(November);

        var agenda = await (await Scenario(x => x.Get.Url("/agenda?van=2027-01-01&weken=8"))).ReadAsTextAsync();
        var theme = await (await Scenario(x => x.Get.Url("/themas/netcongestie"))).ReadAsTextAsync();

        Assert.Contains("Netcongestie en netbeheer", agenda);
        Assert.DoesNotContain("Regeldruk en administratieve lasten", agenda); // EZ, on no theme of ours
        Assert.Contains("<h2 id=\"kamer-title\">Kamer</h2>", theme);
        Assert.Contains("<strong>gepland</strong>: Commissiedebat", theme);
        Assert.Contains("Vragen van het lid Jansen", theme);
        Assert.Contains("TZ202611-031", theme);
    }

    [Fact]
    public async Task kamervragen_on_the_theme_go_on_its_timeline_with_the_indiener_linked_to_the_contact()
    {
        await Host.Services.GetRequiredService<TkImporter>().ImportAsync(
            TkDataSet.FromPath(Path.Combine(AppContext.BaseDirectory, "Imports", "Fixtures", "tk-2025")), "tk-import");
        var bram = (await Get<List<ContactView>>("/api/contacts?kind=kamerlid")).Single(c => c.TkPersoonId == Bram).Id;
        await Create("/api/themes", new { slug = "netcongestie", label = "Netcongestie" });
        await Post("/api/themes/netcongestie/parliament", new { keywords = new[] { "netaansluiting" } }, 204);

        await Import(November);
        await Import(November);

        var deadline = DateTime.UtcNow.AddSeconds(20);
        List<TimelineEntry> noted;
        do
        {
            await Task.Delay(200);
            noted = (await Get<TimelinePage>("/api/timelines/themes/netcongestie")).Items.Where(e => e.EventType == "written-questions-noted").ToList();
        } while (noted.Count == 0 && DateTime.UtcNow < deadline);
        var entry = Assert.Single(noted);
        Assert.Equal(new DateOnly(2026, 11, 10), entry.HappenedOn);
        Assert.StartsWith("Kamervragen 2026Z20004: Vragen van het lid Jansen", entry.Summary);
        Assert.EndsWith("(indiener: A. Jansen (CDA))", entry.Summary);
        Assert.Contains(bram, entry.ContactIds);
        var bramsTimeline = await Get<TimelinePage>($"/api/timelines/contacts/{bram}");
        Assert.Contains(bramsTimeline.Items, e => e.EventType == "written-questions-noted");
    }

    [Fact]
    public void the_due_day_counts_back_working_days_over_weekends_and_holidays()
    {
        Assert.Equal(new DateOnly(2027, 1, 13), WorkingDays.Before(new DateOnly(2027, 1, 20), 5));
        // Tuesday 4 January 2028 minus 3: Monday the 3rd, Friday 31 and Thursday 30 December (New Year's Day is a Saturday).
        Assert.Equal(new DateOnly(2027, 12, 30), WorkingDays.Before(new DateOnly(2028, 1, 4), 3));
        Assert.Equal(new DateOnly(2027, 4, 26), WorkingDays.Before(new DateOnly(2027, 4, 28), 1)); // Koningsdag on the 27th
    }

    [Fact]
    public async Task a_scope_with_a_bad_dossier_or_lead_time_is_refused_naming_the_field()
    {
        await Create("/api/themes", new { slug = "netcongestie", label = "Netcongestie" });
        var before = await CountEvents();

        var refused = await Post("/api/themes/netcongestie/parliament", new { dossiers = new[] { "Voorjaarsnota" }, leadWorkingDays = 99 }, 400);

        var body = await refused.ReadAsTextAsync();
        Assert.Contains("dossiers", body);
        Assert.Contains("leadWorkingDays", body);
        Assert.Equal(before, await CountEvents());
        await Post("/api/themes/onbekend/parliament", new { dossiers = new[] { "36200" } }, 404);

        // The same scope twice, or an empty one on a theme without a scope, records nothing new.
        await Post("/api/themes/netcongestie/parliament", new { }, 204);
        await Post("/api/themes/netcongestie/parliament", new { dossiers = new[] { "36200-XIII" } }, 204);
        await Post("/api/themes/netcongestie/parliament", new { dossiers = new[] { " 36200-XIII" } }, 204);
        Assert.Equal(before + 1, await CountEvents());
    }

    [Fact]
    public async Task alignments_racing_to_start_one_follow_up_all_succeed_and_start_it_once()
    {
        // Two events about one debate in one page (scheduled, then changed) send two alignments for one follow-up; the
        // loser of the race to start its stream is retried, finds the stream and aligns it, instead of being dead-lettered.
        var id = Guid.NewGuid();
        var desired = new FollowUpScheduled(id, FollowUpKind.Inbreng, "Inbreng sturen: commissiedebat", new DateOnly(2027, 3, 1), Owner,
            null, [], ["netcongestie"], null, null, null);
        var bus = Host.Services.GetRequiredService<Wolverine.IMessageBus>();
        await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => bus.InvokeAsync(new AlignAgendaFollowUp(desired, false, "Debat gepland"))));

        await using var session = Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(id);
        Assert.Single(events, e => e.Data is FollowUpScheduled);
        Assert.Equal(new DateOnly(2027, 3, 1), (await session.LoadAsync<FollowUp>(id))!.DueOn);
    }

    [Fact]
    public async Task a_theme_owner_who_is_no_active_team_member_is_refused_naming_the_owner()
    {
        await Create("/api/themes", new { slug = "netcongestie", label = "Netcongestie" });
        var refused = await Post("/api/themes/netcongestie/parliament", new { committees = new[] { "KGG" }, owner = "ghost" }, 400);
        Assert.Contains("Geen actieve gebruiker met deze gebruikersnaam.", await refused.ReadAsTextAsync());
        Assert.Null((await Get<global::Campaigns.Themes.Theme>("/api/themes/netcongestie")).Parliament);

        await Post("/api/themes/netcongestie/parliament", new { committees = new[] { "KGG" }, owner = await OwnerAccount() }, 204);
        Assert.Equal(Owner, (await Get<global::Campaigns.Themes.Theme>("/api/themes/netcongestie")).Parliament!.Owner);
    }
}
