using System.IO.Compression;
using System.Net.Http.Headers;
using Campaigns.Accounts;
using Campaigns.Imports;
using Campaigns.Parliament;
using Campaigns.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using static Campaigns.Tests.Parliament.ParliamentFixtures;

namespace Campaigns.Tests.Parliament;

public class importing_the_kamer(AppFixture fixture) : IntegrationContext(fixture)
{
    private Task<TkImportOutcome> Import(string name) => Import(TkDataSet.FromPath(PathOf(name)));

    private Task<TkImportOutcome> Import(TkDataSet data) => Host.Services.GetRequiredService<TkImporter>().ImportAsync(data, "tk-import");

    [Fact]
    public async Task importing_the_same_kamer_files_twice_appends_nothing_the_second_time()
    {
        var first = await Import(November);
        var events = await CountEvents();
        var second = await Import(November);

        Assert.Equal(new ParliamentImportResult(Items: 9, Started: 9, Changed: 0, Unchanged: 0, Events: 21), first.Result!.Parliament);
        Assert.Equal(new ParliamentImportResult(Items: 9, Started: 0, Changed: 0, Unchanged: 9, Events: 0), second.Result!.Parliament);
        Assert.Equal(events, await CountEvents());

        await using var session = Store.QuerySession();
        var streams = await session.Events.QueryAllRawEvents().Select(e => e.EventTypeName).ToListAsync();
        Assert.Equal(3, streams.Count(t => t == "motion_filed"));
        Assert.Equal(1, streams.Count(t => t == "written_questions_filed"));
        Assert.Equal(4, streams.Count(t => t == "activity_scheduled"));
        Assert.Equal(1, streams.Count(t => t == "commitment_made"));
        Assert.Equal(5, streams.Count(t => t == "vote_recorded"));
    }

    [Fact]
    public async Task a_motie_reads_with_its_indieners_besluit_and_votes_per_fractie()
    {
        await Import(November);

        var view = await Get<ParliamentItemView>($"/api/parliament/items/{MotieRapportageplicht}");

        var motie = view.Item;
        Assert.Equal(("Motie", "2026Z20002", ParliamentKinds.Zaak), (motie.Soort, motie.Nummer, motie.Kind));
        Assert.Equal("1121", motie.Zaak!.Volgnummer);
        Assert.Equal([new DossierRef(29515, null, "Reductie van regeldruk")], motie.Dossiers);
        var indiener = Assert.Single(motie.Actors);
        Assert.Equal(("Indiener", "F. el Idrissi", "VVD", "1f5c2091-77b3-5319-9e48-8f81a31557b7"),
            (indiener.Relatie, indiener.Naam, indiener.Fractie, indiener.PersoonId.ToString()));
        var besluit = Assert.Single(motie.Besluiten);
        Assert.Equal(("verworpen", "Verworpen.", new DateOnly(2026, 11, 18), "Tweede Kamer, Stemmingen"),
            (besluit.Outcome, besluit.Besluit.BesluitTekst, besluit.Besluit.Datum, besluit.Besluit.Venue));
        Assert.Equal(["CDA Voor 5", "D66 Tegen 9", "GroenLinks-PvdA Tegen 25", "NSC Tegen 20", "VVD Voor 24"],
            besluit.Votes.Select(v => $"{v.Fractie} {v.Soort} {v.FractieGrootte}").Order(StringComparer.Ordinal));
        Assert.Equal("verworpen", motie.Outcome);

        var debat = (await Get<ParliamentItemView>($"/api/parliament/items/{DebatNetcongestie}")).Item;
        Assert.Equal(("Commissiedebat", "Netcongestie en netbeheer", new DateOnly(2027, 1, 20)), (debat.Soort, debat.Titel, debat.On));
        Assert.Equal(["KGG"], debat.Activity!.Commissies.Select(c => c.Afkorting));
        Assert.Equal([MotieNetcapaciteit], debat.Activity.ZaakIds);
        Assert.Equal([29023], debat.Dossiers.Select(d => d.Nummer));

        var toezegging = (await Get<ParliamentItemView>($"/api/parliament/items/{Toezegging}")).Item;
        Assert.Equal((new DateOnly(2027, 6, 30), "Openstaand", "J. de Wit"),
            (toezegging.Toezegging!.DatumNakoming, toezegging.Toezegging.Status, toezegging.Toezegging.Bewindspersoon));

        await Scenario(x => { x.Get.Url($"/api/parliament/items/{Guid.NewGuid()}"); x.StatusCodeShouldBe(404); });
    }

