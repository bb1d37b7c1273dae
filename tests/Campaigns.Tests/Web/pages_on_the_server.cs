using Campaigns.Accounts;
using System.Text.RegularExpressions;
using Alba;
using Campaigns.Contacts;
using Campaigns.Demands;
using Campaigns.Interactions;
using Campaigns.Tests.Infrastructure;
using Campaigns.Timelines;
using Marten;

namespace Campaigns.Tests.Web;

/// <summary>
/// The pages without a browser, through Alba: every page answers in Dutch, and the forms store through the endpoints'
/// own rules or answer with the Dutch errors next to the fields. The acting user is the fixture's default account (bearer token).
/// </summary>
public partial class pages_on_the_server(AppFixture fixture) : FormationContext(fixture)
{
    [Fact]
    public async Task every_page_answers_in_dutch()
    {
        await Create("/api/meetings", _formation.Meeting(_formation.VanZwol));
        var pages = new Dictionary<string, string>
        {
            ["/"] = "Kabinetsformatie: Gemaakt in Nederland!",
            ["/contactmoment"] = "Contactmoment vastleggen",
            ["/follow-ups"] = "Mijn follow-ups",
            ["/contacten"] = "Van Zwol",
            ["/contacten/nieuw"] = "Contactpersoon vastleggen",
            [$"/contacten/{_formation.VanZwol}"] = "Gesprek gevoerd: Gesprek over praktijkleren",
            [$"/contacten/{_formation.VanZwol}/rol"] = "Rol wijzigen: Van Zwol",
            [$"/campagnes/{_formation.CampaignId}"] = "Trechter van de wensen",
            ["/themas/vakmensen"] = "Tijdlijn thema: Technische vakmensen",
            [$"/wensen/{_formation.Demand2d}"] = "Reis van de wens",
            ["/dekking"] = "Dagen sinds het laatste contact, per organisatie en thema"
        };
        foreach (var (url, text) in pages)
        {
            var html = await GetPage(url);
            Assert.True(html.Contains(text), $"{url} should show '{text}'");
            Assert.Contains("<html lang=\"nl\">", html);
        }
    }

    [Fact]
    public async Task an_unknown_contact_gets_a_dutch_page_not_found()
    {
        var result = await Scenario(x =>
        {
            x.Get.Url($"/contacten/{Guid.NewGuid()}");
            x.StatusCodeShouldBe(404);
        });
        Assert.Contains("<h1>Niet gevonden</h1>", await result.ReadAsTextAsync());
    }

    [Fact]
    public async Task pages_forbid_inline_scripts_and_foreign_assets()
    {
        var result = await Scenario(x => x.Get.Url("/contactmoment"));
        var policy = result.Context.Response.Headers.ContentSecurityPolicy.ToString();
        Assert.Contains("script-src 'self'", policy);
        Assert.Contains("style-src 'self'", policy);
        var html = await result.ReadAsTextAsync();
        Assert.DoesNotMatch("<script(?![^>]*src=\"/js/)", html);
        Assert.DoesNotContain("style=\"", html);
        Assert.DoesNotContain("https://", html);
    }

    [Fact]
    public async Task the_log_form_stores_a_meeting_through_the_endpoints_rules_signed_by_the_user()
    {
        var (token, cookie) = await FormToken("/contactmoment");
        var result = await PostForm("/contactmoment", token, cookie,
            ("Kind", "Meeting"), ("CampaignId", _formation.CampaignId.ToString()), ("Subject", "Gesprek over de SPL"),
            ("ContactIds", _formation.VanZwol.ToString()), ("ContactIds", _formation.Dijkgraaf.ToString()),
            ("Themes", "vakmensen"), ("DemandIds", _formation.Demand2d.ToString()), ("HappenedOn", "2025-11-20"),
            ("Location", "Den Haag"), ("Outcome", "Neemt het mee"), ("DocumentRef", ""), ("OurSide", ""));

        Assert.Equal(302, result.Context.Response.StatusCode);
        await using var session = Store.QuerySession();
        var meeting = Assert.Single(await session.Query<Interaction>().ToListAsync());
        Assert.Equal(InteractionKind.Meeting, meeting.Kind);
        Assert.Equal([_formation.VanZwol, _formation.Dijkgraaf], meeting.ContactIds);
        Assert.Equal(new DateOnly(2025, 11, 20), meeting.HappenedOn);
        Assert.Equal([AppFixture.Officer], meeting.OurSide);
        var events = await session.Events.FetchStreamAsync(meeting.Id);
        Assert.Equal(AppFixture.Officer, Assert.Single(events).UserName);
        // Like the API, the meeting raises the demand it mentions.
        Assert.Equal(1, (await session.LoadAsync<Demand>(_formation.Demand2d))!.TimesRaised);
    }

