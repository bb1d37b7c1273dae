using Campaigns.Accounts;
using Campaigns.DemoData;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Campaigns.Tests.Web;

/// <summary>
/// The pages as a person uses them: Debian's Chromium, driven by Playwright, against the app on a real port with the demo data.
/// The officer signs in through the login page, as a new team member does.
/// </summary>
[Collection(BrowserCollection.Name)]
public class officers_and_managers_in_the_browser(BrowserFixture browser)
{
    private const string Officer = "anna.deofficier";
    private const string Formation = "Kabinetsformatie: Gemaakt in Nederland!";
    private const string NetcongestieLabel = "Duurzaam ondernemen: netcongestie en energie-infrastructuur";

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Amsterdam).DateTime);
    private static TimeZoneInfo Amsterdam => TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    [BrowserFact]
    public async Task an_officer_logs_a_meeting_and_finds_it_on_the_contact_and_the_theme_timeline()
    {
        var page = await browser.OpenAsync(Officer);
        var subject = $"Kennismaking over netbeheer {Guid.NewGuid().ToString()[..6]}";

        await LogMeetingAsync(page, subject);

        await page.GetByRole(AriaRole.Link, new() { Name = "Tijdlijn van Mustafa Amhaouch" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mustafa Amhaouch");
        var onContact = page.Locator(".timeline li.interaction", new() { HasText = subject });
        await Expect(onContact).ToContainTextAsync($"Gesprek gevoerd: {subject}");
        await Expect(onContact).ToContainTextAsync($"Vastgelegd door {Officer}");

        await page.GoBackAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = $"Tijdlijn van thema {NetcongestieLabel}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(NetcongestieLabel);
        // The demo's theme timelines run over several pages, oldest first: today's entries are found with the date filter.
        await page.GotoAsync($"{page.Url}?van={Today:yyyy-MM-dd}");
        await Expect(page.Locator(".timeline li.interaction", new() { HasText = subject })).ToContainTextAsync("Mustafa Amhaouch");
    }

    [BrowserFact]
    public async Task the_as_of_picker_shows_the_timeline_as_it_was_recorded_then()
    {
        var page = await browser.OpenAsync(Officer);
        var subject = $"Telefoontje vooraf {Guid.NewGuid().ToString()[..6]}";
        await LogMeetingAsync(page, subject);
        await page.GetByRole(AriaRole.Link, new() { Name = "Tijdlijn van Mustafa Amhaouch" }).ClickAsync();
        await Expect(page.Locator(".timeline")).ToContainTextAsync(subject);

        // Yesterday nothing of this had been recorded: the demo data and the meeting were both recorded today.
        await page.GetByLabel("Stand op").FillAsync(Today.AddDays(-1).ToString("yyyy-MM-dd"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Toon" }).ClickAsync();
        await Expect(page.Locator(".asof-banner")).ToContainTextAsync("Stand op");
        await Expect(page.GetByText("Geen gebeurtenissen voor deze filters.")).ToBeVisibleAsync();
        await Expect(page.GetByText(subject)).ToHaveCountAsync(0);
        Assert.Contains("stand=", page.Url);

        await page.GetByLabel("Stand op").FillAsync(Today.ToString("yyyy-MM-dd"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Toon" }).ClickAsync();
        await Expect(page.Locator(".timeline li.interaction", new() { HasText = subject })).ToHaveCountAsync(1);
    }

    [BrowserFact]
    public async Task an_invalid_form_shows_the_dutch_errors_next_to_the_fields_and_keeps_what_was_typed()
    {
        var page = await browser.OpenAsync(Officer);
        await page.GotoAsync("/contactmoment");
        await page.GetByLabel("Telefoongesprek", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Onderwerp").FillAsync("Terugbellen over de SPL");
        await page.GetByLabel("Samenvatting").FillAsync("Wat ik typte blijft staan.");
        await page.GetByLabel("Uitkomst").FillAsync("Belt volgende week terug");
        await page.GetByLabel("Datum").FillAsync(Today.AddDays(5).ToString("yyyy-MM-dd"));
        await page.GetByLabel("Zoek thema").FillAsync("vakmensen");
        await page.GetByLabel("Zoek thema").PressAsync("Enter");
        await page.GetByRole(AriaRole.Button, new() { Name = "Vastleggen" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Niet opgeslagen");
        await Expect(page.Locator("#CampaignId-error")).ToHaveTextAsync("Verplicht veld.");
        await Expect(page.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link, new() { Name = "Campagne: Verplicht veld." })).ToHaveAttributeAsync("href", "#CampaignId");
        await Expect(page.Locator("#ContactIds-error")).ToHaveTextAsync("Kies er minstens één.");
        await Expect(page.Locator("#HappenedOn-error")).ToHaveTextAsync("Mag niet meer dan een dag in de toekomst liggen.");
        await Expect(page.GetByLabel("Campagne")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByLabel("Datum")).ToHaveAttributeAsync("aria-describedby", "HappenedOn-error");

        await Expect(page.GetByLabel("Telefoongesprek", new() { Exact = true })).ToBeCheckedAsync();
        await Expect(page.GetByLabel("Onderwerp")).ToHaveValueAsync("Terugbellen over de SPL");
        await Expect(page.GetByLabel("Samenvatting")).ToHaveValueAsync("Wat ik typte blijft staan.");
        await Expect(page.GetByLabel("Uitkomst")).ToHaveValueAsync("Belt volgende week terug");
        await Expect(page.GetByLabel("Datum")).ToHaveValueAsync(Today.AddDays(5).ToString("yyyy-MM-dd"));
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Technische vakmensen" })).ToBeCheckedAsync();
        await Screenshots.SaveAsync(page, "log-form-errors");
    }

    [BrowserFact]
    public async Task an_officer_completes_a_follow_up_in_one_click()
    {
        var officer = $"fu.{Guid.NewGuid().ToString()[..6]}";
        var page = await browser.OpenAsync(officer);
        var subject = $"Werkbezoek fabriek {Guid.NewGuid().ToString()[..6]}";
        await LogMeetingAsync(page, subject); // the policy schedules a thank-you letter for whoever logged it

        await page.GotoAsync("/follow-ups");
        var item = page.Locator(".follow-ups li", new() { HasText = subject });
        await Expect(item).ToContainTextAsync($"Bedankbrief en verslag sturen: {subject}");
        await Screenshots.SaveAsync(page, "follow-ups");

        await item.GetByRole(AriaRole.Button, new() { Name = $"Afronden: Bedankbrief en verslag sturen: {subject}" }).ClickAsync();

        await Expect(page.GetByText($"Afgerond: Bedankbrief en verslag sturen: {subject}")).ToBeVisibleAsync();
        await Expect(page.Locator(".follow-ups li", new() { HasText = subject })).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task screenshots_of_the_dashboard_the_timelines_and_the_log_form_with_demo_data()
    {
        // The dashboard and the coverage are manager pages.
        var page = await browser.OpenAsync("mia.manager", role: Roles.Manager);
        var problems = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") problems.Add($"{page.Url}: {message.Text} {message.Location}"); };
        page.RequestFailed += (_, request) => problems.Add($"{page.Url}: failed {request.Url}");
        page.Response += (_, response) => { if (response.Status >= 400) problems.Add($"{page.Url}: {response.Status} {response.Url}"); };
        page.PageError += (_, error) => problems.Add(error);

        await page.GotoAsync($"/campagnes/{DemoDataSet.FormatieCampaign}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Formation);
        await Expect(page.Locator("svg[role=img]")).ToHaveCountAsync(2);
        await Screenshots.SaveAsync(page, "dashboard", height: 1500);

        await page.GotoAsync("/themas/netcongestie");
        await Expect(page.Locator(".timeline li").First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "theme-timeline", height: 1600);

        await page.GotoAsync($"/contacten/{DemoDataSet.Amhaouch}");
        await Screenshots.SaveAsync(page, "contact-timeline", height: 1400);

        await page.GotoAsync($"/wensen/{DemoDataSet.F("2d")}");
        await Screenshots.SaveAsync(page, "demand", height: 1600);

        await page.GotoAsync("/dekking");
        await Screenshots.SaveAsync(page, "coverage");

        await page.GotoAsync($"/contactmoment?campaignId={DemoDataSet.FormatieCampaign}");
        await page.GetByLabel("Onderwerp").FillAsync("Gesprek over praktijkleren en de SPL");
        await page.GetByLabel("Zoek contactpersoon").FillAsync("amhaouch");
        await page.GetByLabel("Zoek contactpersoon").PressAsync("Enter");
        await page.GetByLabel("Zoek thema").FillAsync("vakm");
        await page.GetByLabel("Zoek thema").PressAsync("Enter");
        await page.GetByLabel("Zoek wens").FillAsync("2d");
        await Screenshots.SaveAsync(page, "log-form");

        var phone = await browser.OpenAsync("mia.telefoon", width: 390, height: 844, role: Roles.Manager);
        await phone.GotoAsync("/contactmoment");
        await Screenshots.SaveAsync(phone, "log-form-phone");

        Assert.True(problems.Count == 0, string.Join("\n", problems)); // a CSP violation (an inline script or style) would show here
    }

    private static async Task LogMeetingAsync(IPage page, string subject)
    {
        await page.GotoAsync("/contactmoment");
        await page.GetByLabel("Gesprek", new() { Exact = true }).CheckAsync();
        await Expect(page.GetByLabel("Datum")).ToHaveValueAsync(Today.ToString("yyyy-MM-dd"));
        await page.GetByLabel("Campagne").SelectOptionAsync(new SelectOptionValue { Label = Formation });
        await page.GetByLabel("Onderwerp").FillAsync(subject);
        await page.GetByLabel("Zoek contactpersoon").FillAsync("Amhaouch");
        await page.GetByLabel("Zoek contactpersoon").PressAsync("Enter");
        await page.GetByLabel("Zoek thema").FillAsync("netcongestie");
        await page.GetByLabel("Zoek thema").PressAsync("Enter");
        await Expect(page.Locator(".chip", new() { HasText = "Mustafa Amhaouch" })).ToBeVisibleAsync();
        await page.GetByLabel("Locatie").FillAsync("Tweede Kamer, Den Haag");
        await page.GetByRole(AriaRole.Button, new() { Name = "Vastleggen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Gesprek vastgelegd: {subject}");
    }
}
