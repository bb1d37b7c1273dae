using System.Net;
using Campaigns.Search;
using Campaigns.Tests.Infrastructure;
using Campaigns.Timelines;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.Tests.Search;

/// <summary>
/// One search over contact moments, demands, contacts, campaigns and themes, in Dutch: stemming, compounds and accents,
/// grouped and ranked hits with the words marked, corrections and retractions applied, forgetting honoured.
/// </summary>
public class searching_everything(AppFixture fixture) : FormationContext(fixture)
{
    private Task<SearchResults> Search(string query) => Get<SearchResults>("/api/search?" + query);

    private static IReadOnlyList<SearchHit> Hits(SearchResults results, string kind) =>
        results.Groups.SingleOrDefault(g => g.Kind == kind)?.Hits ?? [];

    private Task<Guid> Meeting(string subject, string summary, string heldOn = "2025-11-20", string theme = "vakmensen", string? outcome = null,
        string? documentRef = null) =>
        Create("/api/meetings", new
        {
            campaignId = _formation.CampaignId, contactIds = new[] { _formation.VanZwol }, themes = new[] { theme },
            subject, summary, outcome, documentRef, heldOn
        });

    [Theory]
    [InlineData("netcongestie", "Netcongestie bij de maakindustrie")]
    [InlineData("subsidies", "Subsidie voor leerbanen")]
    [InlineData("beroepsonderwijs", "Beroepsonderwijs en techniek")]
    [InlineData("financiele", "Financiële steun")]
    [InlineData("cafe", "Overleg in het café")]
    public async Task dutch_words_find_their_forms(string query, string subject)
    {
        var meeting = await Meeting(subject, "Kort verslag van het gesprek.");
        await Meeting("Iets heel anders", "Over de woningbouw in Utrecht.");

        var results = await Search("q=" + Uri.EscapeDataString(query));
        var hit = Assert.Single(Hits(results, SearchKinds.ContactMoment));
        Assert.Equal(meeting, hit.Id);
        Assert.Contains("<mark>", hit.TitleHtml);
    }

    [Fact]
    public async Task hits_are_grouped_by_kind_ranked_and_marked_and_link_to_their_page()
    {
        var inTitle = await Meeting("Praktijkleren in kleine bedrijven", "Over leerbanen.");
        var inSummary = await Meeting("Gesprek met Van Zwol", "Zij vraagt naar de Subsidieregeling Praktijkleren en de begeleiding.");

        var results = await Search("q=praktijkleren");
        var moments = Hits(results, SearchKinds.ContactMoment);
        Assert.Equal([inTitle, inSummary], moments.Select(h => h.Id));
        Assert.Equal($"/contactmomenten/{inTitle}", moments[0].Url);
        Assert.Contains("<mark>Praktijkleren</mark>", moments[0].TitleHtml);
        Assert.Contains("<mark>Praktijkleren</mark>", moments[1].SnippetHtml);

        var demand = Assert.Single(Hits(results, SearchKinds.Demand));
        Assert.Equal(_formation.Demand2d, demand.Id);
        Assert.Equal($"/wensen/{_formation.Demand2d}", demand.Url);
        Assert.Equal(3, results.Total);
        Assert.Equal([SearchKinds.ContactMoment, SearchKinds.Demand], results.Groups.Select(g => g.Kind));
    }

    [Fact]
    public async Task every_kind_is_searched()
    {
        await Create("/api/contacts", new { name = "Marieke Zoekmans", kind = "ambtenaar", organisation = "Ministerie van EZK", effectiveOn = "2025-01-01", notes = "Dossierhouder waterstofnetwerk" });

        Assert.Single(Hits(await Search("q=zoekmans"), SearchKinds.Contact));
        Assert.Single(Hits(await Search("q=waterstofnetwerk"), SearchKinds.Contact));
        Assert.Equal(_formation.CampaignId, Assert.Single(Hits(await Search("q=kabinetsformatie"), SearchKinds.Campaign)).Id);
        Assert.Equal("/themas/regeldruk", Assert.Single(Hits(await Search("q=regeldruk"), SearchKinds.Theme)).Url);
        Assert.Equal(_formation.Demand3a, Assert.Single(Hits(await Search("q=versnel"), SearchKinds.Demand)).Id);
    }

