using Microsoft.Extensions.DependencyInjection;
using Campaigns.Demands;
using Campaigns.Tests.Infrastructure;
using Campaigns.Timelines;
using JasperFx.Events.Daemon;
using Marten;

namespace Campaigns.Tests.Timelines;

public class managers_review_timelines(AppFixture fixture) : FormationContext(fixture)
{
    [Fact]
    public async Task what_happened_on_netcongestie_since_the_election()
    {
        await Create("/api/letters", _formation.Letter(sentOn: "2025-10-20", subject: "Voor de verkiezingen"));
        var after = await Create("/api/letters", _formation.Letter(sentOn: "2025-11-10"));
        await Create("/api/meetings", _formation.Meeting(_formation.VanZwol)); // vakmensen only

        var page = await Get<TimelinePage>("/api/timelines/themes/netcongestie?from=2025-10-29&type=letter-sent");

        var entry = Assert.Single(page.Items);
        Assert.Equal(after, entry.InteractionId);
        Assert.Equal("Brief verstuurd: Wensen MKB-maakindustrie voor de formatie", entry.Summary);
        Assert.Equal(AppFixture.Officer, entry.ActingUser);
        Assert.Contains("netcongestie", entry.Themes);
        Assert.Null(page.Next);
    }

    [Fact]
    public async Task every_touchpoint_with_van_zwol_and_who_on_our_side_had_it()
    {
        await Create("/api/letters", _formation.Letter());
        await Create("/api/meetings", _formation.Meeting(_formation.VanZwol, heldOn: "2025-11-20"), user: "jan.devries");
        await Create("/api/meetings", _formation.Meeting(_formation.Dijkgraaf, heldOn: "2025-11-21"));

        var page = await Get<TimelinePage>($"/api/timelines/contacts/{_formation.VanZwol}?type=");

        var touchpoints = page.Items.Where(e => !e.EventType.StartsWith("follow-up")).ToList();
        Assert.Equal(["contact-registered", "letter-sent", "meeting-held"], touchpoints.Select(e => e.EventType));
        Assert.Equal(["jan.devries"], touchpoints[2].OurSide);
        Assert.Equal("jan.devries", touchpoints[2].ActingUser);
        // The letter's chaser (settled by the meeting) and the thank-you letter are on her timeline too.
        Assert.Equal(2, page.Items.Count(e => e.EventType == "follow-up-scheduled"));
    }

    [Fact]
    public async Task how_far_demand_2d_is_from_adoption_and_which_contacts_led_there()
    {
        var letter = await Create("/api/letters", _formation.Letter());
        var meeting = await Create("/api/meetings", _formation.Meeting(_formation.Kamerlid));
        await Post($"/api/demands/{_formation.Demand2d}/adoption", new
        {
            venue = "motion", reference = "Motie 36 600-XIII nr. 12", partial = true, occurredOn = "2026-01-15",
            creditedInteractionIds = new[] { meeting }, creditedContactIds = new[] { _formation.Kamerlid }
        }, 204);

        var page = await Get<TimelinePage>($"/api/timelines/demands/{_formation.Demand2d}");
        Assert.Equal(["demand-formulated", "letter-sent", "meeting-held", "demand-adopted", "follow-up-scheduled"], page.Items.Select(e => e.EventType));
        Assert.StartsWith("Follow-up voor anna.officer: Uitvoering controleren van wens 2d", page.Items[^1].Summary);
        Assert.Equal([letter, meeting], page.Items.Where(e => e.InteractionId is not null).Select(e => e.InteractionId!.Value));
        Assert.Equal("Wens deels overgenomen in motie (Motie 36 600-XIII nr. 12)", page.Items[3].Summary);

        var score = await Get<CampaignScoreboard>($"/api/campaigns/{_formation.CampaignId}/scoreboard");
        Assert.Equal(1, score.ByStatus[DemandStatus.Adopted]);
        var adopted = Assert.Single(score.Adopted);
        Assert.Equal("2d", adopted.Code);
        Assert.Equal(66, adopted.DaysFromFirstRaisingToAdoption); // 10 Nov 2025 to 15 Jan 2026
        Assert.Equal([meeting], adopted.CreditedInteractionIds);
    }

