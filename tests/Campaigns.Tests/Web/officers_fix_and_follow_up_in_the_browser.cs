using Campaigns.Contacts;
using Campaigns.DemoData;
using Campaigns.FollowUps;
using Campaigns.Interactions;
using JasperFx.Events;
using Marten;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Campaigns.Tests.Web;

/// <summary>
/// Reading, correcting and retracting a contact moment, keeping contacts right and following up, in Chromium against the
/// demo data. Each test then reads the events the action stored, with the user who stored them.
/// </summary>
[Collection(BrowserCollection.Name)]
public class officers_fix_and_follow_up_in_the_browser(BrowserFixture browser)
{
    private const string Formation = "Kabinetsformatie: Gemaakt in Nederland!";

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam")).DateTime);
    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd");
    private static string Suffix() => Guid.NewGuid().ToString()[..6];

    [BrowserFact]
    public async Task an_officer_opens_a_meeting_and_corrects_its_date_and_a_contact()
    {
        var officer = $"corr.{Suffix()}";
        var page = await browser.OpenAsync(officer);
        var subject = $"Gesprek over de SPL {Suffix()}";
        var id = await LogMeetingAsync(page, subject);

        await page.GotoAsync($"/contactmomenten/{id}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(subject);
        var facts = page.Locator(".interaction-facts");
        // The role on the day itself: in the demo data he left the Kamer in 2023.
        await Expect(facts).ToContainTextAsync("Mustafa Amhaouch (geen rol op die dag)");
        await Expect(facts).ToContainTextAsync("Tweede Kamer, Den Haag");
        await Expect(facts).ToContainTextAsync("Afgesproken: wetsvoorstel volgt in maart");
        await Expect(page.Locator(".follow-ups")).ToContainTextAsync($"Bedankbrief en verslag sturen: {subject}");

        await page.GetByRole(AriaRole.Link, new() { Name = "Corrigeren" }).ClickAsync();
        await Expect(page.GetByLabel("Onderwerp")).ToHaveValueAsync(subject);
        await Expect(page.GetByLabel("Datum")).ToHaveValueAsync(Iso(Today));
        await page.GetByLabel("Datum").FillAsync(Iso(Today.AddDays(-2)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Mustafa Amhaouch verwijderen" }).ClickAsync();
        await page.GetByLabel("Zoek contactpersoon").FillAsync("femke");
        await page.GetByLabel("Zoek contactpersoon").PressAsync("Enter");
        await Expect(page.Locator(".chip", new() { HasText = "Femke de Boer" })).ToBeVisibleAsync();
        await page.GetByLabel("Reden van de correctie").FillAsync("Het gesprek was eergisteren, met Femke de Boer");
        await Screenshots.SaveAsync(page, "correction-form", height: 1400);
        await page.GetByRole(AriaRole.Button, new() { Name = "Correctie opslaan" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Correctie opgeslagen");
        var correction = page.Locator(".corrections li").First;
        await Expect(correction).ToContainTextAsync("Het gesprek was eergisteren, met Femke de Boer");
        await Expect(correction).ToContainTextAsync(officer);
        await Expect(correction.Locator("tr", new() { HasText = "Datum" })).ToContainTextAsync($"{Dutch(Today)}{Dutch(Today.AddDays(-2))}");
        await Expect(correction.Locator("tr", new() { HasText = "Met wie" })).ToContainTextAsync("Mustafa AmhaouchFemke de Boer");
        await Expect(page.Locator(".interaction-facts")).ToContainTextAsync("Femke de Boer (Ambtenaar, Ministerie van Economische Zaken)");
        await Screenshots.SaveAsync(page, "interaction-detail", height: 1500);

        var stored = await LastEventAsync(id);
        var corrected = Assert.IsType<InteractionCorrected>(stored.Data);
        Assert.Equal(officer, stored.UserName);
        Assert.Equal(Today.AddDays(-2), corrected.Changes.HappenedOn);
        Assert.Equal([DemoDataSet.DeBoer], corrected.Changes.ContactIds!);
        Assert.Null(corrected.Changes.Subject); // only what changed
        Assert.Null(corrected.Changes.Themes);
        Assert.Equal("Het gesprek was eergisteren, met Femke de Boer", corrected.Reason);
    }

    [BrowserFact]
    public async Task an_officer_retracts_a_contact_moment_with_a_reason()
    {
        var officer = $"retr.{Suffix()}";
        var page = await browser.OpenAsync(officer);
        var id = await LogMeetingAsync(page, $"Dubbel ingevoerd gesprek {Suffix()}");

        await page.GotoAsync($"/contactmomenten/{id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Intrekken" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Intrekken" }).ClickAsync();
        await Expect(page.Locator("#Reason-error")).ToHaveTextAsync("Verplicht veld.");
        await Expect(page.GetByLabel("Reden")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Equal("rgb(179, 38, 30)", await page.GetByLabel("Reden").EvaluateAsync<string>("e => getComputedStyle(e).borderTopColor"));

        await page.GetByLabel("Reden").FillAsync("Dubbel ingevoerd");
        await page.GetByRole(AriaRole.Button, new() { Name = "Intrekken" }).ClickAsync();
        await Expect(page.Locator(".retracted-banner")).ToContainTextAsync("Ingetrokken. Reden: Dubbel ingevoerd");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Corrigeren" })).ToHaveCountAsync(0);

        var stored = await LastEventAsync(id);
        Assert.Equal(new InteractionRetracted(id, "Dubbel ingevoerd"), stored.Data);
        Assert.Equal(officer, stored.UserName);
    }

    [BrowserFact]
    public async Task an_officer_changes_a_contacts_phone_and_the_history_keeps_the_old_one()
    {
        var officer = $"tel.{Suffix()}";
        var page = await browser.OpenAsync(officer);
        await page.GotoAsync($"/contacten/{DemoDataSet.Kuipers}/gegevens");
        await Expect(page.Locator(".contact-details")).ToContainTextAsync("Ambtenaar, Ministerie van Defensie");
        var phone = $"070 379 {Random.Shared.Next(1000, 9999)}";
        await page.GetByLabel("Telefoon").FillAsync(phone);
        await page.GetByRole(AriaRole.Button, new() { Name = "Gegevens opslaan" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Gegevens van Bas Kuipers opgeslagen");
        await Expect(page.Locator(".contact-details")).ToContainTextAsync(phone);
        await Expect(page.Locator(".history li").First).ToContainTextAsync($"telefoon (leeg) → {phone}");
        await Screenshots.SaveAsync(page, "contact-details", height: 1500);

        var stored = await LastEventAsync(DemoDataSet.Kuipers);
        var changed = Assert.IsType<ContactDetailsChanged>(stored.Data);
        Assert.Equal(phone, changed.Phone);
        Assert.Equal(officer, stored.UserName);
    }

    [BrowserFact]
    public async Task a_kamerlid_becomes_staatssecretaris_and_the_role_ends()
    {
        var page = await browser.OpenAsync("rol.officier");
        var name = $"Proefkamerlid {Suffix()}";
        await page.GotoAsync("/contacten/nieuw");
        await page.GetByLabel("Naam").FillAsync(name);
        await page.GetByLabel("Soort").SelectOptionAsync(new SelectOptionValue { Label = "Kamerlid" });
        await page.GetByLabel("Organisatie").FillAsync("CDA");
        await page.GetByLabel("Rol vanaf").FillAsync("2023-12-06");
        await page.GetByRole(AriaRole.Button, new() { Name = "Vastleggen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"{name} is vastgelegd.");
        var id = Guid.Parse(page.Url.Split('/')[^1]);

        await page.GotoAsync($"/contacten/{id}/rol");
        await page.GetByLabel("Soort").SelectOptionAsync(new SelectOptionValue { Label = "Staatssecretaris" });
        await page.GetByLabel("Organisatie").FillAsync("Ministerie van Financiën");
        await page.GetByLabel("Nieuwe rol vanaf").FillAsync("2020-01-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rol opslaan" }).ClickAsync();
        await Expect(page.Locator("#EffectiveOn-error")).ToContainTextAsync("Moet na 6-12-2023 liggen");

        await page.GetByLabel("Nieuwe rol vanaf").FillAsync(Iso(Today.AddDays(-7)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Rol opslaan" }).ClickAsync();
        await Expect(page.Locator(".role-today")).ToContainTextAsync("Staatssecretaris, Ministerie van Financiën");

        await page.GetByRole(AriaRole.Link, new() { Name = "Rol beëindigen" }).ClickAsync();
        await page.GetByLabel("Reden").FillAsync("Kabinet demissionair");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rol beëindigen" }).ClickAsync();
        await Expect(page.Locator(".role-today")).ToContainTextAsync("Geen rol op dit moment");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Rol beëindigen" })).ToHaveCountAsync(0);

        await using var session = browser.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(id);
        Assert.Equal(new ContactRoleChanged(id, ContactKind.Staatssecretaris, "Ministerie van Financiën", Today.AddDays(-7)), events[^2].Data);
        Assert.Equal(new ContactRoleEnded(id, Today, "Kabinet demissionair"), events[^1].Data);
        Assert.All(events, e => Assert.Equal("rol.officier", e.UserName));
    }

    [BrowserFact]
    public async Task registering_a_name_that_is_already_there_asks_first()
    {
        var page = await browser.OpenAsync("dubbel.officier");
        await page.GotoAsync("/contacten/nieuw");
        await page.GetByLabel("Naam").FillAsync("daan MEIJER");
        await page.GetByLabel("Soort").SelectOptionAsync(new SelectOptionValue { Label = "Overig" });
        await page.GetByLabel("Organisatie").FillAsync("VVD");
        await page.GetByRole(AriaRole.Button, new() { Name = "Vastleggen" }).ClickAsync();

        var warning = page.Locator(".duplicates");
        await Expect(warning).ToContainTextAsync("Bestaat deze persoon al?");
        await Expect(warning.GetByRole(AriaRole.Link, new() { Name = "Daan Meijer" })).ToHaveAttributeAsync("href", $"/contacten/{DemoDataSet.Meijer}");
        await Expect(warning).ToContainTextAsync("toch nieuw vastleggen?");
        Assert.Equal(0, await RegisteredAsync("daan MEIJER"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Toch nieuw vastleggen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("daan  MEIJER is vastgelegd.");
        Assert.Equal(1, await RegisteredAsync("daan MEIJER"));
    }

    [BrowserFact]
    public async Task an_officer_plans_reschedules_and_cancels_a_follow_up()
    {
        var officer = $"plan.{Suffix()}";
        var page = await browser.OpenAsync(officer);
        var id = await LogMeetingAsync(page, $"Werkbezoek {Suffix()}");
        var what = $"Offerte praktijkleren nasturen {Suffix()}";

        await page.GotoAsync($"/contactmomenten/{id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Follow-up plannen" }).ClickAsync();
        await page.GetByLabel("Wat").FillAsync(what);
        await page.GetByLabel("Uiterlijk op").FillAsync(Iso(Today.AddDays(10)));
        await Expect(page.GetByLabel("Wie")).ToHaveValueAsync(officer);
        await page.GetByRole(AriaRole.Button, new() { Name = "Follow-up plannen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Follow-up gepland voor {Dutch(Today.AddDays(10))}: {what}");

        await page.GetByRole(AriaRole.Link, new() { Name = what }).ClickAsync();
        await page.GetByLabel("Nieuwe datum").FillAsync(Iso(Today.AddDays(20)));
        await page.GetByLabel("Reden van het verzetten").FillAsync("Na het reces");
        await page.GetByRole(AriaRole.Button, new() { Name = "Verzetten" }).ClickAsync();
        await Expect(page.Locator(".follow-up-status")).ToContainTextAsync($"open, uiterlijk {Dutch(Today.AddDays(20))}");
        await Screenshots.SaveAsync(page, "follow-up", height: 1100);

        await page.GetByLabel("Reden van het annuleren").FillAsync("Niet meer nodig");
        await page.GetByRole(AriaRole.Button, new() { Name = "Follow-up annuleren" }).ClickAsync();
        await Expect(page.Locator(".follow-up-status")).ToHaveTextAsync("geannuleerd");

        await using var session = browser.Store.QuerySession();
        var followUp = await session.Query<FollowUp>().SingleAsync(f => f.Description == what);
        var events = await session.Events.FetchStreamAsync(followUp.Id);
        var scheduled = Assert.IsType<FollowUpScheduled>(events[0].Data);
        Assert.Equal((FollowUpKind.Manual, officer, id, Today.AddDays(10)), (scheduled.Kind, scheduled.Assignee, scheduled.OriginInteractionId!.Value, scheduled.DueOn));
        Assert.Equal(new FollowUpRescheduled(followUp.Id, Today.AddDays(20), "Na het reces"), events[1].Data);
        Assert.Equal(new FollowUpCancelled(followUp.Id, "Niet meer nodig", null), events[2].Data);
        Assert.All(events.Take(3), e => Assert.Equal(officer, e.UserName));
    }

    [BrowserFact]
    public async Task enter_in_the_type_ahead_picks_the_best_match_and_says_when_nothing_matches()
    {
        var page = await browser.OpenAsync("zoek.officier");
        await page.GotoAsync("/contactmoment");
        await page.GetByLabel("Zoek thema").FillAsync("innov");
        await page.GetByLabel("Zoek thema").PressAsync("Enter");
        await Expect(page.Locator("#Themes .chip")).ToHaveTextAsync(["Innovatie: slim produceren moet je stimuleren×"]);

        await page.GetByLabel("Zoek thema").FillAsync("qqqq");
        await Expect(page.Locator("#Themes .picker-empty")).ToHaveTextAsync("geen resultaten");
    }

    [BrowserFact]
    public async Task on_a_phone_the_menu_is_short_and_checkboxes_stay_beside_their_labels()
    {
        var phone = await browser.OpenAsync("telefoon.officier", width: 390, height: 844);
        await phone.GotoAsync("/contactmoment");
        var header = await phone.Locator("header.top").BoundingBoxAsync();
        Assert.True(header!.Height < 844 * 0.15, $"the header is {header.Height}px high");

        var option = phone.Locator("#ContactIds .picker-list li").First;
        var box = await option.Locator("input").BoundingBoxAsync();
        var label = await option.Locator(".picker-label").BoundingBoxAsync();
        Assert.True(box!.Y < label!.Y + label.Height && label.Y < box.Y + box.Height, "the checkbox sits on its label's line");
        Assert.True(box.X < label.X);
    }

    private static string Dutch(DateOnly day) => global::Campaigns.Web.Dutch.Date(day);

    private async Task<IEvent> LastEventAsync(Guid stream)
    {
        await using var session = browser.Store.QuerySession();
        return (await session.Events.FetchStreamAsync(stream))[^1];
    }

    private async Task<int> RegisteredAsync(string name)
    {
        await using var session = browser.Store.QuerySession();
        return await session.Events.QueryRawEventDataOnly<ContactRegistered>().CountAsync(e => e.Name == name.Trim());
    }

    /// <summary>Logs a meeting with Mustafa Amhaouch on the formation campaign and answers its id.</summary>
    private static async Task<Guid> LogMeetingAsync(IPage page, string subject)
    {
        await page.GotoAsync("/contactmoment");
        await page.GetByLabel("Gesprek", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Campagne").SelectOptionAsync(new SelectOptionValue { Label = Formation });
        await page.GetByLabel("Onderwerp").FillAsync(subject);
        await page.GetByLabel("Zoek contactpersoon").FillAsync("Amhaouch");
        await page.GetByLabel("Zoek contactpersoon").PressAsync("Enter");
        await page.GetByLabel("Zoek thema").FillAsync("netcongestie");
        await page.GetByLabel("Zoek thema").PressAsync("Enter");
        await page.GetByLabel("Uitkomst").FillAsync("Afgesproken: wetsvoorstel volgt in maart");
        await page.GetByLabel("Locatie").FillAsync("Tweede Kamer, Den Haag");
        await page.GetByRole(AriaRole.Button, new() { Name = "Vastleggen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Gesprek vastgelegd: {subject}");
        var logged = new Uri(page.Url).Query.TrimStart('?').Split('&').Single(p => p.StartsWith("logged=", StringComparison.Ordinal));
        return Guid.Parse(logged["logged=".Length..]);
    }
}
