using Alba;
using Campaigns.Accounts;
using Campaigns.FollowUps;
using Campaigns.Imports;
using Campaigns.Parliament;
using Campaigns.Tests.Infrastructure;
using Campaigns.Timelines;
using Campaigns.Web;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using static Campaigns.Tests.Parliament.ParliamentFixtures;

namespace Campaigns.Tests.Web;

/// <summary>
/// English, codes and UTC that slipped onto Dutch screens and downloads: event names in the audit, follow-up kinds in the
/// calendar feed, recorded times in the timeline CSV, a besluit's full stop, a webhook label, and pages that said less
/// than they knew (a capture inbox that is switched off, a Kamer item without its demands and themes).
/// </summary>
public class dutch_on_every_screen(AppFixture fixture) : FormationContext(fixture)
{
    private Task<TkImportOutcome> Import(string name) =>
        Host.Services.GetRequiredService<TkImporter>().ImportAsync(TkDataSet.FromPath(PathOf(name)), "tk-import");

    /// <summary>Both weeks of Kamer fixtures on the netcongestie theme's dossier, motie 29023-612 linked to demand 3a.</summary>
    private async Task KamerLinkedTo3a()
    {
        await Post("/api/themes/netcongestie/parliament", new { committees = new[] { "KGG" }, dossiers = new[] { "29023" } }, 204);
        await Import(November);
        await Import(December);
        await Post($"/api/demands/{_formation.Demand3a}/parliament-links", new { tkId = MotieNetcapaciteit, action = "link" }, 204);
    }

    [Fact]
    public async Task every_event_type_marten_knows_has_a_dutch_name()
    {
        // Appending every kind of Kamer event first: Marten learns an event type that no projection names when it is appended.
        await KamerLinkedTo3a();
        // Ours only: Marten's own (its tombstone fillers) never reach the audit.
        var events = Store.Options.Events.AllKnownEventTypes()
            .Where(e => e.EventType.Assembly == typeof(Dutch).Assembly).Select(e => e.EventTypeName).Order().ToList();
        Assert.Contains("motion_filed", events);
        Assert.Contains("theme_parliament_scope_set", events);
        Assert.Empty(events.Where(type => Dutch.EventType(type).StartsWith("Gebeurtenis (")).Select(type => $"{type}: {Dutch.EventType(type)}"));
    }

    [Fact]
    public async Task the_audit_names_kamer_events_in_dutch()
    {
        await KamerLinkedTo3a();
        var html = await (await Scenario(x => { x.Get.Url("/audit"); x.StatusCodeShouldBe(200); })).ReadAsTextAsync();
        Assert.DoesNotContain("Gebeurtenis (", html);
        Assert.Contains("<td>Motie of amendement ingediend</td>", html);
        Assert.Contains("<td>Stemming vastgelegd</td>", html);
        Assert.Contains("<td>Thema in de Kamer ingesteld</td>", html);
    }

    [Fact]
    public async Task the_calendar_feed_names_the_kind_of_follow_up_in_dutch()
    {
        await Create("/api/follow-ups", new { description = "Verslag sturen aan Van Zwol", dueOn = "2025-12-01" });
        var ics = (await (await Scenario(x => { x.Get.Url($"/api/follow-ups/calendar/{AppFixture.Officer}.ics"); x.StatusCodeShouldBe(200); }))
            .ReadAsTextAsync()).Replace("\r\n ", "");
        Assert.Contains($"DESCRIPTION:Follow-up (Eigen taak) voor {AppFixture.Officer}", ics);
        Assert.DoesNotContain("(Manual)", ics);
    }

    [Fact]
    public async Task the_calendar_feed_of_someone_unknown_is_not_found_and_still_refused_to_who_may_not_read_it()
    {
        const string feed = "/api/follow-ups/calendar/nobody.ics";
        await Scenario(x => { x.Get.Url(feed); x.StatusCodeShouldBe(404); });
        var manager = await BearerFor("mia.manager", Roles.Manager);
        await Scenario(x => { x.Get.Url(feed); x.WithRequestHeader("Authorization", manager); x.StatusCodeShouldBe(404); });
        // An officer may not read another's feed: that it does not exist is not theirs to learn either.
        var officer = await BearerFor("otto.officer", Roles.Officer);
        await Scenario(x => { x.Get.Url(feed); x.WithRequestHeader("Authorization", officer); x.StatusCodeShouldBe(403); });
        await Scenario(x => { x.Get.Url(feed); x.Anonymous(); x.StatusCodeShouldBe(401); });
        await Scenario(x => { x.Get.Url($"{feed}?token=cal_guessed"); x.Anonymous(); x.StatusCodeShouldBe(401); });
        // A theme's owner is a name, not necessarily an account: a name with follow-ups still has its feed, for managers.
        var id = Guid.NewGuid();
        await using (var session = Store.LightweightSession())
        {
            session.Events.StartStream<FollowUp>(id, new FollowUpScheduled(id, FollowUpKind.Inbreng, "Inbreng sturen: commissiedebat",
                new DateOnly(2027, 1, 13), "mark.manager", null, [], [], null, null, null));
            await session.SaveChangesAsync();
        }
        var ics = await (await Scenario(x => { x.Get.Url("/api/follow-ups/calendar/mark.manager.ics"); x.StatusCodeShouldBe(200); })).ReadAsTextAsync();
        Assert.Contains("DESCRIPTION:Follow-up (Inbreng sturen) voor mark.manager", ics.Replace("\r\n ", ""));
    }