    [Fact]
    public async Task which_fracties_we_have_not_spoken_to_about_regeldruk_lately()
    {
        var vvd = await Create("/api/contacts", new { name = "Kamerlid VVD", kind = "kamerlid", organisation = "VVD" });
        var d66 = await Create("/api/contacts", new { name = "Kamerlid D66", kind = "kamerlid", organisation = "D66" });
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await Create("/api/calls", new { campaignId = _formation.CampaignId, contactIds = new[] { vvd }, themes = new[] { "regeldruk" }, subject = "MKB-toets", calledOn = today.AddDays(-10).ToString("O") });
        await Create("/api/calls", new { campaignId = _formation.CampaignId, contactIds = new[] { d66 }, themes = new[] { "regeldruk" }, subject = "MKB-toets", calledOn = today.AddDays(-90).ToString("O") });

        var coverage = await Get<ThemeCoverage>("/api/themes/regeldruk/coverage?days=60");

        var byOrganisation = coverage.Organisations.ToDictionary(o => o.Organisation);
        Assert.True(byOrganisation["VVD"].ContactedWithinWindow);
        Assert.False(byOrganisation["D66"].ContactedWithinWindow);
        Assert.Equal(today.AddDays(-90), byOrganisation["D66"].LastContactOn);
        Assert.Null(byOrganisation["CDA"].LastContactOn); // never spoken to about regeldruk
        Assert.Equal("CDA", coverage.Organisations[0].Organisation);
    }

    [Fact]
    public async Task as_of_shows_a_corrected_meeting_in_its_original_form()
    {
        var meeting = await Create("/api/meetings", _formation.Meeting(_formation.VanZwol, subject: "Gesprek over praktijkleren"));
        var beforeCorrection = await RecordedAtOf(meeting);
        await Post($"/api/interactions/{meeting}/corrections", new { subject = "Gesprek over SPL en praktijkleren", happenedOn = "2025-11-19", reason = "Onderwerp aangevuld" }, 204);

        var now = await Get<TimelinePage>($"/api/timelines/contacts/{_formation.VanZwol}?type=meeting-held");
        Assert.Equal("Gesprek gevoerd: Gesprek over SPL en praktijkleren", Assert.Single(now.Items).Summary);

        var then = await Get<TimelinePage>($"/api/timelines/contacts/{_formation.VanZwol}?type=meeting-held&asOf={Uri.EscapeDataString(beforeCorrection.ToString("O"))}");
        var original = Assert.Single(then.Items);
        Assert.Equal("Gesprek gevoerd: Gesprek over praktijkleren", original.Summary);
        Assert.Equal(new DateOnly(2025, 11, 20), original.HappenedOn);

        var beforeAnything = await Get<TimelinePage>($"/api/timelines/contacts/{_formation.VanZwol}?type=meeting-held&asOf={Uri.EscapeDataString(beforeCorrection.AddSeconds(-30).ToString("O"))}");
        Assert.Empty(beforeAnything.Items);
    }

    [Fact]
    public async Task a_correction_moves_an_entry_between_contact_and_theme_timelines_on_its_corrected_day()
    {
        var meeting = await Create("/api/meetings", _formation.Meeting(_formation.VanZwol, subject: "Verkeerd genoteerd", heldOn: "2025-11-20"));
        await Post($"/api/interactions/{meeting}/corrections",
            new { contactIds = new[] { _formation.Dijkgraaf }, themes = new[] { "regeldruk" }, happenedOn = "2025-11-18", reason = "Was Dijkgraaf, over regeldruk" }, 204);

        Assert.DoesNotContain(await MeetingsOn($"contacts/{_formation.VanZwol}"), e => e.InteractionId == meeting);
        Assert.DoesNotContain(await MeetingsOn("themes/vakmensen"), e => e.InteractionId == meeting);
        var moved = Assert.Single(await MeetingsOn($"contacts/{_formation.Dijkgraaf}"), e => e.InteractionId == meeting);
        Assert.Equal(new DateOnly(2025, 11, 18), moved.HappenedOn);
        Assert.Single(await MeetingsOn("themes/regeldruk"), e => e.InteractionId == meeting);
        // Filters combine: the theme timeline narrowed to a contact, and to a period that no longer holds the meeting.
        Assert.Single(await MeetingsOn($"themes/regeldruk", $"&contactId={_formation.Dijkgraaf}"));
        Assert.Empty(await MeetingsOn($"themes/regeldruk", $"&contactId={_formation.VanZwol}"));
        Assert.Empty(await MeetingsOn($"contacts/{_formation.Dijkgraaf}", "&from=2025-11-19"));

        // As of before the correction, the meeting is where it was first logged, on its first day, and only there.
        var before = $"&asOf={Uri.EscapeDataString((await RecordedAtOf(meeting)).AddTicks(-10).ToString("O"))}";
        var then = Assert.Single(await MeetingsOn($"contacts/{_formation.VanZwol}", before), e => e.InteractionId == meeting);
        Assert.Equal((new DateOnly(2025, 11, 20), "Gesprek gevoerd: Verkeerd genoteerd"), (then.HappenedOn, then.Summary));
        Assert.Single(await MeetingsOn("themes/vakmensen", before), e => e.InteractionId == meeting);
        Assert.DoesNotContain(await MeetingsOn($"contacts/{_formation.Dijkgraaf}", before), e => e.InteractionId == meeting);
        Assert.DoesNotContain(await MeetingsOn("themes/regeldruk", before), e => e.InteractionId == meeting);
        Assert.Empty(await MeetingsOn($"contacts/{_formation.VanZwol}", before + "&from=2025-11-21"));
    }

