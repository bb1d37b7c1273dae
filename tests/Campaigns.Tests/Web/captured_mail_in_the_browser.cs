using Campaigns.EmailCapture;
using Campaigns.Interactions;
using Campaigns.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Campaigns.Tests.Web;

/// <summary>
/// An officer works through "Te verwerken" in Chromium against the demo data. The mail is captured by the app's own
/// capture step from a real MIME message (the IMAP side is tested against dovecot in capturing_mail_from_the_mailbox).
/// </summary>
[Collection(BrowserCollection.Name)]
public class captured_mail_in_the_browser(BrowserFixture browser)
{
    private const string Formation = "Kabinetsformatie: Gemaakt in Nederland!";

    [BrowserFact]
    public async Task an_officer_registers_the_unknown_sender_confirms_the_mail_and_finds_it_on_the_contacts_timeline_and_through_the_search_box()
    {
        var suffix = Guid.NewGuid().ToString()[..6];
        var officer = $"mail.{suffix}";
        var page = await browser.OpenAsync(officer);
        var subject = $"Gezamenlijke brief netcongestie {suffix}";
        var address = $"f.jansen.{suffix}@vno-ncw.nl";
        var mail = TestMailbox.Mail(address, ["vastleggen@metaalunie.nl"], $"Fwd: {subject}",
            "Zullen we de informateur samen schrijven over netcongestie?\n\nOp 3 nov. 2025 om 10:00 schreef Anna:\n> Goed idee",
            fromName: $"Femke Jansen {suffix}");
        Assert.True(await browser.Services.GetRequiredService<MessageCapture>().CaptureAsync(mail, CancellationToken.None));
        var draftId = CapturedMessage.DraftIdFor(CapturedMessage.KeyFor(mail.MessageId, () => []));

        await page.GotoAsync("/te-verwerken");
        await page.GetByRole(AriaRole.Link, new() { Name = subject }).ClickAsync();
        await Expect(page.GetByLabel("Onderwerp")).ToHaveValueAsync(subject);
        await Expect(page.GetByLabel("Samenvatting")).ToHaveValueAsync("Zullen we de informateur samen schrijven over netcongestie?");

        // The sender is nobody we know: "nieuw contact vastleggen" opens the contact form with the address filled in.
        await page.GetByRole(AriaRole.Link, new() { Name = "nieuw contact vastleggen" }).ClickAsync();
        await Expect(page.GetByLabel("E-mail")).ToHaveValueAsync(address);
        await Expect(page.GetByLabel("Naam")).ToHaveValueAsync($"Femke Jansen {suffix}");
        await page.SelectOptionAsync("#Kind", "Ally");
        await page.GetByLabel("Organisatie").FillAsync("VNO-NCW");
        await page.GetByRole(AriaRole.Button, new() { Name = "Vastleggen" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/contacten/") && !url.Contains("/nieuw"));
        var contactUrl = new Uri(page.Url).AbsolutePath;

        // Back on the mail, the new contact is suggested; the officer picks the campaign and confirms.
        await page.GotoAsync($"/te-verwerken/{draftId}");
        await Expect(page.Locator(".chip", new() { HasText = $"Femke Jansen {suffix}" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "nieuw contact vastleggen" })).ToHaveCountAsync(0);
        await page.SelectOptionAsync("#CampaignId", new SelectOptionValue { Label = Formation });
        await Screenshots.SaveAsync(page, "captured-email", height: 1400);
        await page.GetByRole(AriaRole.Button, new() { Name = "Bevestigen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"E-mail vastgelegd: {subject}");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = subject })).ToHaveCountAsync(0);

        await page.GotoAsync(contactUrl);
        await Expect(page.Locator("main")).ToContainTextAsync(subject);

        // The search box in the header finds it by words of its subject and of what was written.
        var box = page.GetByRole(AriaRole.Search, new() { Name = "Zoeken in alles" }).GetByRole(AriaRole.Searchbox);
        await box.FillAsync("gezamenlijke informateur schrijven");
        await box.PressAsync("Enter");
        await page.WaitForURLAsync("**/zoeken?q=*");
        var hit = page.Locator("section.search-group").GetByRole(AriaRole.Link, new() { Name = subject });
        for (var i = 0; i < 20 && await hit.CountAsync() == 0; i++) { await Task.Delay(250); await page.ReloadAsync(); }
        await hit.ClickAsync();
        await page.WaitForURLAsync($"**/contactmomenten/{draftId}");

        await using var session = browser.Store.QuerySession();
        var stored = Assert.Single(await session.Events.FetchStreamAsync(draftId));
        var sent = Assert.IsType<EmailSent>(stored.Data);
        Assert.Equal(officer, stored.UserName);
        Assert.Equal(subject, sent.Subject);
        Assert.Null(await session.LoadAsync<CapturedEmail>(draftId));
    }
}