    [Fact]
    public async Task the_timeline_csv_gives_recorded_times_in_amsterdam_time_as_the_screens_do()
    {
        await Create("/api/meetings", _formation.Meeting(_formation.VanZwol));
        var csv = await (await Scenario(x => x.Get.Url($"/contacten/{_formation.VanZwol}?handler=csv&soort=meeting-held"))).ReadAsTextAsync();
        await using var session = Store.QuerySession();
        var recorded = (await session.Query<TimelineEntry>().Where(e => e.EventType == "meeting-held").ToListAsync()).First().RecordedAt;
        var amsterdam = TimeZoneInfo.ConvertTime(recorded, Dutch.Amsterdam).ToString("yyyy-MM-dd HH:mm");
        var utc = recorded.ToUniversalTime().ToString("yyyy-MM-dd HH:mm");
        Assert.NotEqual(utc, amsterdam);

        Assert.Contains($";{amsterdam};", csv);
        Assert.DoesNotContain($";{utc};", csv);
    }

    [Fact]
    public async Task a_besluit_on_a_demand_page_has_no_stray_full_stop()
    {
        await KamerLinkedTo3a();
        var html = await (await Scenario(x => { x.Get.Url($"/wensen/{_formation.Demand3a}"); x.StatusCodeShouldBe(200); })).ReadAsTextAsync();
        Assert.Contains("Besluit: <strong class=\"outcome-aangenomen\">Aangenomen</strong> op 25 november 2026", html);
        Assert.DoesNotContain("Aangenomen.</strong>", html);
    }

    [Fact]
    public async Task the_webhook_kind_of_a_rejected_demand_is_called_afgewezen_as_elsewhere()
    {
        var html = await (await Scenario(x => { x.Get.Url("/beheer/webhooks"); x.StatusCodeShouldBe(200); })).ReadAsTextAsync();
        Assert.Contains("value=\"demand.rejected\"", html);
        Assert.Contains("Wens afgewezen", html);
        Assert.DoesNotContain("Wens verworpen", html);
    }

    [Fact]
    public async Task the_capture_inbox_says_the_mailbox_is_not_configured_when_capture_is_off()
    {
        var html = await (await Scenario(x => { x.Get.Url("/te-verwerken"); x.StatusCodeShouldBe(200); })).ReadAsTextAsync();
        Assert.Contains("De vastlegmailbox is niet ingesteld", html);
        Assert.Contains("Campaigns__EmailCapture__Enabled", html);
        Assert.DoesNotContain("Er staan geen e-mails klaar", html);
    }

    [Fact]
    public async Task a_kamer_item_links_to_its_themes_and_for_managers_to_its_demands()
    {
        await KamerLinkedTo3a();
        var url = $"/kamer/{MotieNetcapaciteit}";
        var asManager = await (await Scenario(x => { x.Get.Url(url); x.StatusCodeShouldBe(200); })).ReadAsTextAsync();
        Assert.Contains($"href=\"/wensen/{_formation.Demand3a}\"", asManager);
        Assert.Contains("href=\"/themas/netcongestie\"", asManager);
        Assert.Contains("Netcongestie en energie-infrastructuur", asManager);

        // Demand pages are for managers: an officer sees which demand, without a link it may not follow.
        var officer = await BearerFor("otto.officer", Roles.Officer);
        var asOfficer = await (await Scenario(x => { x.Get.Url(url); x.WithRequestHeader("Authorization", officer); x.StatusCodeShouldBe(200); })).ReadAsTextAsync();
        Assert.DoesNotContain("href=\"/wensen/", asOfficer);
        Assert.Contains("Versnel de aanpak van netcongestie voor het mkb", asOfficer);
        Assert.Contains("href=\"/themas/netcongestie\"", asOfficer);
    }
}