    private async Task<IReadOnlyList<TimelineEntry>> MeetingsOn(string timeline, string filters = "") =>
        (await Get<TimelinePage>($"/api/timelines/{timeline}?type=meeting-held{filters}")).Items;

    [Fact]
    public async Task the_key_index_is_refilled_from_the_entries_when_it_is_empty()
    {
        await Create("/api/letters", _formation.Letter());
        var before = await Get<TimelinePage>($"/api/timelines/campaigns/{_formation.CampaignId}");
        var keysBefore = await KeyRows();

        // As after an upgrade from a version that kept the rows elsewhere: entries without key rows.
        await Sql($"truncate {TimelineKeys.Table(Store.Options.DatabaseSchemaName)}");
        Assert.Empty((await Get<TimelinePage>($"/api/timelines/campaigns/{_formation.CampaignId}")).Items);

        await TimelineKeys.EnsureAsync(Store, CancellationToken.None);

        Assert.Equal(keysBefore, await KeyRows());
        Assert.Equal(before.Items.Select(e => e.Id), (await Get<TimelinePage>($"/api/timelines/campaigns/{_formation.CampaignId}")).Items.Select(e => e.Id));
    }

    [Fact]
    public async Task a_retracted_letter_disappears_from_timelines_but_leaves_a_trace()
    {
        var letter = await Create("/api/letters", _formation.Letter());
        await Post($"/api/interactions/{letter}/retraction", new { reason = "Dubbel ingevoerd" }, 204);

        var visible = await Get<TimelinePage>($"/api/timelines/campaigns/{_formation.CampaignId}?type=letter-sent");
        Assert.Empty(visible.Items);

        var forManagers = await Get<TimelinePage>($"/api/timelines/campaigns/{_formation.CampaignId}?type=letter-sent&includeRetracted=true");
        var trace = Assert.Single(forManagers.Items);
        Assert.True(trace.Retracted);
        Assert.Equal("Dubbel ingevoerd", trace.RetractionReason);

        await using var session = Store.QuerySession();
        Assert.Equal(2, (await session.Events.FetchStreamAsync(letter)).Count);
    }

