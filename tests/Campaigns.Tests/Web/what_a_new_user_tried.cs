using Campaigns.Accounts;
using Wolverine.Tracking;
using Alba;
using Campaigns.Tests.Infrastructure;
using System.Net;
using System.Text.RegularExpressions;

namespace Campaigns.Tests.Web;

/// <summary>
/// What a walk through the screens as a new user turned up: dates no one means (31-12-9999) that broke pages later,
/// filters answered with raw JSON, a download the pages could not make, links officers may not follow, and refusals
/// that did not say which field they were about.
/// </summary>
public class what_a_new_user_tried(AppFixture fixture) : FormationContext(fixture)
{
    [Theory]
    [InlineData("/api/campaigns", "startsOn")]
    [InlineData("/api/follow-ups", "dueOn")]
    [InlineData("/api/contacts", "effectiveOn")]
    public async Task a_date_in_the_year_9999_is_refused_by_name_and_nothing_is_stored(string url, string field)
    {
        object body = url switch
        {
            "/api/campaigns" => new { name = "Walk 9999", goal = "Doel", startsOn = "9999-12-31", themes = new[] { "vakmensen" } },
            "/api/follow-ups" => new { description = "Test 9999", dueOn = "9999-12-31" },
            _ => new { name = "Walk 9999", kind = "kamerlid", organisation = "CDA", effectiveOn = "9999-12-31" }
        };
        var before = await CountAllEvents();
        var result = await Post(url, body, 400);
        Assert.Contains($"\"{field}\"", await result.ReadAsTextAsync());
        Assert.Contains("Een datum tussen 1900 en 2999.", await result.ReadAsTextAsync());
        Assert.Equal(before, await CountAllEvents());
    }

    [Fact]
    public async Task a_campaign_cannot_close_before_it_started()
    {
        var result = await Post($"/api/campaigns/{_formation.CampaignId}/closure", new { closedOn = "2020-01-01" }, 400);
        Assert.Contains("De campagne kan niet sluiten voor ze begon.", await result.ReadAsTextAsync());
        await Post($"/api/campaigns/{_formation.CampaignId}/closure", new { closedOn = "2025-12-01" }, 204);
    }

    [Theory]
    [InlineData("/themas/vakmensen?stand=9999-12-31", "Stand op: Een moment tussen 1900 en 2999.")]
    [InlineData("/agenda?van=9999-12-31", "Vanaf: een datum tussen 1900 en 2999.")]
    public async Task a_filter_date_in_the_year_9999_is_named_on_the_page(string url, string message)
    {
        var result = await Scenario(x => { x.Get.Url(url); x.StatusCodeShouldBe(400); });
        Assert.Contains(message, await result.ReadAsTextAsync());
    }

    [Theory]
    [InlineData("/themas/vakmensen?stand=gisteren", "Stand op: &#x27;gisteren&#x27; is geen geldige datum.")]
    [InlineData("/themas/vakmensen?van=2026-13-45", "Vanaf: &#x27;2026-13-45&#x27; is geen geldige datum.")]
    [InlineData("/themas/vakmensen?campagne=verkiezingen", "Campagne: &#x27;verkiezingen&#x27; is geen geldige campagne.")]
    public async Task an_unreadable_timeline_filter_is_named_instead_of_dropped(string url, string message)
    {
        var result = await Scenario(x => { x.Get.Url(url); x.StatusCodeShouldBe(400); });
        var html = await result.ReadAsTextAsync();
        Assert.Contains(message, html);
        Assert.DoesNotContain("<ol class=\"timeline\"", html);
    }

    [Fact]
    public async Task the_audit_page_names_a_wrong_filter_and_keeps_what_was_typed()
    {
        var result = await Scenario(x => { x.Get.Url("/audit?From=2026-01-01&To=2020-01-01&Stream=foo"); x.StatusCodeShouldBe(400); });
        var html = await result.ReadAsTextAsync();
        Assert.Contains("<h2>De filters kloppen niet</h2>", html);
        Assert.Contains("Tot en met: Het einde ligt voor het begin.", html);
        Assert.Contains("Stroom (id): geen geldig id.", html);
        Assert.Contains("value=\"foo\"", html);
        Assert.Contains("<html lang=\"nl\">", html);
    }