    [Fact]
    public async Task kamer_items_are_found_by_their_words_and_indieners_and_open_on_their_page()
    {
        await Host.Services.GetRequiredService<global::Campaigns.Imports.TkImporter>()
            .ImportAsync(global::Campaigns.Imports.TkDataSet.FromPath(Parliament.ParliamentFixtures.PathOf(Parliament.ParliamentFixtures.November)), "tk-import");

        var motie = Assert.Single(Hits(await Search("q=netcapaciteit bedrijventerreinen"), SearchKinds.ParliamentItem));
        Assert.Equal(Parliament.ParliamentFixtures.MotieNetcapaciteit, motie.Id);
        Assert.Equal($"/kamer/{motie.Id}", motie.Url);
        Assert.Contains(Parliament.ParliamentFixtures.MotieRapportageplicht,
            Hits(await Search("q=idrissi&type=parliament-item"), SearchKinds.ParliamentItem).Select(h => h.Id));

        var html = WebUtility.HtmlDecode(await (await Scenario(x => x.Get.Url(motie.Url))).ReadAsTextAsync());
        Assert.Contains("<h1>Motie", html);
        Assert.Contains("netcapaciteit", html);
        Assert.Contains("Mulder", html);
        Assert.Contains("<dt>Kamerstuk</dt><dd>29023-612</dd>", html);

        // By its kamerstuk number, as the demand page quotes it, or written out; and by its zaak number.
        foreach (var query in new[] { "29023-612", "29023 nr. 612", "2026Z20001" })
            Assert.Contains(Parliament.ParliamentFixtures.MotieNetcapaciteit,
                Hits(await Search("q=" + Uri.EscapeDataString(query)), SearchKinds.ParliamentItem).Select(h => h.Id));
        Assert.DoesNotContain(Parliament.ParliamentFixtures.MotieNetcapaciteit,
            Hits(await Search("q=29023-613"), SearchKinds.ParliamentItem).Select(h => h.Id));
    }

    [Fact]
    public async Task a_demand_is_found_by_the_reference_of_its_adoption()
    {
        await Post($"/api/demands/{_formation.Demand3a}/adoption", new
        {
            venue = "Motion", reference = "Motie 29023-612", occurredOn = "2025-12-04", note = "Aangenomen met brede steun"
        }, 204);
        await Host.Services.GetRequiredService<TimelineProgress>().WaitForEverythingAsync(TimeSpan.FromSeconds(30));

        foreach (var query in new[] { "29023-612", "brede steun" })
            Assert.Equal([_formation.Demand3a], Hits(await Search("q=" + Uri.EscapeDataString(query)), SearchKinds.Demand).Select(h => h.Id));
    }

    [Fact]
    public async Task text_is_escaped_before_words_are_marked()
    {
        await Meeting("<script>alert(1)</script> netcongestie", "Over <b>netcongestie</b>.");
        var hit = Assert.Single(Hits(await Search("q=netcongestie"), SearchKinds.ContactMoment));
        // Only <mark> comes through as markup: what looks like a tag is dropped or escaped, never passed on.
        Assert.DoesNotContain("<script", hit.TitleHtml);
        Assert.Contains("<mark>netcongestie</mark>", hit.TitleHtml);
        Assert.DoesNotContain("<b>", hit.SnippetHtml);
        Assert.Contains("<mark>netcongestie</mark>", hit.SnippetHtml);
        Assert.Equal("<script>alert(1)</script> netcongestie", hit.Title);
    }

    [Fact]
    public async Task a_correction_is_searched_as_corrected()
    {
        var meeting = await Meeting("Gesprek over waterstof", "Eerste versie.");
        await Post($"/api/interactions/{meeting}/corrections", new { subject = "Gesprek over kernenergie", reason = "Verkeerd onderwerp" }, 204);

        Assert.Empty(Hits(await Search("q=waterstof"), SearchKinds.ContactMoment));
        Assert.Equal(meeting, Assert.Single(Hits(await Search("q=kernenergie"), SearchKinds.ContactMoment)).Id);
    }

    [Fact]
    public async Task a_retracted_moment_is_found_only_on_request()
    {
        var meeting = await Meeting("Verkeerd vastgelegd gesprek over stikstof", "Per ongeluk.");
        await Post($"/api/interactions/{meeting}/retraction", new { reason = "Dubbel vastgelegd" }, 204);

        Assert.Empty(Hits(await Search("q=stikstof"), SearchKinds.ContactMoment));
        var hit = Assert.Single(Hits(await Search("q=stikstof&includeRetracted=true"), SearchKinds.ContactMoment));
        Assert.True(hit.Retracted);
    }

    [Fact]
    public async Task filters_narrow_the_hits()
    {
        var november = await Meeting("Leerbanen in november", "Over leerbanen.", heldOn: "2025-11-20");
        var december = await Meeting("Leerbanen in december", "Over leerbanen.", heldOn: "2025-12-04", theme: "netcongestie");

        Assert.Equal([november], Hits(await Search("q=leerbanen&to=2025-11-30"), SearchKinds.ContactMoment).Select(h => h.Id));
        Assert.Equal([december], Hits(await Search("q=leerbanen&from=2025-12-01"), SearchKinds.ContactMoment).Select(h => h.Id));
        Assert.Equal([december], Hits(await Search("q=leerbanen&theme=netcongestie"), SearchKinds.ContactMoment).Select(h => h.Id));
        Assert.Empty((await Search($"q=leerbanen&campaignId={Guid.NewGuid()}")).Groups);
        Assert.Equal(2, Hits(await Search($"q=leerbanen&campaignId={_formation.CampaignId}"), SearchKinds.ContactMoment).Count);
        Assert.Empty((await Search("q=leerbanen&type=demand")).Groups);
        Assert.Equal([november], Hits(await Search("q=leerbanen -december"), SearchKinds.ContactMoment).Select(h => h.Id));
    }