    [Fact]
    public async Task items_are_listed_by_soort_period_and_theme()
    {
        await Import(November);
        await Create("/api/themes", new { slug = "netcongestie", label = "Netcongestie" });
        await Post("/api/themes/netcongestie/parliament", new { committees = new[] { "KGG" }, dossiers = new[] { "29023" }, keywords = new[] { "netaansluiting" } }, 204);

        var moties = await Get<List<ParliamentItem>>("/api/parliament/items?soort=motie");
        var january = await Get<List<ParliamentItem>>("/api/parliament/items?from=2027-01-01&to=2027-01-31");
        var netcongestie = await Get<List<ParliamentItem>>("/api/parliament/items?theme=netcongestie");

        Assert.Equal([MotieNetcapaciteit, MotieRapportageplicht, MotieNettarieven], moties.Select(i => i.Id));
        Assert.Equal([DebatNetcongestie, RondetafelVakmensen], january.Select(i => i.Id));
        // The toezegging names "netaansluitingen" in its text.
        Assert.Equal([MotieNetcapaciteit, VragenWachtlijst, DebatNetcongestie, Toezegging], netcongestie.Select(i => i.Id));

        await Scenario(x => { x.Get.Url("/api/parliament/items?theme=onbekend"); x.StatusCodeShouldBe(400); });
        await Scenario(x => { x.Get.Url("/api/parliament/items?from=2027-13-45"); x.StatusCodeShouldBe(400); });
        await Scenario(x => { x.Get.Url("/api/parliament/items?from=2027-02-01&to=2027-01-01"); x.StatusCodeShouldBe(400); });
    }

    [Fact]
    public async Task a_later_file_appends_what_changed_the_passed_motie_the_moved_debate_and_the_cancelled_one()
    {
        await Import(November);
        var before = await CountEvents();

        var december = await Import(December);
        var again = await Import(December);

        Assert.Equal(new ParliamentImportResult(Items: 4, Started: 1, Changed: 3, Unchanged: 0, Events: 9), december.Result!.Parliament);
        Assert.Equal(0, again.Result!.Parliament!.Events);
        Assert.Equal(before + 9, await CountEvents());

        var motie = (await Get<ParliamentItemView>($"/api/parliament/items/{MotieNetcapaciteit}")).Item;
        Assert.Equal("aangenomen", motie.Outcome);
        Assert.Equal((new DateOnly(2026, 11, 25), 5), (motie.Besluiten.Single().Besluit.Datum, motie.Besluiten.Single().Votes.Count));

        await using var session = Store.QuerySession();
        var moved = Assert.Single(await session.Events.QueryRawEventDataOnly<ActivityRescheduled>().ToListAsync());
        Assert.Equal((DebatNetcongestie, new DateTimeOffset(2027, 1, 20, 10, 0, 0, TimeSpan.FromHours(1))), (moved.TkId, moved.PreviousAanvangstijd!.Value));
        Assert.Equal(new DateOnly(2027, 2, 3), (await Get<ParliamentItemView>($"/api/parliament/items/{DebatNetcongestie}")).Item.On);
        var cancelled = Assert.Single(await session.Events.QueryRawEventDataOnly<ActivityCancelled>().ToListAsync());
        Assert.Equal(RondetafelVakmensen, cancelled.TkId);

        // An older file after the newer one changes nothing: the later GewijzigdOp stands.
        Assert.Equal(0, (await Import(November)).Result!.Parliament!.Events);
    }

