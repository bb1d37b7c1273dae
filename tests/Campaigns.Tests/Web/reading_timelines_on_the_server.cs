using System.Net;
using Campaigns.Tests.Infrastructure;
using Campaigns.Timelines;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.Tests.Web;

/// <summary>
/// Reading timelines without a browser, through Alba: the screen shows an excerpt of what was discussed, the CSV the
/// full texts; the API reads newest first on request and names a wrong order.
/// </summary>
public class reading_timelines_on_the_server(AppFixture fixture) : FormationContext(fixture)
{
    private const string LongSummary =
        "Van Zwol vraagt hoe de Subsidieregeling Praktijkleren in de praktijk uitpakt voor kleine maakbedrijven met minder dan tien " +
        "medewerkers, en of de verhoging naar 2.700 euro per student genoeg is om meer leerbanen te openen. Wij lichten toe dat " +
        "de helft van onze leden nu afziet van een leerling omdat de begeleiding niet wordt vergoed, zij noteert dit voor de " +
        "onderhandelaars en vraagt om drie voorbeelden uit de regio Eindhoven.";
    private const string LongOutcome =
        "Sturen uiterlijk vrijdag drie voorbeelden van leden uit de regio Eindhoven, met het aantal leerbanen voor en na de regeling, " +
        "en een korte rekensom van wat de begeleiding per student kost.";

    [Fact]
    public async Task the_page_shows_an_excerpt_and_the_csv_the_full_texts()
    {
        var meeting = await Create("/api/meetings", new
        {
            campaignId = _formation.CampaignId, contactIds = new[] { _formation.VanZwol }, themes = new[] { "vakmensen" },
            subject = "Praktijkleren in kleine bedrijven", summary = LongSummary, outcome = LongOutcome, heldOn = "2025-11-24",
            location = "Catshuis, Den Haag"
        });
        await Host.Services.GetRequiredService<TimelineProgress>().WaitForEverythingAsync(TimeSpan.FromSeconds(30));

        var html = WebUtility.HtmlDecode(await (await Scenario(x => x.Get.Url($"/contacten/{_formation.VanZwol}?soort=meeting-held"))).ReadAsTextAsync());
        Assert.Contains($"<a href=\"/contactmomenten/{meeting}\">Gesprek gevoerd: Praktijkleren in kleine bedrijven</a>", html);
        Assert.Contains("<p class=\"excerpt\">Van Zwol vraagt hoe de Subsidieregeling Praktijkleren", html);
        Assert.Contains("…</p>", html);
        Assert.DoesNotContain("drie voorbeelden uit de regio Eindhoven", html);

        var csv = await Scenario(x => x.Get.Url($"/contacten/{_formation.VanZwol}?handler=csv&soort=meeting-held"));
        Assert.StartsWith("text/csv", csv.Context.Response.ContentType);
        var lines = (await csv.ReadAsTextAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        var header = lines[0].Split(';');
        var row = lines[1].Split(';');
        Assert.Equal(header.Length, row.Length);
        string Cell(string column) => row[Array.IndexOf(header, column)];
        Assert.Equal("Gesprek gevoerd: Praktijkleren in kleine bedrijven", Cell("samenvatting"));
        Assert.Equal(LongSummary, Cell("besproken"));
        Assert.Equal(LongOutcome, Cell("uitkomst"));
        Assert.Equal("Catshuis, Den Haag", Cell("locatie"));
    }

    [Fact]
    public async Task the_api_reads_newest_first_on_request_and_names_a_wrong_order()
    {
        await Create("/api/letters", _formation.Letter(sentOn: "2025-11-10"));
        await Create("/api/meetings", _formation.Meeting(_formation.VanZwol, heldOn: "2025-11-20"));
        await Create("/api/meetings", _formation.Meeting(_formation.VanZwol, heldOn: "2025-11-27", subject: "Tweede gesprek"));
        await Host.Services.GetRequiredService<TimelineProgress>().WaitForEverythingAsync(TimeSpan.FromSeconds(30));
        var url = $"/api/timelines/contacts/{_formation.VanZwol}";

        var oldest = await Get<TimelinePage>(url);
        var byDefault = oldest.Items.Select(e => e.Id).ToList();
        Assert.Equal(byDefault, (await Get<TimelinePage>($"{url}?order=oldest")).Items.Select(e => e.Id));
        var newest = await Get<TimelinePage>($"{url}?order=newest");
        Assert.Equal(Enumerable.Reverse(byDefault), newest.Items.Select(e => e.Id));
        Assert.True(newest.Items.Count >= 5, "registration, letter, two meetings and their follow-ups");

        // Page by page, newest first, the cursor walks back to the oldest.
        var walked = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await Get<TimelinePage>($"{url}?order=newest&limit=2{(cursor is null ? "" : $"&cursor={cursor}")}");
            walked.AddRange(page.Items.Select(e => e.Id));
            cursor = page.Next;
        } while (cursor is not null);
        Assert.Equal(newest.Items.Select(e => e.Id), walked);

        var refused = await Scenario(x => { x.Get.Url($"{url}?order=sideways"); x.StatusCodeShouldBe(400); });
        var problem = await refused.ReadAsTextAsync();
        Assert.Contains("\"order\"", problem);
        Assert.Contains("Kies oldest of newest.", problem);
    }

