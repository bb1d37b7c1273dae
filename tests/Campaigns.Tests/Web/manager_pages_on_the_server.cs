using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Alba;
using Campaigns.Accounts;
using Campaigns.Demands;
using Campaigns.Tests.Infrastructure;
using Marten;

namespace Campaigns.Tests.Web;

/// <summary>
/// The manager's and admin's pages without a browser, through Alba: who may open which page, that every page action stores
/// exactly what the matching API call stores, and that a form read before someone else's change does not overwrite it.
/// </summary>
public partial class manager_pages_on_the_server(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task every_route_opens_for_the_roles_that_may_use_it_and_says_geen_toegang_to_the_others()
    {
        var formation = await FormationCampaign.Create(this);
        var routes = new (string Url, string Least)[]
        {
            ("/campagnes", Roles.Officer), ("/campagnes/nieuw", Roles.Manager), ($"/campagnes/{formation.CampaignId}", Roles.Manager),
            ($"/campagnes/{formation.CampaignId}/wensen/nieuw", Roles.Manager), ($"/wensen/{formation.Demand3a}", Roles.Manager),
            ($"/wensen/{formation.Demand3a}/steun", Roles.Manager), ($"/wensen/{formation.Demand3a}/aangenomen", Roles.Manager),
            ($"/wensen/{formation.Demand3a}/afgewezen", Roles.Manager), ($"/wensen/{formation.Demand3a}/ingetrokken", Roles.Manager),
            ("/themas", Roles.Officer), ("/beheer/gebruikers", Roles.Admin), ($"/beheer/gebruikers/{AppFixture.Officer}", Roles.Admin),
            ("/beheer/export", Roles.Manager), ("/follow-ups/team", Roles.Manager), ("/audit", Roles.Manager)
        };
        var outcomes = new List<string>();
        foreach (var role in Roles.All)
        {
            var bearer = await BearerFor($"walk.{role}", role);
            foreach (var (url, least) in routes)
            {
                var result = await Scenario(x => { x.Get.Url(url); x.WithRequestHeader("Authorization", bearer); x.IgnoreStatusCode(); });
                var html = await result.ReadAsTextAsync();
                var allowed = Roles.All.ToList().IndexOf(role) >= Roles.All.ToList().IndexOf(least);
                var status = result.Context.Response.StatusCode;
                var ok = allowed
                    ? status == 200 && html.Contains("<html lang=\"nl\">") && !html.Contains("Geen toegang")
                      // The Content-Security-Policy allows no inline style or script.
                      && !html.Contains("style=\"") && !Regex.IsMatch(html, "<script(?![^>]*src=\"/js/)")
                    : status == 403 && html.Contains("<h1>Geen toegang</h1>") && html.Contains("<html lang=\"nl\">");
                if (!ok) outcomes.Add($"{role} {url}: {status}");
            }
        }
        Assert.True(outcomes.Count == 0, string.Join("\n", outcomes));
    }

    [Fact]
    public async Task an_officer_reads_the_themes_but_cannot_add_one()
    {
        var officer = await BearerFor("olaf.officer", Roles.Officer);
        var (token, cookie) = await FormToken("/themas", officer);
        var html = await (await Scenario(x => { x.Get.Url("/themas"); x.WithRequestHeader("Authorization", officer); })).ReadAsTextAsync();
        Assert.DoesNotContain("Thema toevoegen", html);
        var result = await PostForm("/themas?handler=add", token, cookie, officer, ("Slug", "stikstof"), ("Label", "Stikstof"));
        Assert.Equal(403, result.Context.Response.StatusCode);
        Assert.Equal(0, await CountEvents());
    }

    [Fact]
    public async Task every_page_action_stores_exactly_the_events_of_the_matching_api_call()
    {
        var viaApi = await Arc(new Api(this));
        var viaPages = await Arc(new Pages(this));

        var types = viaApi.Select(e => e.Type).ToList();
        foreach (var type in new[] { "theme_added", "theme_renamed", "campaign_started", "demand_formulated", "support_recorded", "demand_adopted",
                     "follow_up_scheduled", "demand_rejected", "demand_withdrawn", "campaign_closed" })
            Assert.Contains(type, types);
        // The same events, compared in a fixed order: what a command cascades to other streams (the meeting's mention on
        // its demand, its thank-you follow-up) is recorded by separate handlers, in either order.
        Assert.Equal(viaApi.Count, viaPages.Count);
        Assert.Equal(viaApi.Order().ToList(), viaPages.Order().ToList());
    }

    [Fact]
    public async Task accounts_and_tokens_change_from_the_page_as_through_the_api()
    {
        var viaApi = await AccountArc(new Api(this));
        var viaPages = await AccountArc(new Pages(this));
        Assert.Equal(viaApi, viaPages);
        Assert.Equal("eva.nieuw manager disabled; tokens: aangemaakt met het account active, script revoked by anna.officer", viaApi);
    }

    [Fact]
    public async Task a_step_on_a_demand_that_changed_meanwhile_shows_what_changed_and_can_be_sent_again()
    {
        var formation = await FormationCampaign.Create(this);
        var url = $"/wensen/{formation.Demand2d}/steun";
        var (token, cookie) = await FormToken(url);
        var version = VersionOn(await GetPage(url));

        // Someone else records support through the API in between.
        await Post($"/api/demands/{formation.Demand2d}/support", new { contactId = formation.VanZwol, stance = "supports", occurredOn = "2025-12-01" }, 204);
        var before = await CountEvents();

        var stale = await PostForm(url, token, cookie, null,
            ("Version", version), ("ContactId", formation.Kamerlid.ToString()), ("Stance", "Opposes"), ("OccurredOn", "2025-12-02"), ("Note", "Wat ik typte"));
        var html = await stale.ReadAsTextAsync();
        Assert.Equal(200, stale.Context.Response.StatusCode);
        Assert.Contains("Iemand anders wijzigde deze wens intussen", html);
        Assert.Contains("<strong>Steun</strong> door anna.officer", html);
        Assert.Contains(">Wat ik typte</textarea>", html);
        Assert.Equal(before, await CountEvents());

        var again = await PostForm(url, token, cookie, null,
            ("Version", VersionOn(html)), ("ContactId", formation.Kamerlid.ToString()), ("Stance", "Opposes"), ("OccurredOn", "2025-12-02"), ("Note", "Wat ik typte"));
        Assert.Equal(302, again.Context.Response.StatusCode);
        await using var session = Store.QuerySession();
        Assert.Equal(2, (await session.LoadAsync<Demand>(formation.Demand2d))!.Support.Count);
    }

    [Fact]
    public async Task a_refused_step_keeps_the_input_and_shows_the_domains_dutch_message_next_to_the_field()
    {
        var formation = await FormationCampaign.Create(this);
        var url = $"/wensen/{formation.Demand2d}/aangenomen";
        var (token, cookie) = await FormToken(url);
        var future = DateTime.UtcNow.AddDays(5).ToString("yyyy-MM-dd");
        var result = await PostForm(url, token, cookie, null, ("Version", "1"), ("Venue", ""), ("Reference", "36600-XIII-12"), ("OccurredOn", future));
        var html = await result.ReadAsTextAsync();
        Assert.Contains("<p class=\"field-error\" id=\"OccurredOn-error\">Mag niet meer dan een dag in de toekomst liggen.</p>", html);
        Assert.Contains("id=\"Venue-error\">", html);
        Assert.Contains("<a href=\"#OccurredOn\">Datum: Mag niet meer dan een dag in de toekomst liggen.</a>", html);
        Assert.Contains("value=\"36600-XIII-12\"", html);
        await using var session = Store.QuerySession();
        Assert.Empty((await session.LoadAsync<Demand>(formation.Demand2d))!.Adoptions);
    }

    [Fact]
    public async Task a_withdrawn_demand_offers_no_further_step_and_the_handler_refuses_one_sent_anyway()
    {
        var formation = await FormationCampaign.Create(this);
        var url = $"/wensen/{formation.Demand2d}/aangenomen";
        var (token, cookie) = await FormToken(url);
        await Post($"/api/demands/{formation.Demand2d}/withdrawal", new { occurredOn = "2025-12-01" }, 204);

        var page = await GetPage($"/wensen/{formation.Demand2d}");
        foreach (var step in new[] { "steun", "aangenomen", "afgewezen", "ingetrokken" })
            Assert.DoesNotContain($"href=\"/wensen/{formation.Demand2d}/{step}\"", page);
        Assert.Contains("Een ingetrokken wens kan niet worden overgenomen.", await GetPage(url));

        // A form opened before the withdrawal and sent after it: the handler refuses, nothing is stored.
        var before = await CountEvents();
        var result = await PostForm(url, token, cookie, null, ("Version", "2"), ("Venue", "Motion"), ("OccurredOn", "2025-12-02"));
        Assert.Contains("Een ingetrokken wens kan niet worden overgenomen.", await result.ReadAsTextAsync());
        Assert.Equal(before, await CountEvents());
    }

    /// <summary>The same steps through either door; the events they stored, with ids numbered in order of appearance.</summary>
    private async Task<List<(string Type, string Data)>> Arc(IDoor door)
    {
        await ResetStoreAsync(Host);
        var vanZwol = await Create("/api/contacts", new { name = "Van Zwol", kind = "informateur", organisation = "Tweede Kamer", effectiveOn = "2025-11-01" });
        var kamerlid = await Create("/api/contacts", new { name = "Henri Bontenbal", kind = "kamerlid", organisation = "CDA", effectiveOn = "2021-03-31" });
        var after = await LastSequence();

        await door.AddTheme("vakmensen", "Technische vakmensen");
        await door.AddTheme("industriebeleid", "Industriebeleid");
        await door.RenameTheme("industriebeleid", "Sectoraal industriebeleid");
        var campaign = await door.StartCampaign("Kabinetsformatie: Gemaakt in Nederland!", "Wensen in het coalitieakkoord", "2025-11-01", ["vakmensen", "industriebeleid"]);
        var demand2d = await door.Formulate(campaign, "vakmensen", "2d", "Verhoog de Subsidieregeling Praktijkleren", "Minimaal EUR 2.700 per student");
        var demand3a = await door.Formulate(campaign, "industriebeleid", "3a", "Versnel de aanpak van netcongestie voor het mkb", null);
        var demand2f = await door.Formulate(campaign, "vakmensen", "2f", "Haal kennismigranten naar Nederland", null);
        var meeting = await Create("/api/meetings", new
        {
            campaignId = campaign, contactIds = new[] { kamerlid }, themes = new[] { "industriebeleid" }, demandIds = new[] { demand3a },
            subject = "Gesprek over netcongestie", heldOn = "2025-11-20", location = "Den Haag"
        });
        await door.Step(demand3a, "steun", new Dictionary<string, string?> { ["contactId"] = kamerlid.ToString(), ["stance"] = "Supports", ["note"] = "Steunt het", ["occurredOn"] = "2025-12-01" });
        await door.Step(demand3a, "aangenomen", new Dictionary<string, string?>
        {
            ["venue"] = "CoalitionAgreement", ["reference"] = "Coalitieakkoord 2026", ["occurredOn"] = "2026-01-15", ["note"] = "Paragraaf energie",
            ["creditedInteractionIds"] = meeting.ToString(), ["creditedContactIds"] = kamerlid.ToString()
        });
        await door.Step(demand2d, "afgewezen", new Dictionary<string, string?> { ["occurredOn"] = "2026-01-20", ["note"] = "Niet in het akkoord" });
        await door.Step(demand2f, "ingetrokken", new Dictionary<string, string?> { ["occurredOn"] = "2026-01-21", ["note"] = null });
        await door.CloseCampaign(campaign, "2026-02-01", "Akkoord gesloten");
        _ = vanZwol;

        await using var session = Store.QuerySession();
        var events = await session.Events.QueryAllRawEvents().Where(e => e.Sequence > after).OrderBy(e => e.Sequence).ToListAsync();
        var ids = new Dictionary<string, string>();
        // Reminders fire in the background when a back-dated follow-up is due: not part of what a request stores.
        return events.Where(e => e.EventTypeName is not ("follow_up_due" or "follow_up_overdue" or "tombstone"))
            .Select(e => (e.EventTypeName, Normalise(JsonSerializer.SerializeToNode(e.Data, e.Data.GetType())!, ids).ToJsonString())).ToList();
    }

    private async Task<string> AccountArc(IDoor door)
    {
        await ResetStoreAsync(Host);
        await door.AddUser("eva.nieuw", Roles.Officer);
        await door.ChangeRole("eva.nieuw", Roles.Manager);
        var token = await door.IssueToken("eva.nieuw", "script");
        await door.RevokeToken("eva.nieuw", token);
        await door.Disable("eva.nieuw");
        await using var session = Store.QuerySession();
        var account = (await session.LoadAsync<UserAccount>("eva.nieuw"))!;
        var tokens = await session.Query<ApiToken>().Where(t => t.UserId == "eva.nieuw").OrderBy(t => t.CreatedAt).ToListAsync();
        // A disabled account's tokens stop working with it; they are not revoked one by one.
        return $"{account.Name} {account.Role} {(account.IsActive ? "active" : "disabled")}; tokens: " +
               string.Join(", ", tokens.Select(t => $"{t.Label} {(t.IsRevoked ? $"revoked by {t.RevokedBy}" : "active")}"));
    }

    private static JsonNode Normalise(JsonNode node, Dictionary<string, string> ids)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o.ToList()) if (value is not null) o[key] = Normalise(value.DeepClone(), ids);
                return o;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++) if (a[i] is { } item) a[i] = Normalise(item.DeepClone(), ids);
                return a;
            case JsonValue v when v.TryGetValue<string>(out var s) && Guid.TryParse(s, out _):
                if (!ids.TryGetValue(s, out var n)) ids[s] = n = $"id-{ids.Count + 1}";
                return JsonValue.Create(n);
            default:
                return node;
        }
    }

    private async Task<long> LastSequence()
    {
        await using var session = Store.QuerySession();
        return await session.Events.QueryAllRawEvents().Select(e => e.Sequence).OrderByDescending(s => s).FirstOrDefaultAsync();
    }

    private interface IDoor
    {
        Task AddTheme(string slug, string label);
        Task RenameTheme(string slug, string label);
        Task<Guid> StartCampaign(string name, string goal, string startsOn, string[] themes);
        Task<Guid> Formulate(Guid campaign, string theme, string code, string text, string? target);
        Task Step(Guid demand, string step, Dictionary<string, string?> fields);
        Task CloseCampaign(Guid campaign, string closedOn, string note);
        Task AddUser(string name, string role);
        Task ChangeRole(string name, string role);
        Task<Guid> IssueToken(string name, string label);
        Task RevokeToken(string name, Guid token);
        Task Disable(string name);
    }

    private sealed class Api(manager_pages_on_the_server test) : IDoor
    {
        public Task AddTheme(string slug, string label) => test.Create("/api/themes", new { slug, label });
        public Task RenameTheme(string slug, string label) => test.Post($"/api/themes/{slug}/label", new { label }, 204);
        public Task<Guid> StartCampaign(string name, string goal, string startsOn, string[] themes) =>
            test.Create("/api/campaigns", new { name, goal, startsOn, themes });
        public Task<Guid> Formulate(Guid campaign, string theme, string code, string text, string? target) =>
            test.Create($"/api/campaigns/{campaign}/demands", new { theme, code, text, target, source = "Brief aan de informateurs", formulatedOn = "2025-11-01" });

        public Task Step(Guid demand, string step, Dictionary<string, string?> fields)
        {
            var body = new JsonObject();
            foreach (var (key, value) in fields)
                body[key] = key.StartsWith("credited") ? new JsonArray(JsonValue.Create(value)) : key == "stance" ? value!.ToLowerInvariant() : value;
            var path = step switch { "steun" => "support", "aangenomen" => "adoption", "afgewezen" => "rejection", _ => "withdrawal" };
            return test.Scenario(x =>
            {
                x.Post.Text(body.ToJsonString()).ToUrl($"/api/demands/{demand}/{path}");
                x.WithRequestHeader("Content-Type", "application/json");
                x.StatusCodeShouldBe(204);
            });
        }

        public Task CloseCampaign(Guid campaign, string closedOn, string note) => test.Post($"/api/campaigns/{campaign}/closure", new { closedOn, note }, 204);
        public Task AddUser(string name, string role) => test.Post("/api/users", new { name, role }, 201);
        public Task ChangeRole(string name, string role) => test.Post($"/api/users/{name}/role", new { role }, 204);
        public async Task<Guid> IssueToken(string name, string label) =>
            JsonNode.Parse(await (await test.Post($"/api/users/{name}/tokens", new { label }, 201)).ReadAsTextAsync())!["id"]!.GetValue<Guid>();
        public Task RevokeToken(string name, Guid token) => test.Post($"/api/tokens/{token}/revocation", new { }, 204);
        public Task Disable(string name) => test.Post($"/api/users/{name}/disable", new { }, 204);
    }

    private sealed class Pages(manager_pages_on_the_server test) : IDoor
    {
        public Task AddTheme(string slug, string label) => Send("/themas", "/themas?handler=add", 302, ("Slug", slug), ("Label", label));

        public async Task RenameTheme(string slug, string label)
        {
            var html = await test.GetPage("/themas");
            var version = Regex.Match(html, $"name=\"RenameSlug\" value=\"{slug}\">\\s*<input type=\"hidden\" name=\"Version\" value=\"(\\d+)\"").Groups[1].Value;
            Assert.NotEmpty(version);
            await Send("/themas", "/themas?handler=rename", 302, ("RenameSlug", slug), ("NewLabel", label), ("Version", version));
        }

        public async Task<Guid> StartCampaign(string name, string goal, string startsOn, string[] themes) =>
            IdFrom(await Send("/campagnes/nieuw", "/campagnes/nieuw", 302,
                [("Name", name), ("Goal", goal), ("StartsOn", startsOn), ("EndsOn", ""), .. themes.Select(t => ("Themes", t))]));

        public async Task<Guid> Formulate(Guid campaign, string theme, string code, string text, string? target) =>
            IdFrom(await Send($"/campagnes/{campaign}/wensen/nieuw", $"/campagnes/{campaign}/wensen/nieuw", 302,
                ("Theme", theme), ("Code", code), ("Text", text), ("Target", target ?? ""), ("Source", "Brief aan de informateurs"), ("FormulatedOn", "2025-11-01")));

        public async Task Step(Guid demand, string step, Dictionary<string, string?> fields)
        {
            var url = $"/wensen/{demand}/{step}";
            var version = VersionOn(await test.GetPage(url));
            await Send(url, url, 302, [("Version", version), .. fields.Select(f => (char.ToUpperInvariant(f.Key[0]) + f.Key[1..], f.Value ?? ""))]);
        }

        public async Task CloseCampaign(Guid campaign, string closedOn, string note)
        {
            var url = $"/campagnes/{campaign}";
            var version = VersionOn(await test.GetPage(url));
            await Send(url, $"{url}?handler=close", 302, ("Version", version), ("ClosedOn", closedOn), ("Note", note));
        }

        public Task AddUser(string name, string role) => Send("/beheer/gebruikers", "/beheer/gebruikers?handler=add", 200, ("Name", name), ("Role", role));
        public Task ChangeRole(string name, string role) => Send("/beheer/gebruikers", "/beheer/gebruikers?handler=role", 302, ("Account", name), ("NewRole", role));

        public async Task<Guid> IssueToken(string name, string label)
        {
            await Send($"/beheer/gebruikers/{name}", $"/beheer/gebruikers/{name}?handler=issue", 200, ("Label", label));
            await using var session = test.Store.QuerySession();
            return (await session.Query<ApiToken>().Where(t => t.Label == label).SingleAsync()).Id;
        }

        public Task RevokeToken(string name, Guid token) =>
            Send($"/beheer/gebruikers/{name}", $"/beheer/gebruikers/{name}?handler=revoke", 302, ("TokenId", token.ToString()));

        public Task Disable(string name) => Send("/beheer/gebruikers", "/beheer/gebruikers?handler=disable", 302, ("Account", name));

        private async Task<IScenarioResult> Send(string formUrl, string postUrl, int status, params (string, string)[] fields)
        {
            var (token, cookie) = await test.FormToken(formUrl);
            var result = await test.PostForm(postUrl, token, cookie, null, fields);
            Assert.True(result.Context.Response.StatusCode == status,
                $"{postUrl}: {result.Context.Response.StatusCode}\n{await result.ReadAsTextAsync()}");
            return result;
        }

        private static Guid IdFrom(IScenarioResult result) => Guid.Parse(result.Context.Response.Headers.Location.ToString().Split('/')[^1]);
    }

    private static string VersionOn(string html) => Regex.Match(html, "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value;

    private async Task<string> GetPage(string url)
    {
        var result = await Scenario(x => { x.Get.Url(url); x.StatusCodeShouldBe(200); });
        return await result.ReadAsTextAsync();
    }

    /// <summary>The antiforgery token of the page's first form and the cookie it belongs to, for the default user or the given one.</summary>
    private async Task<(string Token, string Cookie)> FormToken(string url, string? authorization = null)
    {
        var result = await Scenario(x => { x.Get.Url(url); if (authorization is not null) x.WithRequestHeader("Authorization", authorization); });
        var html = await result.ReadAsTextAsync();
        var token = TokenPattern().Match(html).Groups[1].Value;
        var cookie = string.Join("; ", result.Context.Response.Headers.SetCookie.Select(c => c!.Split(';')[0]));
        return (token, cookie);
    }

    private Task<IScenarioResult> PostForm(string url, string token, string cookie, string? authorization, params (string Name, string Value)[] fields) =>
        Scenario(x =>
        {
            x.Post.Url(url);
            x.ConfigureHttpContext(context => context.WriteFormData(
                fields.Append(("__RequestVerificationToken", token)).Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2))));
            x.WithRequestHeader("Cookie", cookie);
            if (authorization is not null) x.WithRequestHeader("Authorization", authorization);
            x.IgnoreStatusCode();
        });

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