    [Fact]
    public async Task an_invalid_log_form_names_each_field_in_dutch_keeps_the_input_and_stores_nothing()
    {
        var before = await CountEvents();
        var (token, cookie) = await FormToken("/contactmoment");
        var result = await PostForm("/contactmoment", token, cookie,
            ("Kind", "Letter"), ("CampaignId", ""), ("Subject", "Brief <aan> de informateurs"),
            ("Summary", "Wat ik typte"), ("HappenedOn", DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-dd")),
            ("Themes", "vakmensen"), ("Themes", "bestaat-niet"));

        Assert.Equal(200, result.Context.Response.StatusCode);
        var html = await result.ReadAsTextAsync();
        Assert.Contains("<p class=\"field-error\" id=\"CampaignId-error\">Verplicht veld.</p>", html);
        Assert.Contains("<p class=\"field-error\" id=\"ContactIds-error\">Kies er minstens &#xE9;&#xE9;n.</p>", html);
        // A letter's date is "sentOn" in the API: on the form it is the one date field.
        Assert.Contains("<p class=\"field-error\" id=\"HappenedOn-error\">Mag niet meer dan een dag in de toekomst liggen.</p>", html);
        Assert.Contains("Onbekend thema &#x27;bestaat-niet&#x27;.", html);
        Assert.Contains("value=\"Brief &lt;aan&gt; de informateurs\"", html);
        Assert.Contains(">Wat ik typte</textarea>", html);
        Assert.Matches("value=\"vakmensen\" checked=\"checked\"", html);
        Assert.Matches("value=\"Letter\" checked=\"checked\"", html);
        Assert.Equal(before, await CountEvents());
    }

    [Fact]
    public async Task an_officer_registers_a_contact_and_gives_them_a_new_role()
    {
        var (token, cookie) = await FormToken("/contacten/nieuw");
        var invalid = await PostForm("/contacten/nieuw", token, cookie, ("Name", "Sophie Hermans"), ("Kind", ""), ("Organisation", ""), ("Email", "geen-adres"));
        var html = await invalid.ReadAsTextAsync();
        Assert.Contains("id=\"Kind-error\">Verplicht veld.", html);
        Assert.Contains("id=\"Organisation-error\">Verplicht veld.", html);
        Assert.Contains("id=\"Email-error\">Geen geldig e-mailadres.", html);
        Assert.Contains("value=\"Sophie Hermans\"", html);

        var created = await PostForm("/contacten/nieuw", token, cookie,
            ("Name", "Sophie Hermans"), ("Kind", "Kamerlid"), ("Organisation", "VVD"), ("EffectiveOn", "2023-12-06"));
        Assert.Equal(302, created.Context.Response.StatusCode);
        var location = created.Context.Response.Headers.Location.ToString();
        var id = Guid.Parse(location.Split('/')[^1]);

        var (roleToken, roleCookie) = await FormToken($"/contacten/{id}/rol");
        var version = Regex.Match(await GetPage($"/contacten/{id}/rol"), "name=\"ExpectedVersion\" value=\"(\\d+)\"").Groups[1].Value;
        var changed = await PostForm($"/contacten/{id}/rol", roleToken, roleCookie,
            ("Kind", "Minister"), ("Organisation", "Ministerie van Financiën"), ("EffectiveOn", "2024-07-02"), ("ExpectedVersion", version));
        Assert.Equal(302, changed.Context.Response.StatusCode);

        await using var session = Store.QuerySession();
        var contact = (await session.LoadAsync<Contact>(id))!;
        Assert.Equal(ContactKind.Minister, contact.CurrentRole!.Kind);
        Assert.Equal(new RolePeriod(ContactKind.Kamerlid, "VVD", new DateOnly(2023, 12, 6), new DateOnly(2024, 7, 2)), contact.Roles[0]);

        // A second save from the same, now stale, form would overwrite a change it never saw: it is refused.
        var stale = await PostForm($"/contacten/{id}/rol", roleToken, roleCookie,
            ("Kind", "Kamerlid"), ("Organisation", "VVD"), ("EffectiveOn", "2025-01-01"), ("ExpectedVersion", version));
        Assert.Contains("Dit is intussen gewijzigd", await stale.ReadAsTextAsync());
    }

    [Fact]
    public async Task a_timeline_and_the_scoreboard_download_as_csv()
    {
        await Create("/api/letters", _formation.Letter());

        var timeline = await Scenario(x => x.Get.Url($"/contacten/{_formation.VanZwol}?handler=csv&soort=letter-sent"));
        Assert.StartsWith("text/csv", timeline.Context.Response.ContentType);
        var lines = (await timeline.ReadAsTextAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("datum;soort;samenvatting;besproken;uitkomst;locatie;documentverwijzing;campagne;thema's;contactpersonen;wensen;namens ons;vastgelegd door;vastgelegd op;ingetrokken", lines[0]);
        Assert.StartsWith("2025-11-10;Brief;Brief verstuurd: Wensen MKB-maakindustrie voor de formatie;Brief met wensen 1a tot en met 3c;;;brief-informateurs-2025;Kabinetsformatie: Gemaakt in Nederland!;", lines[1]);
        Assert.Equal(2, lines.Length);

        var scoreboard = await Scenario(x => x.Get.Url($"/campagnes/{_formation.CampaignId}?handler=csv"));
        var rows = (await scoreboard.ReadAsTextAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("thema;Geformuleerd;Ingebracht;Steun;Overgenomen;Afgewezen;Ingetrokken;totaal", rows[0]);
        Assert.Equal("totaal;0;2;0;0;0;0;2", rows[^1]);
    }

    [Fact]
    public async Task the_as_of_filter_leaves_out_what_was_recorded_later()
    {
        await Create("/api/meetings", _formation.Meeting(_formation.VanZwol));
        var yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd");

        var now = await GetPage($"/contacten/{_formation.VanZwol}");
        var then = await GetPage($"/contacten/{_formation.VanZwol}?stand={yesterday}");

        Assert.Contains("Gesprek gevoerd: Gesprek over praktijkleren", now);
        Assert.DoesNotContain("Gesprek gevoerd: Gesprek over praktijkleren", then);
        Assert.Contains("Stand op <strong>", then);
    }

    [Fact]
    public async Task the_audit_page_shows_who_did_what_and_is_for_managers_only()
    {
        await Create("/api/letters", _formation.Letter(), user: "jan.devries", role: Roles.Officer);

        var html = await GetPage("/audit?gebruiker=jan.devries");
        Assert.Contains("<td>jan.devries</td>", html);
        Assert.Contains("<td>Brief</td>", html);
        Assert.DoesNotContain("letter-sent", html);
        Assert.DoesNotContain("<td>anna.officer</td>", html);

        var officer = await BearerFor("jan.devries", Roles.Officer);
        await Scenario(x => { x.Get.Url("/audit"); x.WithRequestHeader("Authorization", officer); x.StatusCodeShouldBe(403); });
    }

    [Fact]
    public async Task a_manager_uploads_the_kamerleden_files_and_sees_what_was_imported()
    {
        var (token, cookie) = await FormToken("/import/kamerleden");
        var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var file in Directory.GetFiles(Imports.importing_kamerleden.FixturePath("tk-2025")))
            content.Add(new ByteArrayContent(await File.ReadAllBytesAsync(file)), "Files", Path.GetFileName(file));
        var body = new MemoryStream();
        await content.CopyToAsync(body);

        var result = await Scenario(x =>
        {
            x.Post.Url("/import/kamerleden");
            x.ConfigureHttpContext(context =>
            {
                body.Position = 0;
                context.Request.Body = body;
                context.Request.ContentType = content.Headers.ContentType!.ToString();
                context.Request.ContentLength = body.Length;
            });
            x.WithRequestHeader("Cookie", cookie);
            x.StatusCodeShouldBe(200);
        });

        var html = await result.ReadAsTextAsync();
        Assert.Contains("Geïmporteerd", html);
        Assert.Matches("Nieuwe contactpersonen</th><td class=\"num\">6<", html);
        await using var session = Store.QuerySession();
        Assert.Equal(6, await session.Query<Contact>().CountAsync(c => c.Kind == ContactKind.Kamerlid && c.Name != "Henri Bontenbal"));
    }

    private async Task<string> GetPage(string url)
    {
        var result = await Scenario(x =>
        {
            x.Get.Url(url);
            x.StatusCodeShouldBe(200);
        });
        return await result.ReadAsTextAsync();
    }

    /// <summary>The antiforgery token of the page's form and the cookie it belongs to.</summary>
    private async Task<(string Token, string Cookie)> FormToken(string url)
    {
        var result = await Scenario(x => x.Get.Url(url));
        var html = await result.ReadAsTextAsync();
        var token = TokenPattern().Match(html).Groups[1].Value;
        var cookie = string.Join("; ", result.Context.Response.Headers.SetCookie.Select(c => c!.Split(';')[0]));
        return (token, cookie);
    }

    /// <summary>Posts a form and waits for the messages its command cascaded, as the API tests do.</summary>
    private async Task<IScenarioResult> PostForm(string url, string token, string cookie, params (string Name, string Value)[] fields) =>
        (await TrackedHttpCall(x =>
        {
            x.Post.Url(url);
            x.ConfigureHttpContext(context => context.WriteFormData(
                fields.Append(("__RequestVerificationToken", token)).Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2))));
            x.WithRequestHeader("Cookie", cookie);
            x.IgnoreStatusCode();
        })).Result;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