    [Fact]
    public async Task the_export_downloads_from_its_page()
    {
        await Create("/api/meetings", _formation.Meeting(_formation.VanZwol));
        var page = await (await Scenario(x => x.Get.Url("/beheer/export"))).ReadAsTextAsync();
        Assert.Contains("href=\"/beheer/export?handler=download\"", page);

        var result = await Scenario(x => { x.Get.Url("/beheer/export?handler=download"); x.StatusCodeShouldBe(200); });
        Assert.Equal("application/x-ndjson", result.Context.Response.ContentType);
        Assert.StartsWith("attachment; filename=\"campaigns-events-", result.Context.Response.Headers.ContentDisposition.ToString());
        var lines = (await result.ReadAsTextAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(await CountAllEvents(), lines.Length);
        Assert.Contains(lines, l => l.Contains("meeting_held"));
    }

    [Fact]
    public async Task officers_get_no_links_to_campaign_and_demand_pages_they_may_not_open()
    {
        var meeting = await Create("/api/meetings", _formation.Meeting(_formation.VanZwol));
        var officer = await BearerFor("otto.officer", Roles.Officer);
        foreach (var url in new[] { "/themas/vakmensen", $"/contactmomenten/{meeting}" })
        {
            var asManager = await (await Scenario(x => { x.Get.Url(url); x.StatusCodeShouldBe(200); })).ReadAsTextAsync();
            Assert.Contains($"href=\"/wensen/{_formation.Demand2d}\"", asManager);
            Assert.Contains($"href=\"/campagnes/{_formation.CampaignId}\"", asManager);

            var asOfficer = await (await Scenario(x => { x.Get.Url(url); x.WithRequestHeader("Authorization", officer); x.StatusCodeShouldBe(200); })).ReadAsTextAsync();
            Assert.DoesNotContain("href=\"/wensen/", asOfficer);
            Assert.DoesNotContain("href=\"/campagnes/", asOfficer);
            Assert.Contains("Kabinetsformatie: Gemaakt in Nederland!", asOfficer);
        }
    }

    [Fact]
    public async Task a_theme_that_exists_is_refused_next_to_its_field()
    {
        var result = await Host.PostFormAsync("/themas", "add", ("Slug", "vakmensen"), ("Label", "Nog eens"));
        var html = await result.ReadAsTextAsync();
        Assert.Contains("Thema &#x27;vakmensen&#x27; bestaat al.", html);
        Assert.Matches("id=\"Slug\"[^>]*aria-invalid=\"true\"|aria-invalid=\"true\"[^>]*id=\"Slug\"", html);
    }

    [Fact]
    public async Task no_follow_up_can_be_planned_on_a_retracted_contact_moment()
    {
        var meeting = await Create("/api/meetings", _formation.Meeting(_formation.VanZwol));
        await Post($"/api/interactions/{meeting}/retraction", new { reason = "Dubbel vastgelegd" }, 204);
        var before = await CountAllEvents();
        var result = await Post("/api/follow-ups", new { description = "Nabellen", dueOn = "2025-12-01", originInteractionId = meeting }, 400);
        Assert.Contains("Dit contactmoment is ingetrokken.", await result.ReadAsTextAsync());
        Assert.Equal(before, await CountAllEvents());

        var page = await (await Scenario(x => x.Get.Url($"/contactmomenten/{meeting}"))).ReadAsTextAsync();
        Assert.DoesNotContain("Follow-up plannen", page);
    }

    [Fact]
    public async Task closing_a_campaign_someone_else_closed_meanwhile_says_so()
    {
        var url = $"/campagnes/{_formation.CampaignId}";
        var form = await Host.ReadFormAsync(url);
        await Post($"{url.Replace("/campagnes", "/api/campaigns")}/closure", new { closedOn = "2025-12-01" }, 204);

        var result = await Host.PostFormAsync(form, $"{url}?handler=close", ("Version", "1"), ("ClosedOn", "2025-12-02"));
        Assert.Equal(200, result.Context.Response.StatusCode);
        Assert.Contains("Deze campagne is al gesloten.", await result.ReadAsTextAsync());
    }

    [Fact]
    public async Task a_correction_refused_because_someone_corrected_first_keeps_both_changes_when_sent_again()
    {
        var meeting = await Create("/api/meetings", _formation.Meeting(_formation.VanZwol));
        var url = $"/contactmomenten/{meeting}/corrigeren";
        var form = await Host.ReadFormAsync(url);
        // The whole form as the officer's browser sends it: read at version 1, with a new subject typed in.
        (string, string)[] asRead =
        [
            ("HappenedOn", "2025-11-20"), ("ContactIds", _formation.VanZwol.ToString()), ("Themes", "vakmensen"),
            ("DemandIds", _formation.Demand2d.ToString()), ("Summary", "Toelichting op wens 2d"), ("Location", "Den Haag"),
            ("Outcome", "Neemt het mee naar de onderhandelingen"), ("DocumentRef", ""), ("OurSide", AppFixture.Officer),
            ("Subject", "Gesprek over praktijkleren en stages"), ("Reason", "Onderwerp vollediger")
        ];
        // Meanwhile someone else corrects the outcome.
        await Post($"/api/interactions/{meeting}/corrections", new { outcome = "Zegt steun toe", reason = "Uitkomst aangevuld" }, 204);

        var stale = await Host.PostFormAsync(form, url, [("ExpectedVersion", "1"), .. asRead]);
        var html = await stale.ReadAsTextAsync();
        Assert.Equal(200, stale.Context.Response.StatusCode);
        Assert.Contains("Iemand anders wijzigde dit contactmoment intussen.", html);
        Assert.Contains("name=\"ExpectedVersion\" value=\"2\"", html);
        Assert.Contains("value=\"Gesprek over praktijkleren en stages\"", html);
        Assert.Contains(">Zegt steun toe</textarea>", html);

        // Sent again as shown: the other correction's outcome stays, the officer's subject is added.
        var shown = asRead.Select(f => f.Item1 == "Outcome" ? (f.Item1, "Zegt steun toe") : f);
        var again = await Host.PostFormAsync(form, url, [("ExpectedVersion", "2"), .. shown]);
        Assert.Equal(302, again.Context.Response.StatusCode);
        var stored = await Get<global::Campaigns.Interactions.Interaction>($"/api/interactions/{meeting}");
        Assert.Equal(("Gesprek over praktijkleren en stages", "Zegt steun toe"), (stored.Subject, stored.Outcome));
    }

    [Fact]
    public async Task a_long_pasted_summary_is_refused_next_to_its_field_with_the_text_kept()
    {
        var before = await CountAllEvents();
        var pasted = string.Concat(Enumerable.Repeat("Doorgestuurde e-mailwisseling over praktijkleren. ", 1_500)); // 76,500 characters
        var result = await Host.PostFormAsync("/contactmoment", null,
            ("Kind", "Meeting"), ("CampaignId", _formation.CampaignId.ToString()), ("Subject", "Lange mail"),
            ("ContactIds", _formation.VanZwol.ToString()), ("HappenedOn", "2025-11-20"), ("Summary", pasted));

        Assert.Equal(200, result.Context.Response.StatusCode);
        var html = await result.ReadAsTextAsync();
        Assert.Contains("<p class=\"field-error\" id=\"Summary-error\">Maximaal 4000 tekens.</p>", html);
        Assert.Contains($">{pasted}</textarea>", html);
        Assert.Equal(before, await CountAllEvents());
    }

    [Fact]
    public async Task a_form_read_under_another_sign_in_gets_a_dutch_page_and_stores_nothing()
    {
        var before = await CountAllEvents();
        // The officer's tab stays open while someone else signs in in the same browser; then the old tab's form is sent.
        var form = await Host.ReadFormAsync("/contactmoment");
        var other = await BearerFor("mia.manager", Roles.Manager);
        var result = await Scenario(x =>
        {
            x.Post.Url("/contactmoment");
            x.ConfigureHttpContext(context => context.WriteFormData(new Dictionary<string, string>
            {
                ["Kind"] = "Meeting", ["Subject"] = "Uit het oude tabblad", ["__RequestVerificationToken"] = form.Token
            }));
            x.WithRequestHeader("Cookie", form.Cookie);
            x.WithRequestHeader("Authorization", other);
            x.WithRequestHeader("Referer", "http://localhost/contactmoment");
            x.StatusCodeShouldBe(400);
        });

        Assert.StartsWith("text/html", result.Context.Response.ContentType);
        var html = await result.ReadAsTextAsync();
        Assert.Contains("<h1>Formulier niet opgeslagen</h1>", html);
        Assert.Contains("Er is niets opgeslagen.", html);
        Assert.Contains("<a class=\"button\" href=\"/contactmoment\">Formulier opnieuw openen</a>", html);
        Assert.Equal(before, await CountAllEvents());
    }

    [Fact]
    public async Task an_unreadable_date_or_kind_is_named_as_such_and_nothing_is_stored()
    {
        var before = await CountAllEvents();
        var result = await Host.PostFormAsync("/contactmoment", null,
            ("Kind", "Fax"), ("CampaignId", _formation.CampaignId.ToString()), ("Subject", "Per fax"),
            ("ContactIds", _formation.VanZwol.ToString()), ("HappenedOn", "2026-13-45"));

        Assert.Equal(200, result.Context.Response.StatusCode);
        var html = await result.ReadAsTextAsync();
        Assert.Contains("<p class=\"field-error\" id=\"HappenedOn-error\">Geen geldige datum.</p>", html);
        Assert.Contains("<p class=\"field-error\" id=\"Kind-error\">Geen geldige waarde.</p>", html);
        Assert.DoesNotContain("Verplicht veld.", html); // both were filled in
        Assert.Equal(before, await CountAllEvents());
    }

    [Fact]
    public async Task a_malformed_id_in_a_link_is_named_in_dutch()
    {
        var html = await (await Scenario(x => { x.Get.Url("/follow-ups/nieuw?demandId=garbage"); x.StatusCodeShouldBe(200); })).ReadAsTextAsync();
        Assert.DoesNotContain("is not valid", html);
        Assert.Contains("&#x27;garbage&#x27; is geen geldige waarde.", html);
    }

    [Fact]
    public async Task a_reminder_that_fires_while_a_follow_up_is_open_on_screen_does_not_refuse_the_officers_change()
    {
        var dueOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10);
        var id = await Create("/api/follow-ups", new { description = "Verslag sturen", dueOn = dueOn.ToString("O") });
        var url = $"/follow-ups/{id}";
        var form = await Host.ReadFormAsync(url);
        Assert.Matches("name=\"ExpectedVersion\" value=\"1\"", await (await Scenario(x => x.Get.Url(url))).ReadAsTextAsync());

        // The due day's reminder fires meanwhile: the stream moves on, but nobody changed what the form shows.
        await Host.InvokeMessageAndWaitAsync(new global::Campaigns.FollowUps.RemindFollowUp(id, dueOn));
        var moved = await Host.PostFormAsync(form, $"{url}?handler=Reschedule",
            ("ExpectedVersion", "1"), ("NewDueOn", dueOn.AddDays(7).ToString("O")), ("RescheduleReason", "Na het debat"));
        Assert.Equal(302, moved.Context.Response.StatusCode);
        Assert.Equal(dueOn.AddDays(7), (await Get<global::Campaigns.FollowUps.FollowUp>($"/api/follow-ups/{id}")).DueOn);

        // A change by a person still refuses a form read before it, in words, without version numbers.
        var stale = await Host.PostFormAsync(form, $"{url}?handler=Cancel", ("ExpectedVersion", "1"), ("CancelReason", "Niet meer nodig"));
        var html = await stale.ReadAsTextAsync();
        Assert.Contains("Dit is intussen gewijzigd. Laad opnieuw en probeer het nog eens.", html);
        Assert.DoesNotContain("versie", html);
        Assert.True((await Get<global::Campaigns.FollowUps.FollowUp>($"/api/follow-ups/{id}")).IsOpen);
    }

