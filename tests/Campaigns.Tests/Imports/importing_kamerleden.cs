using System.IO.Compression;
using System.Net.Http.Headers;
using Campaigns.Accounts;
using Campaigns.Contacts;
using Campaigns.Imports;
using Campaigns.Tests.Infrastructure;
using Campaigns.Timelines;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.Tests.Imports;

/// <summary>
/// The hand-made fixtures in Imports/Fixtures: tk-2025 holds six seated Kamerleden (Eva Mulder went from GL to
/// GroenLinks-PvdA in 2023) and one former member; in tk-2026 Bram Jansen left the CDA for NSC, Carla Visser left the
/// Kamer on 16 February 2026 and Daan Smit's membership was deleted from the open data on 2 March 2026.
/// </summary>
public class importing_kamerleden(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Bram = "01ad531e-e492-5d59-a00c-34cdbb5d1c84";
    private const string Carla = "d4785211-4198-5668-8af4-479fb2570c55";
    private const string Daan = "fbcfce86-5630-53ba-b414-b508e85e7ca5";
    private const string Eva = "b4632b27-cb4a-5548-adcf-fd511216dd7b";
    private const string Gerrit = "750f39cf-a03f-5971-a2c6-f5a193cc6dd1";
    private const string BramCdaMembership = "c9b6ae9b-4c94-53e4-9e41-93b90a5f7047";

    public static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Imports", "Fixtures", name);

    private Task<TkImportOutcome> Import(string fixtureName) => Import(TkDataSet.FromPath(FixturePath(fixtureName)));

    private Task<TkImportOutcome> Import(TkDataSet data) =>
        Host.Services.GetRequiredService<TkImporter>().ImportAsync(data, "tk-import");

    [Fact]
    public async Task importing_the_same_open_data_twice_changes_nothing_the_second_time()
    {
        var first = await Import("tk-2025");
        var events = await CountEvents();
        var second = await Import("tk-2025");
        var sameDataAsOneExpandedFile = await Import("tk-2025-expanded.json");

        Assert.Equal(new TkImportResult(7, Created: 6, RoleChanges: 1, RolesEnded: 0, Unchanged: 0, NotSeated: 1, Forgotten: 0, Events: 7), first.Result);
        Assert.Equal(7, events);
        Assert.Equal(new TkImportResult(7, 0, 0, 0, Unchanged: 6, NotSeated: 1, Forgotten: 0, Events: 0), second.Result);
        Assert.Equal(second.Result, sameDataAsOneExpandedFile.Result);
        Assert.Equal(events, await CountEvents());

        var kamerleden = await Get<List<ContactView>>("/api/contacts?kind=kamerlid");
        Assert.Equal(
            ["Anne de Boer (CDA)", "Bram Jansen (CDA)", "Carla Visser (VVD)", "Daan Smit (D66)", "Eva Mulder (GroenLinks-PvdA)", "Fatima el Idrissi (VVD)"],
            kamerleden.Select(c => $"{c.Name} ({c.Organisation})").Order(StringComparer.Ordinal));
        Assert.All(kamerleden, c => Assert.NotNull(c.TkPersoonId));
        Assert.DoesNotContain(kamerleden, c => c.TkPersoonId == Gerrit);

        // Eva's history from the open data: GL until and including 5 December 2023, GroenLinks-PvdA from the 6th.
        var eva = kamerleden.Single(c => c.TkPersoonId == Eva);
        Assert.Equal(
            [new RolePeriod(ContactKind.Kamerlid, "GL", new DateOnly(2021, 3, 31), new DateOnly(2023, 12, 6)),
             new RolePeriod(ContactKind.Kamerlid, "GroenLinks-PvdA", new DateOnly(2023, 12, 6), null)],
            eva.Roles);
    }

    [Fact]
    public async Task a_member_who_changed_fractie_gets_a_new_role_and_members_who_left_have_their_role_ended()
    {
        await Import("tk-2025");
        var before = await CountEvents();

        // The second year through the API, as a manager uploads it: one zip of the four files.
        var result = await Upload(Zip("tk-2026"));
        var again = await Upload(Zip("tk-2026"));

        Assert.Equal(new TkImportResult(7, Created: 0, RoleChanges: 1, RolesEnded: 2, Unchanged: 3, NotSeated: 1, Forgotten: 0, Events: 3), result);
        Assert.Equal(new TkImportResult(7, 0, 0, 0, Unchanged: 6, NotSeated: 1, Forgotten: 0, Events: 0), again);
        Assert.Equal(before + 3, await CountEvents());

        var bram = await Kamerlid(Bram);
        Assert.Equal(
            [new RolePeriod(ContactKind.Kamerlid, "CDA", new DateOnly(2021, 3, 31), new DateOnly(2026, 1, 15)),
             new RolePeriod(ContactKind.Kamerlid, "NSC", new DateOnly(2026, 1, 15), null)],
            bram.Roles);
        Assert.Equal("NSC", bram.Organisation);
        Assert.Equal("CDA", (await Get<ContactView>($"/api/contacts/{bram.Id}?on=2026-01-14")).RoleOn!.Organisation);

        // "Tot en met 16 februari": still a member that day, no longer the next.
        var carla = await Kamerlid(Carla);
        Assert.Null(carla.CurrentRole);
        Assert.Equal(new RolePeriod(ContactKind.Kamerlid, "VVD", new DateOnly(2023, 12, 6), new DateOnly(2026, 2, 17)), Assert.Single(carla.Roles));
        Assert.Equal("VVD", (await Get<ContactView>($"/api/contacts/{carla.Id}?on=2026-02-16")).RoleOn!.Organisation);
        Assert.Null((await Get<ContactView>($"/api/contacts/{carla.Id}?on=2026-02-17")).RoleOn);

        // Deleted from the open data on 2 March 2026: the role ends that day.
        var daan = await Kamerlid(Daan);
        Assert.Equal(new RolePeriod(ContactKind.Kamerlid, "D66", new DateOnly(2023, 12, 6), new DateOnly(2026, 3, 2)), Assert.Single(daan.Roles));

        var timeline = await Get<TimelinePage>($"/api/timelines/contacts/{bram.Id}");
        var change = Assert.Single(timeline.Items, e => e.EventType == "contact-role-changed");
        Assert.Equal((new DateOnly(2026, 1, 15), "Nieuwe rol: kamerlid (NSC)", "mark.manager"), (change.HappenedOn, change.Summary, change.ActingUser));
        await using var session = Store.QuerySession();
        var ended = await session.Events.QueryRawEventDataOnly<ContactRoleEnded>().ToListAsync();
        Assert.Equal([new DateOnly(2026, 2, 17), new DateOnly(2026, 3, 2)], ended.Select(e => e.EffectiveOn).Order());
        Assert.Contains(ended, e => e.Reason!.Contains("verwijderd"));
    }

    [Fact]
    public async Task a_forgotten_kamerlid_is_not_brought_back_by_the_next_import()
    {
        await Import("tk-2025");
        var carla = await Kamerlid(Carla);
        await Scenario(x => { x.Post.Url($"/api/contacts/{carla.Id}/forget"); x.StatusCodeShouldBe(200); });
        var before = await CountEvents();

        var outcome = await Import("tk-2026");

        Assert.Equal(new TkImportResult(7, Created: 0, RoleChanges: 1, RolesEnded: 1, Unchanged: 3, NotSeated: 1, Forgotten: 1, Events: 2), outcome.Result);
        Assert.Equal(before + 2, await CountEvents());
        var forgotten = await Get<ContactView>($"/api/contacts/{carla.Id}");
        Assert.Equal((Contact.ForgottenName, Carla, (RolePeriod?)carla.CurrentRole), (forgotten.Name, forgotten.TkPersoonId, forgotten.CurrentRole));
        Assert.Single(await Get<List<ContactView>>("/api/contacts?kind=kamerlid"), c => c.TkPersoonId == Carla);
    }

    [Fact]
    public async Task a_file_that_is_not_json_is_refused_with_its_name_and_nothing_is_stored()
    {
        var data = OpenData("tk-2025");
        data.AddJson("FractieZetelPersoon-2.json", "{\"value\": [ {\"Id\": "u8.ToArray());

        var outcome = await Import(data);

        Assert.True(outcome.Refused);
        Assert.Contains(outcome.Problems, p => p.Record == "FractieZetelPersoon-2.json" && p.Message.StartsWith("Geen geldige JSON"));
        Assert.Equal(0, await CountEvents());
    }

    [Fact]
    public async Task a_membership_of_an_unknown_person_or_seat_and_a_fractie_without_afkorting_are_refused_by_record()
    {
        var unknownPerson = Guid.NewGuid();
        var data = OpenData("tk-2025", entity => entity switch
        {
            "FractieZetelPersoon" => json => json.Replace("\"Persoon_Id\": \"91ff07cc-14c2-5853-a0c0-049d6fa3806c\"", $"\"Persoon_Id\": \"{unknownPerson}\""),
            "Fractie" => json => json.Replace("\"Afkorting\": \"D66\",", ""),
            _ => json => json
        });
        data.AddJson("FractieZetelPersoon-extra.json", System.Text.Encoding.UTF8.GetBytes($$"""
            { "@odata.context": "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/$metadata#FractieZetelPersoon",
              "value": [ { "Id": "0e7c2f1a-5d55-4c1e-9a2b-3f4e5d6c7b8a", "FractieZetel_Id": "{{Guid.Empty}}", "Persoon_Id": "{{Bram}}",
                           "Functie": "Lid", "Van": "2024-01-01T00:00:00+01:00", "TotEnMet": null, "Verwijderd": false } ] }
            """));

        var outcome = await Import(data);

        Assert.True(outcome.Refused);
        var problems = outcome.Problems.Select(p => p.ToString()).ToList();
        Assert.Contains(problems, p => p.StartsWith("FractieZetelPersoon 21565257-34a4-52e8-a175-685c0ff6fc6d: Persoon_Id " + unknownPerson));
        Assert.Contains(problems, p => p.StartsWith("FractieZetelPersoon 0e7c2f1a-5d55-4c1e-9a2b-3f4e5d6c7b8a: FractieZetel_Id " + Guid.Empty));
        Assert.Contains(problems, p => p.StartsWith("Fractie ") && p.EndsWith("Afkorting ontbreekt."));
        Assert.Equal(0, await CountEvents());
    }

    [Fact]
    public async Task an_upload_the_contact_rules_refuse_halfway_stores_nothing_and_says_which_person()
    {
        await Import("tk-2025");
        var before = await CountEvents();
        // The 2026 changes for Bram, Carla and Daan are fine and are decided first; a new member's name is longer than a
        // contact's may be, so RegisterContact's own validation refuses it.
        var data = OpenData("tk-2026");
        data.AddJson("Persoon-nieuw.json", System.Text.Encoding.UTF8.GetBytes($$"""
            { "@odata.context": "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/$metadata#Persoon",
              "value": [ { "Id": "5a0e8b8e-8f61-4a55-9d3c-7d1b2c3a4e5f", "Roepnaam": "Zeno", "Achternaam": "{{new string('z', 250)}}", "Verwijderd": false } ] }
            """));
        data.AddJson("FractieZetelPersoon-nieuw.json", System.Text.Encoding.UTF8.GetBytes($$"""
            { "@odata.context": "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/$metadata#FractieZetelPersoon",
              "value": [ { "Id": "6b1f9c9f-9072-4b66-8e4d-8e2c3d4b5f60", "FractieZetel_Id": "54011539-fe1c-50c3-a30a-58f74a0c8556",
                           "Persoon_Id": "5a0e8b8e-8f61-4a55-9d3c-7d1b2c3a4e5f", "Van": "2026-03-01T00:00:00+01:00", "Verwijderd": false } ] }
            """));

        var outcome = await Import(data);

        Assert.True(outcome.Refused);
        var problem = Assert.Single(outcome.Problems);
        Assert.StartsWith("Persoon 5a0e8b8e-8f61-4a55-9d3c-7d1b2c3a4e5f (Zeno zzz", problem.Record);
        Assert.Contains("name", problem.Message);
        Assert.Equal(before, await CountEvents());
    }

    [Fact]
    public async Task the_upload_answers_400_naming_the_record_and_only_managers_may_import()
    {
        var bad = await Scenario(x =>
        {
            x.Post.ByteArray("""{"@odata.context": "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/$metadata#Persoon", "value": [{"Achternaam": "Zonder Id"}]}"""u8.ToArray())
                .ToUrl("/api/imports/tk");
            x.WithRequestHeader("Content-Type", "application/json");
            x.StatusCodeShouldBe(400);
        });
        var problem = Read<Refusal>(await bad.ReadAsTextAsync());
        Assert.Equal(new TkProblem("Persoon (upload.json #1)", "Id ontbreekt."), Assert.Single(problem.Problems));
        Assert.Contains("er is niets opgeslagen", problem.Detail);

        var officer = await BearerFor("jan.devries", Roles.Officer);
        await Scenario(x =>
        {
            x.Post.MultipartFormData(Form(Zip("tk-2025"))).ToUrl("/api/imports/tk");
            x.WithRequestHeader("Authorization", officer);
            x.StatusCodeShouldBe(403);
        });
        Assert.Equal(0, await CountEvents());
    }

    private sealed record Refusal(int Status, string Detail, IReadOnlyList<TkProblem> Problems);

    private async Task<ContactView> Kamerlid(string tkPersoonId) =>
        (await Get<List<ContactView>>("/api/contacts?kind=kamerlid")).Single(c => c.TkPersoonId == tkPersoonId);

    private async Task<TkImportResult> Upload(byte[] zip)
    {
        var manager = await BearerFor("mark.manager", Roles.Manager);
        var result = await Scenario(x =>
        {
            x.Post.MultipartFormData(Form(zip)).ToUrl("/api/imports/tk");
            x.WithRequestHeader("Authorization", manager);
            x.StatusCodeShouldBe(200);
        });
        return Read<TkImportResult>(await result.ReadAsTextAsync());
    }

    private static MultipartFormDataContent Form(byte[] zip)
    {
        var file = new ByteArrayContent(zip);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        return new MultipartFormDataContent { { file, "files", "tweedekamer.zip" } };
    }

    private static byte[] Zip(string folder)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var file in Directory.GetFiles(FixturePath(folder), "*.json"))
                zip.CreateEntryFromFile(file, Path.GetFileName(file));
        return buffer.ToArray();
    }

    /// <summary>A fixture folder read file by file, each file's text changed as the test says.</summary>
    private static TkDataSet OpenData(string folder, Func<string, Func<string, string>>? change = null)
    {
        var data = new TkDataSet();
        foreach (var file in Directory.GetFiles(FixturePath(folder), "*.json").Order(StringComparer.Ordinal))
        {
            var entity = Path.GetFileNameWithoutExtension(file);
            var text = (change?.Invoke(entity) ?? (json => json))(File.ReadAllText(file));
            data.AddJson(Path.GetFileName(file), System.Text.Encoding.UTF8.GetBytes(text));
        }
        return data;
    }
}