    [Fact]
    public async Task a_record_marked_verwijderd_removes_the_item()
    {
        await Import(November);
        var data = TkDataSet.FromPath(PathOf(November));
        data.AddJson("Zaak-verwijderd.json", System.Text.Encoding.UTF8.GetBytes($$"""
            { "@odata.context": "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/$metadata#Zaak",
              "value": [ { "Id": "{{MotieNettarieven}}", "Soort": "Motie", "Nummer": "2026Z20003", "GewijzigdOp": "2026-12-01T08:00:00+01:00", "Verwijderd": true } ] }
            """));

        var outcome = await Import(data);

        Assert.Equal(1, outcome.Result!.Parliament!.Events);
        var moties = await Get<List<ParliamentItem>>("/api/parliament/items?soort=Motie");
        Assert.DoesNotContain(moties, m => m.Id == MotieNettarieven);
    }

    [Fact]
    public async Task a_malformed_kamer_file_is_refused_naming_the_record_and_nothing_is_stored()
    {
        var data = TkDataSet.FromPath(PathOf(November));
        data.AddJson("Stemming-extra.json", System.Text.Encoding.UTF8.GetBytes("""
            { "@odata.context": "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/$metadata#Stemming",
              "value": [ { "Id": "0f9d8c7b-6a5e-4d3c-8b2a-1f0e9d8c7b6a", "Besluit_Id": "5c6d7e8f-0000-4000-8000-000000000001", "Soort": "Misschien",
                           "ActorFractie": "VVD", "FractieGrootte": "veel", "Verwijderd": false } ] }
            """));

        var outcome = await Import(data);

        Assert.True(outcome.Refused);
        var problems = outcome.Problems.Select(p => p.ToString()).ToList();
        Assert.Contains("Stemming 0f9d8c7b-6a5e-4d3c-8b2a-1f0e9d8c7b6a: FractieGrootte is geen geheel getal.", problems);
        Assert.Contains(problems, p => p.StartsWith("Stemming 0f9d8c7b-6a5e-4d3c-8b2a-1f0e9d8c7b6a: Besluit_Id 5c6d7e8f"));
        Assert.Contains("Stemming 0f9d8c7b-6a5e-4d3c-8b2a-1f0e9d8c7b6a: Soort 'Misschien' is geen Voor, Tegen of Niet deelgenomen.", problems);
        Assert.Equal(0, await CountEvents());
        await using var session = Store.QuerySession();
        Assert.Equal(0, await session.Query<ParliamentItem>().CountAsync());
    }

    [Fact]
    public async Task the_upload_takes_the_kamer_files_and_refuses_an_oversized_one_with_nothing_stored()
    {
        var manager = await BearerFor("mark.manager", Roles.Manager);
        var ok = await Scenario(x =>
        {
            x.Post.MultipartFormData(Form(Zip(November))).ToUrl("/api/imports/tk");
            x.WithRequestHeader("Authorization", manager);
            x.StatusCodeShouldBe(200);
        });
        Assert.Equal(21, Read<TkImportResult>(await ok.ReadAsTextAsync()).Parliament!.Events);
        var before = await CountEvents();

        var tooLarge = new byte[ImportTkEndpoint.MaxUploadBytes + 1];
        await Scenario(x =>
        {
            x.Post.ByteArray(tooLarge).ToUrl("/api/imports/tk");
            x.WithRequestHeader("Content-Type", "application/json");
            x.WithRequestHeader("Authorization", manager);
            x.StatusCodeShouldBe(413);
        });
        Assert.Equal(before, await CountEvents());
    }

    private static MultipartFormDataContent Form(byte[] zip)
    {
        var file = new ByteArrayContent(zip);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        return new MultipartFormDataContent { { file, "files", "kamer.zip" } };
    }

    private static byte[] Zip(string folder)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var file in Directory.GetFiles(PathOf(folder), "*.json"))
                zip.CreateEntryFromFile(file, Path.GetFileName(file));
        return buffer.ToArray();
    }
}
