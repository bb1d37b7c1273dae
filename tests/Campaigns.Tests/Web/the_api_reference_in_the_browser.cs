using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Campaigns.Tests.Web;

/// <summary>The Scalar reference at /scalar/v1, as a developer opens it: anonymous, offering the bearer scheme for "try it".</summary>
[Collection(BrowserCollection.Name)]
public class the_api_reference_in_the_browser(BrowserFixture browser)
{
    [BrowserFact]
    public async Task the_scalar_reference_offers_the_bearer_scheme()
    {
        var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        var wait = new LocatorAssertionsToBeVisibleOptions { Timeout = 60_000 };
        try
        {
            await page.GotoAsync(browser.BaseUrl + "/scalar/v1");
            // The reference renders from /openapi/v1.json (operations further down render as they scroll into view).
            await Expect(page.GetByText("Campaigns API").First).ToBeVisibleAsync(wait);
            await Expect(page.GetByText("Register a webhook receiver").First).ToBeVisibleAsync(wait);
            // The authentication block names the declared scheme and takes a pasted token.
            await Expect(page.GetByText(new Regex("Selected Auth Type: bearer", RegexOptions.IgnoreCase)).First).ToBeVisibleAsync(wait);
            await Expect(page.GetByText("Bearer Token").First).ToBeVisibleAsync(wait);
            var token = page.GetByPlaceholder(new Regex("token", RegexOptions.IgnoreCase)).First;
            await Expect(token).ToBeVisibleAsync(wait);
            await token.FillAsync("cmp_pasted-token");
            await Expect(token).ToHaveValueAsync("cmp_pasted-token");
        }
        catch
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "scalar-failure.png"), FullPage = true });
            Console.WriteLine((await page.InnerTextAsync("body"))[..Math.Min(3000, (await page.InnerTextAsync("body")).Length)]);
            throw;
        }
        finally
        {
            await context.CloseAsync();
        }
    }
}
