using Campaigns.DemoData;
using Campaigns.Tests.Web;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Campaigns.Tests.Search;

/// <summary>The search box in every page's header, in Chromium against the demo data.</summary>
[Collection(BrowserCollection.Name)]
public class searching_in_the_browser(BrowserFixture browser)
{
    [BrowserFact]
    public async Task an_officer_finds_a_meeting_by_words_of_its_summary_from_the_header()
    {
        var word = "proef" + string.Concat(Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(5));
        var page = await browser.OpenAsync($"zoek.{word}");
        await page.GotoAsync("/contactmoment");
        await page.GetByLabel("Gesprek", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Campagne").SelectOptionAsync(new SelectOptionValue { Label = "Kabinetsformatie: Gemaakt in Nederland!" });
        await page.GetByLabel("Onderwerp").FillAsync($"Restwarmte voor bedrijventerreinen ({word})");
        await page.GetByLabel("Samenvatting").FillAsync("Amhaouch vraagt naar de subsidies voor warmtenetten op bedrijventerreinen.");
        await page.GetByLabel("Zoek contactpersoon").FillAsync("Amhaouch");
        await page.GetByLabel("Zoek contactpersoon").PressAsync("Enter");
        await page.GetByLabel("Zoek thema").FillAsync("netcongestie");
        await page.GetByLabel("Zoek thema").PressAsync("Enter");
        await page.GetByRole(AriaRole.Button, new() { Name = "Vastleggen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Gesprek vastgelegd");

        // From another page: the header's box, words in another form than they were written ("subsidie", "warmtenet").
        await page.GotoAsync($"/contacten/{DemoDataSet.Amhaouch}");
        var box = page.GetByRole(AriaRole.Search, new() { Name = "Zoeken in alles" }).GetByRole(AriaRole.Searchbox);
        await box.FillAsync($"subsidie warmtenet {word}");
        await box.PressAsync("Enter");
        await page.WaitForURLAsync("**/zoeken?q=*");

        var moments = page.Locator("section.search-group", new() { HasText = "Contactmoment" });
        var hit = moments.GetByRole(AriaRole.Link, new() { Name = $"Restwarmte voor bedrijventerreinen ({word})" });
        for (var i = 0; i < 20 && await hit.CountAsync() == 0; i++) { await Task.Delay(250); await page.ReloadAsync(); }
        await Expect(hit).ToBeVisibleAsync();
        await Expect(moments.Locator("mark", new() { HasText = "subsidies" })).ToBeVisibleAsync();
        await Expect(moments.Locator("mark", new() { HasText = "warmtenetten" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "search");

        await hit.ClickAsync();
        await page.WaitForURLAsync("**/contactmomenten/*");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(word);
    }
}
