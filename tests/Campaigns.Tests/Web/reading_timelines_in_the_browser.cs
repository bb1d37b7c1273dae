using Campaigns.Accounts;
using Campaigns.DemoData;
using Campaigns.FollowUps;
using Campaigns.Interactions;
using Marten;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Campaigns.Tests.Web;

/// <summary>
/// Reading the timelines in Chromium against the demo data: newest first or oldest first, what is still planned apart from
/// the history, the history in pages, and every contact moment one click from its own page.
/// </summary>
[Collection(BrowserCollection.Name)]
public class reading_timelines_in_the_browser(BrowserFixture browser)
{
    private const string Formation = "Kabinetsformatie: Gemaakt in Nederland!";
    private const string Summary =
        "Amhaouch wil weten hoeveel leden wachten op een netaansluiting en hoe lang al. Wij noemen de wachtrij in Noord-Brabant en " +
        "Gelderland, en de bedrijven die uitbreiding hebben uitgesteld. Hij vraagt om een lijst per provincie voor het debat.";

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam")).DateTime);
    private static string Suffix() => Guid.NewGuid().ToString()[..6];
    private static ILocator History(IPage page) => page.Locator("[data-timeline] ol.timeline > li");

    [BrowserFact]
    public async Task an_entry_links_to_its_contact_moment_and_shows_what_was_discussed()
    {
        var page = await browser.OpenAsync($"lees.{Suffix()}");
        var subject = $"Wachtrij netaansluitingen {Suffix()}";
        await LogMeetingAsync(page, subject);
        var id = await InteractionIdAsync(subject);

        await page.GotoAsync($"/contacten/{DemoDataSet.Amhaouch}");
        var entry = History(page).Filter(new() { HasText = subject });
        await Expect(entry).ToHaveCountAsync(1);
        // An excerpt: the start of the summary, cut short, not the whole text.
        await Expect(entry.Locator(".excerpt")).ToContainTextAsync("Amhaouch wil weten hoeveel leden wachten op een netaansluiting");
        await Expect(entry.Locator(".excerpt")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("…$"));
        await Expect(entry.Locator(".excerpt")).Not.ToContainTextAsync("lijst per provincie voor het debat");

        await entry.GetByRole(AriaRole.Link, new() { Name = $"Gesprek gevoerd: {subject}" }).ClickAsync();
        await page.WaitForURLAsync($"**/contactmomenten/{id}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(subject);
        await Expect(page.Locator(".interaction-facts")).ToContainTextAsync(Summary); // the full text is on the detail page
    }

    [BrowserFact]
    public async Task follow_ups_due_later_stand_apart_from_the_history()
    {
        var officer = $"gepland.{Suffix()}";
        var page = await browser.OpenAsync(officer);
        var subject = $"Bezoek aan de werkplaats {Suffix()}";
        await LogMeetingAsync(page, subject); // the thank-you letter is due three working days from today
        var thankYou = $"Bedankbrief en verslag sturen: {subject}";
        var followUp = await FollowUpAsync(thankYou);
        Assert.True(followUp.IsOpen && followUp.DueOn > Today, $"the thank-you is open and due later, not on {followUp.DueOn}");

        await page.GotoAsync($"/contacten/{DemoDataSet.Amhaouch}");
        var planned = page.Locator("section.planned");
        await Expect(planned.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToContainTextAsync("Gepland");
        var item = planned.Locator("li", new() { HasText = thankYou });
        await ReloadUntilVisibleAsync(page, item);
        await Expect(item).ToContainTextAsync(Dutch(followUp.DueOn));
        await Expect(item).ToContainTextAsync($"voor {officer}");
        await Expect(item.GetByRole(AriaRole.Link, new() { Name = thankYou })).ToHaveAttributeAsync("href", $"/follow-ups/{followUp.Id}");
        // Not mixed into the history: the meeting is there, its planned thank-you is not.
        await Expect(History(page).Filter(new() { HasText = subject })).ToHaveCountAsync(1);
        await Expect(History(page).Filter(new() { HasText = thankYou })).ToHaveCountAsync(0);
        // Everything in the block is open and due after today.
        foreach (var due in await planned.Locator("time").EvaluateAllAsync<string[]>("times => times.map(t => t.getAttribute('datetime'))"))
            Assert.True(DateOnly.Parse(due) > Today, $"{due} is not after today");

        // The campaign's dashboard has the same block above its latest entries.
        var manager = await browser.OpenAsync($"gepland.mgr.{Suffix()}", role: Roles.Manager);
        await manager.GotoAsync($"/campagnes/{DemoDataSet.FormatieCampaign}");
        await ReloadUntilVisibleAsync(manager, manager.Locator("section.planned li", new() { HasText = thankYou }));
        await Expect(manager.Locator("[data-timeline] ol.timeline > li", new() { HasText = thankYou })).ToHaveCountAsync(0);
        // Its latest entries load more in place too.
        var latest = manager.Locator("[data-timeline] ol.timeline > li");
        await Expect(latest).ToHaveCountAsync(global::Campaigns.Web.Pages.Manager.DashboardModel.Latest);
        await manager.GetByRole(AriaRole.Link, new() { Name = "Meer laden" }).ClickAsync();
        await Expect(latest).Not.ToHaveCountAsync(global::Campaigns.Web.Pages.Manager.DashboardModel.Latest);
        Assert.True(await latest.CountAsync() > global::Campaigns.Web.Pages.Manager.DashboardModel.Latest);
        Assert.DoesNotContain("na=", manager.Url);
    }

    [BrowserFact]
    public async Task newest_first_by_default_and_oldest_first_on_request()
    {
        var page = await browser.OpenAsync("mia.volgorde", role: Roles.Manager);
        await page.GotoAsync("/themas/netcongestie");
        var newest = await DatesAsync(page);
        Assert.True(newest.Count > 1);
        Assert.Equal(newest.OrderByDescending(d => d), newest);

        await page.GetByRole(AriaRole.Link, new() { Name = "Oudste eerst", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**volgorde=oudste**");
        await Expect(page.GetByLabel("Volgorde")).ToHaveValueAsync("oudste");
        var oldest = await DatesAsync(page);
        Assert.Equal(oldest.OrderBy(d => d), oldest);
        Assert.True(oldest[0] < newest[0], $"oldest first starts at {oldest[0]}, newest first at {newest[0]}");

        // And back, with the choice kept in the filters form.
        await page.GetByLabel("Volgorde").SelectOptionAsync("nieuwste");
        await page.GetByRole(AriaRole.Button, new() { Name = "Toon" }).ClickAsync();
        await page.WaitForURLAsync("**volgorde=nieuwste**");
        Assert.Equal(newest, await DatesAsync(page));

        await page.GotoAsync("/themas/netcongestie?volgorde=willekeurig");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Volgorde: kies nieuwste of oudste.");
    }

    [BrowserFact]
    public async Task a_long_timeline_loads_more_in_pages()
    {
        var page = await browser.OpenAsync("mia.meer", role: Roles.Manager);
        await page.GotoAsync("/themas/netcongestie");
        await Expect(History(page)).ToHaveCountAsync(global::Campaigns.Web.TimelinePageModel.PageSize);
        var first = await DatesAsync(page);
        var height = await page.EvaluateAsync<int>("document.documentElement.scrollHeight");
        Assert.True(height < 5000, $"the first page is {height} pixels high");

        var more = page.GetByRole(AriaRole.Link, new() { Name = "Meer laden" });
        var href = await more.GetAttributeAsync("href");
        Assert.Contains("na=", href);
        await more.ClickAsync();
        await Expect(History(page)).Not.ToHaveCountAsync(first.Count);
        var both = await DatesAsync(page);
        Assert.True(both.Count > first.Count);
        Assert.Equal(first, both.Take(first.Count));
        Assert.Equal(both.OrderByDescending(d => d), both); // the next page continues where the first stopped
        Assert.DoesNotContain("na=", page.Url); // added in place, not a new page
        Assert.Equal(both.Count, (await EntryIdsAsync(page)).Distinct().Count()); // no entry twice

        // Without script the link is an ordinary next page.
        await page.GotoAsync(href!);
        var next = await DatesAsync(page);
        Assert.Equal(both.Skip(first.Count).Take(next.Count), next);
        await Expect(page.Locator("section.planned")).ToHaveCountAsync(0); // the planned block is on the first page only
    }

    private static async Task<List<DateOnly>> DatesAsync(IPage page) =>
        (await page.Locator("[data-timeline] ol.timeline > li > .meta:first-child time").EvaluateAllAsync<string[]>("times => times.map(t => t.getAttribute('datetime'))"))
        .Select(DateOnly.Parse).ToList();

    private static Task<string[]> EntryIdsAsync(IPage page) =>
        History(page).EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.entry)");

    /// <summary>Reloads until the locator finds something: the timelines follow the log a moment after the command.</summary>
    private static async Task ReloadUntilVisibleAsync(IPage page, ILocator locator)
    {
        for (var attempt = 0; attempt < 40 && await locator.CountAsync() == 0; attempt++)
        {
            await page.WaitForTimeoutAsync(250);
            await page.ReloadAsync();
        }
        await Expect(locator.First).ToBeVisibleAsync();
    }

    private static string Dutch(DateOnly day) => global::Campaigns.Web.Dutch.Date(day);

    private async Task<Guid> InteractionIdAsync(string subject)
    {
        await using var session = browser.Store.QuerySession();
        return (await session.Query<Interaction>().SingleAsync(i => i.Subject == subject)).Id;
    }

    /// <summary>The follow-up a policy scheduled, once it is there (policies run after the command).</summary>
    private async Task<FollowUp> FollowUpAsync(string description)
    {
        for (var attempt = 0; attempt < 40; attempt++)
        {
            await using var session = browser.Store.QuerySession();
            if (await session.Query<FollowUp>().SingleOrDefaultAsync(f => f.Description == description) is { } found) return found;
            await Task.Delay(250);
        }
        throw new Xunit.Sdk.XunitException($"No follow-up '{description}'");
    }

    /// <summary>Logs a meeting with Mustafa Amhaouch about netcongestie today, with a summary longer than an excerpt.</summary>
    private static async Task LogMeetingAsync(IPage page, string subject)
    {
        await page.GotoAsync("/contactmoment");
        await page.GetByLabel("Gesprek", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Campagne").SelectOptionAsync(new SelectOptionValue { Label = Formation });
        await page.GetByLabel("Onderwerp").FillAsync(subject);
        await page.GetByLabel("Samenvatting").FillAsync(Summary);
        await page.GetByLabel("Zoek contactpersoon").FillAsync("Amhaouch");
        await page.GetByLabel("Zoek contactpersoon").PressAsync("Enter");
        await page.GetByLabel("Zoek thema").FillAsync("netcongestie");
        await page.GetByLabel("Zoek thema").PressAsync("Enter");
        await Expect(page.Locator(".chip", new() { HasText = "Mustafa Amhaouch" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Vastleggen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Gesprek vastgelegd: {subject}");
    }
}
