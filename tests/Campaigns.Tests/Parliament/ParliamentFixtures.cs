namespace Campaigns.Tests.Parliament;

/// <summary>
/// The hand-written fixtures in Parliament/Fixtures, in the Gegevensmagazijn's OData format. tk-kamer-2026-11: four zaken
/// (motie 29023-612 by Eva Mulder and Bram Jansen on mkb netcapaciteit; motie 29515-1121 by Fatima el Idrissi on
/// rapportageplichten, verworpen on 18 November with votes per fractie; motie 32813-455 by Anne de Boer on nettarieven;
/// schriftelijke vragen by Bram Jansen on wachtlijsten for netaansluitingen), two commissiedebatten (Netcongestie, KGG, 20
/// January 2027; Regeldruk, EZ, 11 February 2027), a rondetafelgesprek (technische vakmensen, EZ, 27 January 2027), the
/// stemmingen of 18 November and a toezegging due 30 June 2027. tk-kamer-2026-12: motie 612 aangenomen on 25 November, the
/// netcongestie debate moved to 3 February 2027, the rondetafelgesprek cancelled.
/// </summary>
public static class ParliamentFixtures
{
    public const string November = "tk-kamer-2026-11", December = "tk-kamer-2026-12";

    public static readonly Guid MotieNetcapaciteit = Guid.Parse("e376c402-c2cd-579c-86ce-0ce01cab838e");
    public static readonly Guid MotieRapportageplicht = Guid.Parse("a8dd9f09-c538-55fc-8587-bedd9bc562c0");
    public static readonly Guid MotieNettarieven = Guid.Parse("a43630f9-d095-56bd-86d0-9f383d114dda");
    public static readonly Guid VragenWachtlijst = Guid.Parse("d79d7259-2f7a-5b22-bc4a-d0c3e869a368");
    public static readonly Guid DebatNetcongestie = Guid.Parse("7af28f26-9a39-5ff5-9e4a-b306fdd4c9ba");
    public static readonly Guid DebatRegeldruk = Guid.Parse("69f04ba1-5607-5475-8ed8-ab2683bf203e");
    public static readonly Guid RondetafelVakmensen = Guid.Parse("b06f1955-c0ac-505c-a4d3-95a6c1863734");
    public static readonly Guid Toezegging = Guid.Parse("3b021ada-5838-549c-b63b-026a5bab899b");

    public const string Eva = "b4632b27-cb4a-5548-adcf-fd511216dd7b", Bram = "01ad531e-e492-5d59-a00c-34cdbb5d1c84";

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Parliament", "Fixtures", name);
}
