using Campaigns.Accounts;
using Campaigns.DemoData;
using Campaigns.Demands;
using Campaigns.Imports;
using Campaigns.Infrastructure.Commands;
using Campaigns.Tests.Web;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Wolverine;
using static Microsoft.Playwright.Assertions;
using static Campaigns.Tests.Parliament.ParliamentFixtures;

namespace Campaigns.Tests.Parliament;

/// <summary>
/// On the screens: a manager gives the netcongestie theme its dossier, sees the passed motie 29023-612 proposed on a demand,
/// links it, and records the adoption from it in one click.
/// </summary>
[Collection(BrowserCollection.Name)]
public class a_manager_adopts_a_demand_from_a_motie_in_the_browser(BrowserFixture browser)
{
    private const string Manager = "pieter.parlement";

    [BrowserFact]
    public async Task links_a_proposed_motie_and_records_the_adoption_from_it()
    {
        var services = browser.Services;
        var importer = services.GetRequiredService<TkImporter>();
        Assert.False((await importer.ImportAsync(TkDataSet.FromPath(PathOf(November)), Manager)).Refused);
        Assert.False((await importer.ImportAsync(TkDataSet.FromPath(PathOf(December)), Manager)).Refused);
        var code = $"K{Guid.NewGuid().ToString()[..3]}";
        var formulated = await services.GetRequiredService<IMessageBus>().InvokeCommandAsync(
            new FormulateDemand("netcongestie", "Geef het mkb voorrang bij schaarse netcapaciteit", code, null, "Manifest netcongestie", new DateOnly(2026, 10, 1))
            { CampaignId = DemoDataSet.FormatieCampaign }, Manager, CancellationToken.None);
        var demandId = formulated.Id!.Value;
        // The two imports set off thousands of events for the subscriptions: the manager signs in once the app has caught
        // up, as on a normal morning, not on two cores still busy with them (a sign-in then once stayed on /login for 90 s).
        Assert.True(await services.GetRequiredService<global::Campaigns.Timelines.TimelineProgress>().WaitForEverythingAsync(TimeSpan.FromSeconds(120)));

        var page = await browser.OpenAsync(Manager, role: Roles.Manager);
        page.SetDefaultTimeout(60_000);

        // The theme's place in parliament, on its own form.
        await page.GotoAsync("/themas/netcongestie/kamer");
        // A dossier by name is refused next to the field, in Dutch, with what was typed kept.
        await page.GetByLabel("Kamerstukdossiers").FillAsync("Voorjaarsnota");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Expect(page.Locator("#Dossiers-error")).ToContainTextAsync("'Voorjaarsnota' is geen dossiernummer");
        await Expect(page.GetByLabel("Kamerstukdossiers")).ToHaveValueAsync("Voorjaarsnota");
        await page.GetByLabel("Kamerstukdossiers").FillAsync("29023");
        await page.GetByLabel("Commissies").FillAsync("KGG");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Expect(page.Locator("#kamer")).ToContainTextAsync("dossiers: 29023");
        await page.GotoAsync("/agenda?van=2027-01-01&weken=8");
        await Expect(page.Locator("table.agenda")).ToContainTextAsync("Netcongestie en netbeheer");
        await Screenshots.SaveAsync(page, "kamer-agenda");

        // Proposed on the demand, linked.
        await page.GotoAsync($"/wensen/{demandId}");
        var kamer = page.Locator("#kamer");
        await Expect(kamer).ToContainTextAsync("Motie 29023-612");
        await kamer.GetByRole(AriaRole.Button, new() { Name = "Koppelen: Motie 29023-612" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Gekoppeld aan de wens.");
        await Expect(kamer.Locator("table.votes")).ToContainTextAsync("GroenLinks-PvdA");
        await Expect(kamer).ToContainTextAsync("Besluit: Aangenomen op");

        // One click: the adoption the besluit offers.
        await Screenshots.SaveAsync(page, "demand-motie-offer");
        await kamer.GetByRole(AriaRole.Button, new() { Name = "Aangenomen via motie 29023-612" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("de wens is als aangenomen vastgelegd");
        await Expect(page.Locator(".adoption")).ToContainTextAsync("Motie 29023-612");

        await using var session = browser.Store.QuerySession();
        var demand = (await session.LoadAsync<Demand>(demandId))!;
        Assert.Equal(DemandStatus.Adopted, demand.Status);
        var adoption = Assert.Single(demand.Adoptions);
        Assert.Equal((AdoptionVenue.Motion, "Motie 29023-612", new DateOnly(2026, 11, 25)), (adoption.Venue, adoption.Reference, adoption.OccurredOn));
    }
}