    [Fact]
    public async Task a_follow_up_dropped_before_it_fell_due_is_history_from_the_day_it_was_dropped()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, global::Campaigns.Web.Dutch.Amsterdam).DateTime);
        var logged = await Post("/api/meetings", _formation.Meeting(_formation.VanZwol, heldOn: today.ToString("yyyy-MM-dd")), 201);
        var meeting = Read<CreatedBody>(await logged.ReadAsTextAsync()).Id;
        await Host.Services.GetRequiredService<TimelineProgress>().WaitForEverythingAsync(TimeSpan.FromSeconds(30));
        var planned = Assert.Single((await Get<TimelinePage>($"/api/timelines/contacts/{_formation.VanZwol}?type=follow-up-scheduled")).Items);
        Assert.True(planned.HappenedOn > today, $"the thank-you is due later, not on {planned.HappenedOn}");

        await Post($"/api/interactions/{meeting}/retraction", new { reason = "Ging niet door" }, 204);
        await Host.Services.GetRequiredService<TimelineProgress>().WaitForEverythingAsync(TimeSpan.FromSeconds(30));
        var dropped = Assert.Single((await Get<TimelinePage>($"/api/timelines/contacts/{_formation.VanZwol}?type=follow-up-scheduled")).Items);
        Assert.Equal(planned.Id, dropped.Id);
        Assert.StartsWith("Follow-up vervallen", dropped.Summary);
        Assert.Equal(today, dropped.HappenedOn);
        Assert.Equal(planned.HappenedOn, dropped.Revisions[0].HappenedOn); // as it was planned, for a look back in time
    }

    [Fact]
    public async Task pages_follow_the_cursor_in_happened_on_order()
    {
        for (var day = 1; day <= 5; day++)
            await Create("/api/calls", new { campaignId = _formation.CampaignId, contactIds = new[] { _formation.VanZwol }, subject = $"Belronde {day}", calledOn = $"2025-12-0{6 - day}" });

        var first = await Get<TimelinePage>($"/api/timelines/contacts/{_formation.VanZwol}?type=call-made&limit=2");
        var second = await Get<TimelinePage>($"/api/timelines/contacts/{_formation.VanZwol}?type=call-made&limit=2&cursor={first.Next}");
        var third = await Get<TimelinePage>($"/api/timelines/contacts/{_formation.VanZwol}?type=call-made&limit=2&cursor={second.Next}");

        Assert.Equal(["Gebeld: Belronde 5", "Gebeld: Belronde 4", "Gebeld: Belronde 3", "Gebeld: Belronde 2", "Gebeld: Belronde 1"],
            first.Items.Concat(second.Items).Concat(third.Items).Select(e => e.Summary));
        Assert.Null(third.Next);
        await Scenario(x => { x.Get.Url($"/api/timelines/contacts/{_formation.VanZwol}?cursor=bogus"); x.StatusCodeShouldBe(400); });

        // A current page is the stored JSON passed through: without nulls, as the API writes JSON, and without `next` on the last page.
        var raw = await (await Scenario(x => x.Get.Url($"/api/timelines/contacts/{_formation.VanZwol}?type=call-made&limit=2&cursor={second.Next}"))).ReadAsTextAsync();
        Assert.Equal("application/json; charset=utf-8", (await Scenario(x => x.Get.Url($"/api/timelines/contacts/{_formation.VanZwol}"))).Context.Response.ContentType);
        Assert.DoesNotContain("null", raw);
        Assert.DoesNotContain("\"next\"", raw);
        Assert.Equal(third.Items.Select(e => e.Id), System.Text.Json.JsonDocument.Parse(raw).RootElement.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()));

        // As of a moment after all were logged, the pages are the same as now, cursor and all.
        var asOf = $"&asOf={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O"))}";
        var thenFirst = await Get<TimelinePage>($"/api/timelines/contacts/{_formation.VanZwol}?type=call-made&limit=2{asOf}");
        var thenSecond = await Get<TimelinePage>($"/api/timelines/contacts/{_formation.VanZwol}?type=call-made&limit=2&cursor={thenFirst.Next}{asOf}");
        Assert.Equal(first.Items.Concat(second.Items).Select(e => e.Id), thenFirst.Items.Concat(thenSecond.Items).Select(e => e.Id));
    }

    /// <summary>Small pages put a correction in the page after its entry's, while that entry is still being written.</summary>
    [Theory]
    [InlineData(5_000)]
    [InlineData(2)]
    [InlineData(1)]
    public async Task a_rebuild_from_the_log_gives_exactly_the_same_read_models(int pageSize)
    {
        var letter = await Create("/api/letters", _formation.Letter());
        var meeting = await Create("/api/meetings", _formation.Meeting(_formation.VanZwol));
        await Post($"/api/interactions/{meeting}/corrections", new { subject = "Gecorrigeerd", reason = "Typfout" }, 204);
        await Post($"/api/interactions/{letter}/retraction", new { reason = "Dubbel" }, 204);
        await Post($"/api/demands/{_formation.Demand2d}/adoption", new { venue = "budget", partial = false, occurredOn = "2026-01-15" }, 204);

        Assert.True(await Host.Services.GetRequiredService<TimelineProgress>().WaitForEverythingAsync(TimeSpan.FromSeconds(30)));
        var before = await Snapshot();
        var keysBefore = await KeyRows();
        await TimelineSubscription.RebuildAsync(Store, CancellationToken.None, pageSize);
        var after = await Snapshot();

        Assert.NotEmpty(before);
        var firstDifference = before.Zip(after).FirstOrDefault(p => p.First != p.Second);
        Assert.Equal(firstDifference.First, firstDifference.Second);
        Assert.Equal(before, after);
        // The key index that pages the timelines follows the rebuild row for row.
        Assert.NotEmpty(keysBefore);
        Assert.Equal(keysBefore, await KeyRows());
    }

    private async Task<List<string>> KeyRows()
    {
        await using var session = Store.QuerySession();
        return (await session.AdvancedSql.QueryAsync<string>(
            $"select concat_ws('|', key, happened_on, recorded_at, entry_id, retracted) from {TimelineKeys.Table(Store.Options.DatabaseSchemaName)} order by 1",
            CancellationToken.None)).ToList();
    }

    private async Task Sql(string sql)
    {
        await using var session = Store.LightweightSession();
        session.QueueSqlCommand(sql);
        await session.SaveChangesAsync();
    }

    private async Task<List<string>> Snapshot()
    {
        await using var session = Store.QuerySession();
        var entries = await session.Query<TimelineEntry>().OrderBy(e => e.Id).ToListAsync();
        return entries.Select(e => System.Text.Json.JsonSerializer.Serialize(e)).ToList();
    }

    private async Task<DateTimeOffset> RecordedAtOf(Guid streamId)
    {
        await using var session = Store.QuerySession();
        return (await session.Events.FetchStreamAsync(streamId))[^1].Timestamp;
    }
}
