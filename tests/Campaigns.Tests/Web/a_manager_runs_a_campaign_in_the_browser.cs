using System.Text.RegularExpressions;
using Campaigns.Accounts;
using Campaigns.DemoData;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Campaigns.Tests.Web;

/// <summary>
/// A manager's whole arc on the screens, in Chromium, with the seeds' formation letter: start a campaign with its themes,
/// formulate demands 2d and 3a (and 2f), record a Kamerlid's support, record the adoption of 3a in the coalition
/// agreement crediting two contact moments, reject 2d, withdraw 2f and close the campaign, checking each step on the
/// demand page, the dashboard and the timelines.
/// </summary>
[Collection(BrowserCollection.Name)]
public class a_manager_runs_a_campaign_in_the_browser(BrowserFixture browser)
{
    private const string Manager = "marieke.manager";
    private const string NetcongestieLabel = "Duurzaam ondernemen: netcongestie en energie-infrastructuur";

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam")).DateTime);

    [BrowserFact]
    public async Task from_the_start_of_a_campaign_to_its_close()
    {
        var page = await browser.OpenAsync(Manager, role: Roles.Manager);
        // The first command of a kind compiles its Wolverine handler, which takes a while on a busy two-core machine.
        page.SetDefaultTimeout(60_000);
        var problems = WatchForProblems(page);
        var name = $"Formatie 2026: Gemaakt in Nederland! {Guid.NewGuid().ToString()[..4]}";

        // Start the campaign with two themes.
        await page.GotoAsync("/campagnes");
        await page.GetByRole(AriaRole.Link, new() { Name = "Campagne starten" }).First.ClickAsync();
        await page.GetByLabel("Naam").FillAsync(name);
        await page.GetByLabel("Doel").FillAsync("Wensen van de MKB-maakindustrie in het coalitieakkoord");
        await page.GetByLabel("Begint op").FillAsync(Today.AddDays(-30).ToString("yyyy-MM-dd"));
        await PickAsync(page, "Zoek thema", "vakm");
        await PickAsync(page, "Zoek thema", "netcongestie");
        await Screenshots.SaveAsync(page, "campaign-new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Campagne starten" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Campagne gestart: {name}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(name);
        var campaignUrl = new Uri(page.Url).AbsolutePath;

        // Formulate 2d, 3a and 2f from the letter to the informateurs.
        var demand2d = await FormulateAsync(page, campaignUrl, "vakmensen", "2d", "Verhoog de Subsidieregeling Praktijkleren",
            "Subsidie Praktijkleren minimaal EUR 2.700 per student");
        var demand3a = await FormulateAsync(page, campaignUrl, "netcongestie", "3a", "Los netcongestie met spoed op: fors extra investeren in kabels en trafo's",
            "Wetgeving voor congestiemanagement en flextenders aangepast");
        var demand2f = await FormulateAsync(page, campaignUrl, "vakmensen", "2f", "Ontwikkel gericht beleid om kennismigranten naar Nederland te halen", null);
        await page.GotoAsync(campaignUrl);
        var demandsTable = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Wensen", Exact = true }) });
        await Expect(demandsTable).ToContainTextAsync("Verhoog de Subsidieregeling Praktijkleren");
        await Expect(demandsTable.Locator("tr", new() { HasText = "2f" })).ToContainTextAsync("Geformuleerd");

        // Two contact moments about 3a, logged from the demand page.
        var first = $"Gesprek over netcongestie {Guid.NewGuid().ToString()[..4]}";
        var second = $"Rondetafel netcongestie {Guid.NewGuid().ToString()[..4]}";
        await LogAboutAsync(page, demand3a, "Gesprek", first, "Amhaouch");
        await LogAboutAsync(page, demand3a, "Gesprek", second, "Van Zwol");

        // A Kamerlid's support.
        await page.GotoAsync($"/wensen/{demand3a}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Steun vastleggen" }).ClickAsync();
        await page.GetByLabel("Contactpersoon").SelectOptionAsync(new SelectOptionValue { Value = DemoDataSet.Amhaouch.ToString() });
        await page.GetByLabel("steunt").CheckAsync();
        await page.GetByLabel("Toelichting").FillAsync("Noemt netcongestie in zijn notitie over industriebeleid.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Steun vastleggen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Steun vastgelegd: Mustafa Amhaouch steunt wens 3a");
        await Expect(page.Locator("table.data", new() { HasText = "Standpunt" })).ToContainTextAsync("Mustafa Amhaouch");

        // The adoption in the coalition agreement: a date in the future is refused next to the field, with the input kept.
        await page.GetByRole(AriaRole.Link, new() { Name = "Aangenomen" }).ClickAsync();
        await page.GetByLabel("Waar aangenomen").SelectOptionAsync(new SelectOptionValue { Value = "CoalitionAgreement" });
        await page.GetByLabel("Kenmerk").FillAsync("Coalitieakkoord 2026, hoofdstuk Energie");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = first }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = second }).CheckAsync();
        await page.Locator("#CreditedContactIds").GetByRole(AriaRole.Checkbox, new() { Name = "Mustafa Amhaouch" }).CheckAsync();
        await page.GetByLabel("Datum").FillAsync(Today.AddDays(5).ToString("yyyy-MM-dd"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanname vastleggen" }).ClickAsync();
        await Expect(page.Locator("#OccurredOn-error")).ToHaveTextAsync("Mag niet meer dan een dag in de toekomst liggen.");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Datum: Mag niet meer dan een dag in de toekomst liggen.");
        await Expect(page.GetByLabel("Kenmerk")).ToHaveValueAsync("Coalitieakkoord 2026, hoofdstuk Energie");
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = first })).ToBeCheckedAsync();
        await Screenshots.SaveAsync(page, "demand-adoption-refused");
        await page.GetByLabel("Datum").FillAsync(Today.ToString("yyyy-MM-dd"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanname vastleggen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Aangenomen: wens 3a in coalitieakkoord");
        var adoption = page.Locator(".adoption");
        await Expect(adoption).ToContainTextAsync("Overgenomen in coalitieakkoord (Coalitieakkoord 2026, hoofdstuk Energie)");
        await Expect(adoption.GetByRole(AriaRole.Link, new() { Name = "Mustafa Amhaouch" })).ToHaveAttributeAsync("href", $"/contacten/{DemoDataSet.Amhaouch}");
        await Expect(page.Locator("table", new() { HasText = "Toegeschreven contactmomenten" }).Locator("tbody tr")).ToHaveCountAsync(2);
        // Fully adopted: no step is left but support.
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Aangenomen", Exact = true })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Afgewezen", Exact = true })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Ingetrokken", Exact = true })).ToHaveCountAsync(0);
        await ExpectOnTimelineAsync(page, ".timeline li.adopted", "coalitieakkoord");
        await Screenshots.SaveAsync(page, "demand-adopted", height: 1400);

        // Reject 2d, withdraw 2f.
        await CloseDemandAsync(page, demand2d, "Afgewezen", "Afwijzing vastleggen", "Niet in het akkoord; de SPL blijft gelijk.");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Afgewezen: wens 2d");
        await Expect(page.Locator(".facts")).ToContainTextAsync("Afgewezen op");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Afgewezen", Exact = true })).ToHaveCountAsync(0);
        await CloseDemandAsync(page, demand2f, "Ingetrokken", "Wens intrekken", "Past niet meer bij de koers van de vereniging.");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Ingetrokken: wens 2f");
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Volgende stappen" }).GetByRole(AriaRole.Link)).ToHaveCountAsync(1); // only logging a contact moment
        await ExpectOnTimelineAsync(page, ".timeline li", "ingetrokken");

        // The dashboard: the scoreboard, the adoption with its credits, the latest entries.
        await page.GotoAsync(campaignUrl);
        var total = page.Locator("table.scoreboard tfoot tr");
        await Expect(total).ToContainTextAsync("Totaal");
        Assert.Equal(["Totaal", "0", "0", "0", "1", "1", "1", "3", "33%"],
            (await total.Locator("th, td").AllInnerTextsAsync()).Select(t => t.Trim()).ToArray());
        var adopted = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Overgenomen wensen" }) });
        await Expect(adopted).ToContainTextAsync("overgenomen in coalitieakkoord (Coalitieakkoord 2026, hoofdstuk Energie)");
        await Expect(adopted.GetByRole(AriaRole.Link, new() { Name = "Mustafa Amhaouch" })).ToBeVisibleAsync();
        await Expect(adopted.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(Regex.Escape(first)) })).ToHaveAttributeAsync("href", new Regex($"/wensen/{demand3a}#contactmoment-"));
        await ExpectOnTimelineAsync(page, "section[aria-labelledby=latest-title] .timeline li", "afgewezen");
        await Screenshots.SaveAsync(page, "dashboard-manager", height: 1800);

        // Close the campaign.
        await page.Locator("#Note").FillAsync("Coalitieakkoord gesloten; wens 3a staat erin.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Campagne sluiten" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Campagne gesloten: {name}");
        await Expect(page.Locator(".lead + .muted")).ToContainTextAsync($"gesloten op {Dutch(Today)}");
        await ExpectOnTimelineAsync(page, ".timeline li", "Campagne gesloten");
        await page.GotoAsync("/campagnes");
        await Expect(page.Locator("tr", new() { HasText = name })).ToContainTextAsync("gesloten op");

        // The Kamerlid's timeline has the support, the theme's timeline the adoption, both in this campaign.
        await page.GotoAsync($"/contacten/{DemoDataSet.Amhaouch}?campagne={campaignUrl.Split('/')[^1]}");
        await ExpectOnTimelineAsync(page, ".timeline li", "Steunt de wens: Noemt netcongestie in zijn notitie");
        await page.GotoAsync($"/themas/netcongestie?campagne={campaignUrl.Split('/')[^1]}");
        await ExpectOnTimelineAsync(page, ".timeline li.adopted", "Coalitieakkoord 2026, hoofdstuk Energie");
        await Screenshots.SaveAsync(page, "campaigns");

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [BrowserFact]
    public async Task screenshots_of_the_themes_the_accounts_the_team_follow_ups_and_the_export()
    {
        var admin = await browser.OpenAsync("beheer.admin", role: Roles.Admin);
        // The first command of a kind compiles its Wolverine handler, which takes a while on a busy two-core machine.
        admin.SetDefaultTimeout(60_000);
        var problems = WatchForProblems(admin);
        await admin.GotoAsync("/themas");
        await Expect(admin.GetByRole(AriaRole.Link, new() { Name = NetcongestieLabel })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(admin, "themes", height: 1200);

        var newUser = $"nieuw.{Guid.NewGuid().ToString()[..4]}";
        await admin.GotoAsync("/beheer/gebruikers");
        await admin.GetByLabel("Gebruikersnaam").FillAsync(newUser);
        await admin.GetByLabel("Rol", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Value = Roles.Manager });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Gebruiker toevoegen" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync($"Gebruiker {newUser} aangemaakt (manager)");
        await Expect(admin.Locator("#one-time-password")).ToHaveTextAsync(new Regex("^[A-Za-z0-9_-]{20,}$"));
        await Screenshots.SaveAsync(admin, "users");
        await admin.GotoAsync($"/beheer/gebruikers/{newUser}");
        await admin.GetByLabel("Omschrijving").FillAsync("rapportage-script");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Token aanmaken" }).ClickAsync();
        await Expect(admin.Locator("#api-token")).ToHaveTextAsync(new Regex("^cmp_"));
        await admin.Locator("tr", new() { HasText = "rapportage-script" }).GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Intrekken") }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Token ingetrokken: rapportage-script");
        await Screenshots.SaveAsync(admin, "user-tokens");

        await admin.GotoAsync("/follow-ups/team");
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Follow-ups van het team");
        await Screenshots.SaveAsync(admin, "team-follow-ups", height: 1400);
        await admin.GotoAsync("/beheer/export");
        await Expect(admin.GetByRole(AriaRole.Note)).ToContainTextAsync("persoonsgegevens");
        await Screenshots.SaveAsync(admin, "export");
        await admin.GotoAsync("/audit?volgorde=oudste");
        await Expect(admin.Locator("table.data")).ToContainTextAsync("Thema toegevoegd");
        await Screenshots.SaveAsync(admin, "audit", height: 1000);

        var officer = await browser.OpenAsync("olaf.officer");
        await officer.GotoAsync($"/campagnes/{DemoDataSet.FormatieCampaign}");
        await Expect(officer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Geen toegang");
        await Screenshots.SaveAsync(officer, "no-access");
        await officer.GotoAsync("/");
        var menu = officer.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" });
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Campagnes" })).ToBeVisibleAsync();
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Gebruikers" })).ToHaveCountAsync(0);
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Audit" })).ToHaveCountAsync(0);
        await Expect(officer.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" })).ToBeVisibleAsync();

        var phone = await browser.OpenAsync(Manager, width: 390, height: 844, role: Roles.Manager);
        await phone.GotoAsync($"/wensen/{DemoDataSet.F("2b")}/steun");
        await Expect(phone.GetByLabel("Contactpersoon")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(phone, "demand-support-phone");

        await admin.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" }).ClickAsync();
        await admin.WaitForURLAsync(url => url.Contains("/login"));
        await Screenshots.SaveAsync(admin, "login");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static List<string> WatchForProblems(IPage page)
    {
        var problems = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") problems.Add($"{page.Url}: {message.Text} ({message.Location})"); };
        page.PageError += (_, error) => problems.Add(error);
        page.Response += (_, response) => { if (response.Status >= 500) problems.Add($"{page.Url}: {response.Status} {response.Url}"); };
        return problems;
    }

    private static async Task PickAsync(IPage page, string search, string text)
    {
        await page.GetByLabel(search).FillAsync(text);
        await page.GetByLabel(search).PressAsync("Enter");
    }

    private static async Task<Guid> FormulateAsync(IPage page, string campaignUrl, string theme, string code, string text, string? target)
    {
        await page.GotoAsync(campaignUrl);
        await page.GetByRole(AriaRole.Link, new() { Name = "Wens toevoegen" }).First.ClickAsync();
        await page.GetByLabel("Thema").SelectOptionAsync(new SelectOptionValue { Value = theme });
        await page.GetByLabel("Code").FillAsync(code);
        await page.GetByLabel("Wens", new() { Exact = true }).FillAsync(text);
        if (target is not null) await page.GetByLabel("Meetbaar doel").FillAsync(target);
        await page.GetByLabel("Brondocument").FillAsync("Brief aan de informateurs");
        if (code == "3a") await Screenshots.SaveAsync(page, "demand-new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Wens toevoegen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Wens {code} toegevoegd");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Wens {code}");
        return Guid.Parse(new Uri(page.Url).AbsolutePath.Split('/')[^1]);
    }

    private static async Task LogAboutAsync(IPage page, Guid demand, string kind, string subject, string contact)
    {
        await page.GotoAsync($"/wensen/{demand}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Contactmoment over deze wens vastleggen" }).ClickAsync();
        await page.GetByLabel(kind, new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Datum").FillAsync(Today.AddDays(-3).ToString("yyyy-MM-dd"));
        await page.GetByLabel("Onderwerp").FillAsync(subject);
        await PickAsync(page, "Zoek contactpersoon", contact);
        await PickAsync(page, "Zoek thema", "netcongestie");
        await page.GetByRole(AriaRole.Button, new() { Name = "Vastleggen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(subject);
    }

    private static async Task CloseDemandAsync(IPage page, Guid demand, string step, string button, string note)
    {
        await page.GotoAsync($"/wensen/{demand}");
        await page.GetByRole(AriaRole.Link, new() { Name = step, Exact = true }).ClickAsync();
        await page.GetByLabel("Toelichting").FillAsync(note);
        await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
    }

    /// <summary>Timelines are projected in the background: reload until the entry is there.</summary>
    private static async Task ExpectOnTimelineAsync(IPage page, string selector, string text)
    {
        for (var attempt = 0; attempt < 40; attempt++)
        {
            if (await page.Locator(selector, new() { HasText = text }).CountAsync() > 0) return;
            await page.WaitForTimeoutAsync(250);
            await page.ReloadAsync();
        }
        await Expect(page.Locator(selector, new() { HasText = text }).First).ToBeVisibleAsync();
    }

    private static string Dutch(DateOnly date) => global::Campaigns.Web.Dutch.Date(date);
}