    [Fact]
    public async Task a_wrong_order_on_screen_is_named_in_dutch()
    {
        var html = WebUtility.HtmlDecode(await (await Scenario(x => { x.Get.Url($"/contacten/{_formation.VanZwol}?volgorde=willekeurig"); x.StatusCodeShouldBe(400); })).ReadAsTextAsync());
        Assert.Contains("De filters kloppen niet", html);
        Assert.Contains("Volgorde: kies nieuwste of oudste.", html);
    }

    [Fact]
    public async Task an_unknown_kind_is_refused_not_ignored()
    {
        var refused = await Scenario(x => { x.Get.Url($"/api/timelines/contacts/{_formation.VanZwol}?type=fax-sent"); x.StatusCodeShouldBe(400); });
        var problem = await refused.ReadAsTextAsync();
        Assert.Contains("\"type\"", problem);
        Assert.Contains("meeting-held", problem);

        var html = WebUtility.HtmlDecode(await (await Scenario(x => { x.Get.Url($"/contacten/{_formation.VanZwol}?soort=Fax"); x.StatusCodeShouldBe(400); })).ReadAsTextAsync());
        Assert.Contains("De filters kloppen niet", html);
        Assert.Contains("Soort: 'Fax' is geen bekende soort.", html);

        // Every kind an entry can have is accepted.
        foreach (var type in global::Campaigns.Timelines.TimelineHandlers.EntryTypeNames)
            await Scenario(x => { x.Get.Url($"/api/timelines/contacts/{_formation.VanZwol}?type={type}"); x.StatusCodeShouldBe(200); });
    }

    [Fact]
    public async Task a_campaign_has_its_whole_timeline_with_the_filters_of_the_others()
    {
        var letter = await Create("/api/letters", _formation.Letter(subject: "Brief over de formatie", sentOn: "2025-11-10"));
        var meeting = await Create("/api/meetings", _formation.Meeting(_formation.VanZwol, heldOn: "2025-11-20", subject: "Gesprek over leerbanen"));
        var other = await Create("/api/campaigns", new { name = "Andere campagne", goal = "Iets anders", startsOn = "2025-11-01", themes = new[] { "regeldruk" } });
        await Create("/api/meetings", new
        {
            campaignId = other, contactIds = new[] { _formation.VanZwol }, themes = new[] { "regeldruk" }, subject = "Gesprek in een andere campagne",
            heldOn = "2025-11-21"
        });
        await Host.Services.GetRequiredService<TimelineProgress>().WaitForEverythingAsync(TimeSpan.FromSeconds(30));

        var dashboard = WebUtility.HtmlDecode(await (await Scenario(x => x.Get.Url($"/campagnes/{_formation.CampaignId}"))).ReadAsTextAsync());
        Assert.Contains($"href=\"/campagnes/{_formation.CampaignId}/tijdlijn\"", dashboard);

        var all = WebUtility.HtmlDecode(await (await Scenario(x => x.Get.Url($"/campagnes/{_formation.CampaignId}/tijdlijn"))).ReadAsTextAsync());
        Assert.Contains("Tijdlijn campagne: Kabinetsformatie: Gemaakt in Nederland!", all);
        Assert.Contains($"<a href=\"/contactmomenten/{letter}\">Brief verstuurd: Brief over de formatie</a>", all);
        Assert.Contains($"<a href=\"/contactmomenten/{meeting}\">Gesprek gevoerd: Gesprek over leerbanen</a>", all);
        Assert.DoesNotContain("Gesprek in een andere campagne", all);
        Assert.DoesNotContain("name=\"campagne\"", all); // one campaign: no campaign filter

        var meetings = WebUtility.HtmlDecode(await (await Scenario(x => x.Get.Url($"/campagnes/{_formation.CampaignId}/tijdlijn?soort=meeting-held"))).ReadAsTextAsync());
        Assert.Contains("Gesprek over leerbanen", meetings);
        Assert.DoesNotContain("Brief over de formatie", meetings);
        var before = WebUtility.HtmlDecode(await (await Scenario(x => x.Get.Url($"/campagnes/{_formation.CampaignId}/tijdlijn?tot=2025-11-15"))).ReadAsTextAsync());
        Assert.Contains("Brief over de formatie", before);
        Assert.DoesNotContain("Gesprek over leerbanen", before);
        var fax = WebUtility.HtmlDecode(await (await Scenario(x => { x.Get.Url($"/campagnes/{_formation.CampaignId}/tijdlijn?soort=Fax"); x.StatusCodeShouldBe(400); })).ReadAsTextAsync());
        Assert.Contains("Soort: 'Fax' is geen bekende soort.", fax);

        var csv = await Scenario(x => x.Get.Url($"/campagnes/{_formation.CampaignId}/tijdlijn?handler=csv&soort=meeting-held"));
        Assert.StartsWith("text/csv", csv.Context.Response.ContentType);
        var lines = (await csv.ReadAsTextAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("Gesprek gevoerd: Gesprek over leerbanen", lines[1]);

        await Scenario(x => { x.Get.Url($"/campagnes/{Guid.NewGuid()}/tijdlijn"); x.StatusCodeShouldBe(404); });
    }
}