    [Fact]
    public async Task a_retracted_contact_moment_is_not_counted_as_corrected()
    {
        var meeting = await Create("/api/meetings", _formation.Meeting(_formation.VanZwol));
        await Post($"/api/interactions/{meeting}/retraction", new { reason = "Verkeerde campagne" }, 204);

        var detail = await (await Scenario(x => x.Get.Url($"/contactmomenten/{meeting}"))).ReadAsTextAsync();
        Assert.Contains("Correcties <span class=\"muted\">(0)</span>", detail);
        Assert.Contains("Niet gecorrigeerd.", detail);
        Assert.Contains("<strong>Ingetrokken</strong>", detail);

        var timeline = await (await Scenario(x => x.Get.Url($"/contacten/{_formation.VanZwol}?ingetrokken=true"))).ReadAsTextAsync();
        Assert.Contains("Verkeerde campagne", timeline);
        Assert.DoesNotContain("gecorrigeerd", timeline);
    }

    [Fact]
    public async Task the_notice_after_a_save_is_cut_short_so_it_fits_one_cookie()
    {
        var description = "Verslag sturen over " + string.Concat(Enumerable.Repeat("de mkb-maakindustrie en praktijkleren, ", 90));
        var id = await Create("/api/follow-ups", new { description, dueOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(5).ToString("O") });
        var url = $"/follow-ups/{id}";
        var form = await Host.ReadFormAsync(url);

        var done = await Host.PostFormAsync(form, $"{url}?handler=Complete", ("ExpectedVersion", "1"), ("CompleteNote", ""));
        Assert.Equal(302, done.Context.Response.StatusCode);
        var tempData = Assert.Single(done.Context.Response.Headers.SetCookie, c => c!.StartsWith(".AspNetCore.Mvc.CookieTempDataProvider"));
        Assert.DoesNotContain("chunks-", tempData); // one cookie, not split over several
        Assert.True(tempData!.Length < 4096, $"the notice's cookie is {tempData.Length} bytes");
    }