    [Theory]
    [InlineData("", "q")]
    [InlineData("q=", "q")]
    [InlineData("q=-alleen", "q")]
    [InlineData("q=netcongestie&type=brief", "type")]
    [InlineData("q=netcongestie&limit=0", "limit")]
    [InlineData("q=netcongestie&from=2025-12-01&to=2025-11-01", "to")]
    [InlineData("q=netcongestie&from=0001-01-01", "from")]
    [InlineData("q=netcongestie&from=gisteren", "from")]
    public async Task bad_input_is_a_400_naming_the_field(string query, string field)
    {
        var result = await Scenario(x => { x.Get.Url("/api/search?" + query); x.StatusCodeShouldBe(400); });
        Assert.Contains($"\"{field}\"", await result.ReadAsTextAsync());
    }

    [Fact]
    public async Task a_forgotten_person_is_no_longer_found()
    {
        var contact = await Create("/api/contacts", new { name = "Pieter Vergeetmij", kind = "ambtenaar", organisation = "Ministerie van SZW", effectiveOn = "2025-01-01" });
        await Create("/api/meetings", new
        {
            campaignId = _formation.CampaignId, contactIds = new[] { contact }, themes = new[] { "vakmensen" },
            subject = "Overleg met Pieter Vergeetmij over leerbanen", summary = "Pieter Vergeetmij zegt toe te kijken naar de regeling.", heldOn = "2025-11-20"
        });
        Assert.Equal(2, (await Search("q=vergeetmij")).Total);

        await Scenario(x => { x.Post.Json(new { }).ToUrl($"/api/contacts/{contact}/forget"); x.StatusCodeShouldBe(200); });

        Assert.Equal(0, (await Search("q=vergeetmij")).Total);
        Assert.Equal(0, (await Search("q=vergeetmij&includeRetracted=true")).Total);
        Assert.Single(Hits(await Search("q=leerbanen"), SearchKinds.ContactMoment));
    }

    [Fact]
    public async Task a_rebuild_gives_the_same_hits()
    {
        await Meeting("Netcongestie in Brabant", "Wachtrij voor aansluitingen.");
        var meeting = await Meeting("Netcongestie in Limburg", "Eerst anders.");
        await Post($"/api/interactions/{meeting}/corrections", new { summary = "Wachtrij voor aansluitingen in Limburg.", reason = "Aanvulling" }, 204);
        var before = await Search("q=aansluitingen");

        await Host.Services.GetRequiredService<TimelineProgress>().WaitForEverythingAsync(TimeSpan.FromSeconds(30));
        var rows = await SearchIndex.RebuildAsync(Store, CancellationToken.None);

        Assert.Equal(2 + 2 + 3 + 1 + 3, rows); // meetings, demands, contacts, the campaign, themes
        var after = await Search("q=aansluitingen");
        Assert.Equal(2, after.Total);
        Assert.Equal(before.Groups.SelectMany(g => g.Hits), after.Groups.SelectMany(g => g.Hits));
    }

    [Fact]
    public async Task the_search_page_groups_the_hits_and_every_page_has_the_search_box()
    {
        var meeting = await Meeting("Praktijkleren in kleine bedrijven", "Over leerbanen.");

        var html = await (await Scenario(x => x.Get.Url("/zoeken?q=praktijkleren"))).ReadAsTextAsync();
        Assert.Contains("<h2 id=\"group-contact-moment\">Contactmoment <span class=\"muted\">(1)</span></h2>", html);
        Assert.Contains("<h2 id=\"group-demand\">Wens <span class=\"muted\">(1)</span></h2>", html);
        Assert.Contains($"<a href=\"/contactmomenten/{meeting}\" class=\"hit-title\"><mark>Praktijkleren</mark> in kleine bedrijven</a>", html);

        var home = await (await Scenario(x => x.Get.Url("/contacten"))).ReadAsTextAsync();
        Assert.Contains("<form method=\"get\" action=\"/zoeken\" role=\"search\"", home);
    }

    [Fact]
    public async Task an_officer_sees_demands_found_without_a_link_to_the_managers_page()
    {
        var officer = await BearerFor("zoek.officer", global::Campaigns.Accounts.Roles.Officer);
        var html = await (await Scenario(x => { x.Get.Url("/zoeken?q=praktijkleren"); x.WithRequestHeader("Authorization", officer); })).ReadAsTextAsync();
        Assert.Contains("<span class=\"hit-title\">2d: Verhoog de Subsidieregeling <mark>Praktijkleren</mark></span>", html);
        Assert.DoesNotContain($"href=\"/wensen/{_formation.Demand2d}\"", html);
    }

    [Fact]
    public async Task the_search_page_names_a_wrong_filter_in_dutch()
    {
        var html = WebUtility.HtmlDecode(await (await Scenario(x => x.Get.Url("/zoeken?q=netcongestie&van=2025-12-01&tot=2025-11-01"))).ReadAsTextAsync());
        Assert.Contains("De zoekopdracht klopt niet", html);
        Assert.Contains("Tot en met: Het einde ligt voor het begin.", html);
    }
}