    [Fact]
    public async Task a_follow_up_planned_in_the_past_is_saved_with_a_warning_that_it_is_overdue_at_once()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var url = $"/follow-ups/nieuw?contactId={_formation.VanZwol}";
        var planned = await Host.PostFormAsync(await Host.ReadFormAsync(url), url,
            ("Description", "Verslag nasturen"), ("DueOn", today.AddDays(-20).ToString("yyyy-MM-dd")), ("Assignee", AppFixture.Officer));
        Assert.Equal(302, planned.Context.Response.StatusCode);
        Assert.Contains("let op: die datum is al voorbij, dus de follow-up staat bij 'Te laat'", await NoticeAfterAsync(planned));

        var id = (await Get<List<global::Campaigns.FollowUps.FollowUp>>($"/api/follow-ups?assignee={AppFixture.Officer}"))
            .Single(f => f.Description == "Verslag nasturen").Id;
        var moved = await Host.PostFormAsync(await Host.ReadFormAsync($"/follow-ups/{id}"), $"/follow-ups/{id}?handler=Reschedule",
            ("ExpectedVersion", "1"), ("NewDueOn", today.AddDays(3).ToString("yyyy-MM-dd")), ("RescheduleReason", "Later"));
        Assert.Equal(302, moved.Context.Response.StatusCode);
        var notice = await NoticeAfterAsync(moved);
        Assert.StartsWith("Verzet naar", notice);
        Assert.DoesNotContain("let op", notice);
    }

    /// <summary>The notice the page after a form's redirect shows, read with the cookie the redirect set.</summary>
    private async Task<string> NoticeAfterAsync(IScenarioResult redirect)
    {
        var cookie = string.Join("; ", redirect.Context.Response.Headers.SetCookie.Select(c => c!.Split(';')[0]));
        var page = await Scenario(x =>
        {
            x.Get.Url(redirect.Context.Response.Headers.Location.ToString());
            x.WithRequestHeader("Cookie", cookie);
        });
        var html = WebUtility.HtmlDecode(await page.ReadAsTextAsync());
        return Regex.Match(html, "role=\"status\"[^>]*>(.*?)</", RegexOptions.Singleline).Groups[1].Value.Trim();
    }

    [Fact]
    public async Task a_second_demand_with_a_code_the_campaign_has_is_stored_with_a_warning()
    {
        var url = $"/campagnes/{_formation.CampaignId}/wensen/nieuw";
        var formulated = await Host.PostFormAsync(await Host.ReadFormAsync(url), url,
            ("Theme", "vakmensen"), ("Code", "2D"), ("Text", "Verhoog ook de BBL-subsidie"), ("FormulatedOn", "2025-11-02"));
        Assert.Equal(302, formulated.Context.Response.StatusCode);
        Assert.Contains("Let op: deze campagne had al een wens met code 2D.", await NoticeAfterAsync(formulated));

        var another = await Host.PostFormAsync(await Host.ReadFormAsync(url), url,
            ("Theme", "vakmensen"), ("Code", "2x"), ("Text", "Nog een wens"), ("FormulatedOn", "2025-11-02"));
        Assert.DoesNotContain("Let op", await NoticeAfterAsync(another));
    }
}
