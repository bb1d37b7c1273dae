using Campaigns.Contacts;

namespace Campaigns.DemoData;

/// <summary>
/// A contact of the demo set: who they are, the roles they held, and the themes the team talks to them about (which the
/// routine weeks use to pick a plausible person). Invented people and organisations' staff, except the names the
/// documents give in their public role (the informateurs, the Kamerlid of the note on industrial policy).
/// </summary>
public sealed record DemoContact(
    string Key, string Name, ContactKind Kind, string Organisation, DateOnly From, string Notes, string[] Themes)
{
    public Guid Id => DemoIds.Contact(Key);

    /// <summary>A new role from a date on: a Kamerlid who becomes minister, an official who moves to another ministry.</summary>
    public (DateOnly On, ContactKind Kind, string Organisation)? Change { get; init; }

    /// <summary>The last role ends without a new one: an informateur's task is done, a Kamerlid is not re-elected.</summary>
    public (DateOnly On, string Reason)? End { get; init; }

    /// <summary>Where a meeting with them usually takes place.</summary>
    public string? Location { get; init; }

    public (ContactKind Kind, string Organisation)? RoleOn(DateOnly day)
    {
        if (day < From || End is { } end && day >= end.On) return null;
        return Change is { } change && day >= change.On ? (change.Kind, change.Organisation) : (Kind, Organisation);
    }
}

public static partial class DemoDataSet
{
    private static readonly DateOnly KamerTot2025 = new(2023, 12, 6);
    private static readonly DateOnly NieuweKamerOn = DemoCalendar.NewKamerInstalled;
    private const string Kamer = "Tweede Kamer, Den Haag";

    /// <summary>Sixty people: Kamerleden of twelve fracties, ministry officials, journalists, allies, and the informateurs.</summary>
    public static IReadOnlyList<DemoContact> ContactList { get; } =
    [
        // The documents' own names, in the role the documents give them.
        new("dijkgraaf", "Dijkgraaf", ContactKind.Informateur, "Kabinetsformatie", new(2025, 11, 4),
            "Informateur. Geadresseerde van de brief 'wensen en oplossingen MKB-maakindustrie voor kabinetsformatie'.", [])
        {
            End = (DemoCalendar.InformateursDone, "Informatieopdracht afgerond; eindverslag uitgebracht."), Location = "Den Haag"
        },
        new("vanzwol", "Van Zwol", ContactKind.Informateur, "Kabinetsformatie", new(2025, 11, 4),
            "Informateur. Geadresseerde van de brief 'wensen en oplossingen MKB-maakindustrie voor kabinetsformatie'.", [])
        {
            End = (DemoCalendar.InformateursDone, "Informatieopdracht afgerond; eindverslag uitgebracht."), Location = "Den Haag"
        },
        new("amhaouch", "Mustafa Amhaouch", ContactKind.Kamerlid, "CDA", new(2021, 3, 31),
            "Schreef in oktober 2022 een notitie over industriepolitiek: regionale, waardengedreven industriepolitiek " +
            "met aandacht voor MKB-toeleveranciers, R&D, vakmensen en strategische autonomie.", [])
        {
            End = (KamerTot2025, "Keerde na de verkiezingen van 2023 niet terug in de Kamer.")
        },

        // Kamerleden: the Kamer until the election, and the one installed after it.
        new("veldkamp", "Sander Veldkamp", ContactKind.Kamerlid, "D66", KamerTot2025,
            "Woordvoerder economische zaken en innovatie.", ["innovatie", "arbeidsproductiviteit", "industriebeleid"])
        {
            Change = (DemoCalendar.CabinetSwornIn, ContactKind.Minister, "Ministerie van Economische Zaken"), Location = Kamer
        },
        new("bosman", "Ilse Bosman", ContactKind.Kamerlid, "D66", NieuweKamerOn,
            "Woordvoerder mbo en beroepsonderwijs; nieuw in de Kamer sinds november 2025.", ["vakmensen", "arbeidsproductiviteit"])
        { Location = Kamer },
        new("kloosterman", "Maarten Kloosterman", ContactKind.Kamerlid, "CDA", NieuweKamerOn,
            "Woordvoerder economie en energie; kent de maakindustrie uit de eigen regio (Achterhoek).",
            ["netcongestie", "industriebeleid", "ketens", "ondernemersklimaat"])
        { Location = Kamer },
        new("schouten", "Evelien Schouten", ContactKind.Kamerlid, "CDA", KamerTot2025,
            "Woordvoerder onderwijs en arbeidsmarkt.", ["vakmensen", "regeldruk"])
        {
            Change = (DemoCalendar.CabinetSwornIn, ContactKind.Staatssecretaris, "Ministerie van OCW"), Location = Kamer
        },
        new("dekker", "Rutger Dekker", ContactKind.Kamerlid, "VVD", KamerTot2025,
            "Woordvoerder ondernemerschap en regeldruk.", ["regeldruk", "ondernemersklimaat", "europa"])
        { Location = Kamer },
        new("vanleeuwen", "Floor van Leeuwen", ContactKind.Kamerlid, "VVD", NieuweKamerOn,
            "Woordvoerder energie en klimaat; nieuw in de Kamer sinds november 2025.", ["netcongestie", "energietransitie"])
        { Location = Kamer },
        new("prins", "Dirk Prins", ContactKind.Kamerlid, "VVD", KamerTot2025,
            "Woordvoerder defensie-industrie.", ["industriebeleid", "ketens"])
        {
            End = (NieuweKamerOn, "Niet herkozen bij de verkiezingen van 29 oktober 2025."), Location = Kamer
        },
        new("wolters", "Jeroen Wolters", ContactKind.Kamerlid, "GroenLinks-PvdA", KamerTot2025,
            "Woordvoerder energie, netbeheer en circulaire economie.", ["netcongestie", "energietransitie"])
        { Location = Kamer },
        new("hofman", "Merel Hofman", ContactKind.Kamerlid, "GroenLinks-PvdA", KamerTot2025,
            "Woordvoerder mbo, Leven Lang Ontwikkelen en arbeidsmarkt.", ["vakmensen"])
        { Location = Kamer },
        new("vermeulen", "Henk Vermeulen", ContactKind.Kamerlid, "PVV", KamerTot2025,
            "Woordvoerder economische zaken en mkb.", ["ondernemersklimaat", "energietransitie", "regeldruk"])
        { Location = Kamer },
        new("boersma", "Wim Boersma", ContactKind.Kamerlid, "BBB", KamerTot2025,
            "Woordvoerder ondernemerschap en regionale economie.", ["regeldruk", "ondernemersklimaat", "netcongestie"])
        { Location = Kamer },
        new("mulder", "Karin Mulder", ContactKind.Kamerlid, "NSC", KamerTot2025,
            "Woordvoerder economische zaken en industriebeleid.", ["industriebeleid", "innovatie"])
        {
            End = (NieuweKamerOn, "Niet herkozen bij de verkiezingen van 29 oktober 2025."), Location = Kamer
        },
        new("kok", "Gert-Jan Kok", ContactKind.Kamerlid, "ChristenUnie", KamerTot2025,
            "Woordvoerder onderwijs en arbeidsmarkt; bezocht in 2024 een bedrijfsvakschool.", ["vakmensen", "ondernemersklimaat"])
        { Location = Kamer },
        new("vandenberg", "Arie van den Berg", ContactKind.Kamerlid, "SGP", KamerTot2025,
            "Woordvoerder economie, familiebedrijven en fiscaliteit.", ["ondernemersklimaat", "regeldruk"])
        { Location = Kamer },
        new("scholten", "Tim Scholten", ContactKind.Kamerlid, "JA21", NieuweKamerOn,
            "Woordvoerder economie en defensie; nieuw in de Kamer sinds november 2025.", ["industriebeleid", "regeldruk", "ketens"])
        { Location = Kamer },
        new("janssens", "Lieke Janssens", ContactKind.Kamerlid, "SP", KamerTot2025,
            "Woordvoerder werk, vakmanschap en energierekening.", ["vakmensen", "energietransitie"])
        { Location = Kamer },
        new("verhoeven", "Noor Verhoeven", ContactKind.Kamerlid, "Volt", KamerTot2025,
            "Woordvoerder Europese zaken en innovatie.", ["europa", "innovatie"])
        { Location = Kamer },

        // Fractiemedewerkers.
        new("hendriks", "Lotte Hendriks", ContactKind.Fractiemedewerker, "CDA-fractie Tweede Kamer", new(2023, 12, 6),
            "Fractiemedewerker economische zaken en onderwijs; betrokken bij het verkiezingsprogramma.",
            ["ondernemersklimaat", "vakmensen", "industriebeleid"])
        { Location = Kamer },
        new("koster", "Yara Koster", ContactKind.Fractiemedewerker, "D66-fractie Tweede Kamer", new(2024, 2, 1),
            "Beleidsmedewerker economie en innovatie.", ["innovatie", "arbeidsproductiviteit", "europa"])
        { Location = Kamer },
        new("vandam", "Joris van Dam", ContactKind.Fractiemedewerker, "VVD-fractie Tweede Kamer", new(2022, 9, 1),
            "Beleidsmedewerker economische zaken.", ["regeldruk", "ondernemersklimaat", "industriebeleid"])
        { Location = Kamer },
        new("smits", "Fleur Smits", ContactKind.Fractiemedewerker, "GroenLinks-PvdA-fractie Tweede Kamer", new(2024, 1, 15),
            "Beleidsmedewerker klimaat en energie.", ["netcongestie", "energietransitie"])
        { Location = Kamer },

        // Party programme committees, before the election.
        new("meijer", "Daan Meijer", ContactKind.Other, "Programmacommissie VVD", new(2025, 6, 10),
            "Secretaris van de programmacommissie voor de Tweede Kamerverkiezingen 2025.", ["industriebeleid", "regeldruk"])
        { End = (DemoCalendar.ProgrammesDone, "Verkiezingsprogramma vastgesteld; de commissie is klaar.") },
        new("lammers", "Esther Lammers", ContactKind.Other, "Programmacommissie D66", new(2025, 6, 10),
            "Secretaris van de programmacommissie.", ["innovatie", "vakmensen"])
        { End = (DemoCalendar.ProgrammesDone, "Verkiezingsprogramma vastgesteld; de commissie is klaar.") },
        new("dijkstra", "Frank Dijkstra", ContactKind.Other, "Programmacommissie CDA", new(2025, 6, 10),
            "Lid van de programmacommissie, verantwoordelijk voor het hoofdstuk economie.", ["ondernemersklimaat", "industriebeleid"])
        { End = (DemoCalendar.ProgrammesDone, "Verkiezingsprogramma vastgesteld; de commissie is klaar.") },
        new("verbeek", "Roos Verbeek", ContactKind.Other, "Programmacommissie GroenLinks-PvdA", new(2025, 6, 10),
            "Secretaris van de programmacommissie.", ["netcongestie", "vakmensen"])
        { End = (DemoCalendar.ProgrammesDone, "Verkiezingsprogramma vastgesteld; de commissie is klaar.") },
        new("hoekstra", "Gerrit Hoekstra", ContactKind.Other, "Programmacommissie BBB", new(2025, 6, 10),
            "Lid van de programmacommissie.", ["regeldruk", "ondernemersklimaat"])
        { End = (DemoCalendar.ProgrammesDone, "Verkiezingsprogramma vastgesteld; de commissie is klaar.") },
        new("post", "Hans Post", ContactKind.Other, "Programmacommissie ChristenUnie", new(2025, 6, 10),
            "Secretaris van de programmacommissie.", ["vakmensen", "ondernemersklimaat"])
        { End = (DemoCalendar.ProgrammesDone, "Verkiezingsprogramma vastgesteld; de commissie is klaar.") },
        new("deridder", "Marco de Ridder", ContactKind.Other, "Programmacommissie JA21", new(2025, 6, 10),
            "Lid van de programmacommissie.", ["regeldruk", "industriebeleid"])
        { End = (DemoCalendar.ProgrammesDone, "Verkiezingsprogramma vastgesteld; de commissie is klaar.") },

        // Ministry officials and executive agencies.
        new("deboer", "Femke de Boer", ContactKind.Ambtenaar, "Ministerie van Economische Zaken", new(2023, 9, 1),
            "Beleidsmedewerker industriebeleid en regeldruk.", ["industriebeleid", "regeldruk", "ondernemersklimaat", "ketens"])
        { Location = "Ministerie van Economische Zaken, Den Haag" },
        new("kuipers", "Bas Kuipers", ContactKind.Ambtenaar, "Ministerie van Economische Zaken", new(2022, 2, 1),
            "Beleidsadviseur innovatie en mkb-financiering (Smart Industry, garantieregelingen).", ["innovatie", "arbeidsproductiviteit"])
        {
            Change = (new DateOnly(2026, 5, 1), ContactKind.Ambtenaar, "Ministerie van Defensie"),
            Location = "Den Haag"
        },
        new("jansen", "Ruben Jansen", ContactKind.Ambtenaar, "Ministerie van OCW", new(2021, 6, 1),
            "Beleidsmedewerker mbo en praktijkleren (Subsidieregeling Praktijkleren).", ["vakmensen"])
        { Location = "Ministerie van OCW, Den Haag" },
        new("visser", "Sanne Visser", ContactKind.Ambtenaar, "Ministerie van Klimaat en Groene Groei", new(2024, 7, 2),
            "Beleidsmedewerker netcongestie en energie-infrastructuur.", ["netcongestie", "energietransitie"])
        { Location = "Ministerie van Klimaat en Groene Groei, Den Haag" },
        new("wijnands", "Marloes Wijnands", ContactKind.Ambtenaar, "Ministerie van Financiën", new(2022, 11, 1),
            "Fiscaal beleidsmedewerker: bedrijfsopvolgingsregeling, energiebelasting.", ["ondernemersklimaat", "energietransitie"])
        { Location = "Ministerie van Financiën, Den Haag" },
        new("hermans", "Koen Hermans", ContactKind.Ambtenaar, "Ministerie van SZW", new(2023, 3, 1),
            "Beleidsmedewerker arbeidsmarkt, Leven Lang Ontwikkelen en arbeidsmigratie.", ["vakmensen", "arbeidsproductiviteit"])
        { Location = "Ministerie van SZW, Den Haag" },
        new("brinkman", "Eline Brinkman", ContactKind.Ambtenaar, "Adviescollege Toetsing Regeldruk", new(2024, 4, 1),
            "Adviseur; toetst voorstellen op regeldruk voor het mkb.", ["regeldruk"])
        { Location = "Den Haag" },
        new("groen", "Stefan Groen", ContactKind.Ambtenaar, "Ministerie van Defensie", new(2024, 9, 1),
            "Beleidsmedewerker defensie-industriestrategie en toeleveranciers.", ["industriebeleid", "ketens", "europa"])
        { Location = "Ministerie van Defensie, Den Haag" },
        new("peeters", "Laura Peeters", ContactKind.Ambtenaar, "Ministerie van Infrastructuur en Waterstaat", new(2023, 5, 1),
            "Programma circulaire economie en grondstoffenstrategie.", ["netcongestie", "ketens", "energietransitie"])
        { Location = "Den Haag" },
        new("rietveld", "Jasper Rietveld", ContactKind.Ambtenaar, "Ministerie van Volkshuisvesting en Ruimtelijke Ordening", new(2024, 8, 1),
            "Programma Ruimte voor Economie: bedrijventerreinen en werklocaties.", ["ondernemersklimaat", "netcongestie"])
        { Location = "Den Haag" },
        new("kuiper", "Mirjam Kuiper", ContactKind.Ambtenaar, "Rijksdienst voor Ondernemend Nederland", new(2022, 1, 1),
            "Uitvoering van subsidieregelingen, waaronder praktijkleren en innovatievouchers.", ["vakmensen", "innovatie"])
        { Location = "Utrecht" },
        new("lubbers", "Petra Lubbers", ContactKind.Ambtenaar, "Ministerie van OCW", new(2023, 1, 1),
            "Beleidsmedewerker techniek in po en vo (Sterk Techniekonderwijs).", ["vakmensen"])
        { Location = "Ministerie van OCW, Den Haag" },
        new("verhagen", "Tom Verhagen", ContactKind.Ambtenaar, "Ministerie van Buitenlandse Zaken", new(2024, 3, 1),
            "Handelsbevordering en Europese programma's voor het mkb.", ["europa", "innovatie"])
        { Location = "Den Haag" },

        // Journalists.
        new("kramer", "Eva Kramer", ContactKind.Journalist, "Het Financieele Dagblad", new(2022, 6, 1),
            "Verslaggever industrie en mkb.", ["industriebeleid", "netcongestie", "ondernemersklimaat", "innovatie"]),
        new("martens", "Joost Martens", ContactKind.Journalist, "BNR Nieuwsradio", new(2023, 2, 1),
            "Redacteur economie; belt vaak voor een reactie op de dag zelf.", ["netcongestie", "vakmensen", "regeldruk", "energietransitie"]),
        new("vink", "Sjoerd Vink", ContactKind.Journalist, "Tubantia", new(2024, 5, 1),
            "Regionaal verslaggever economie in Twente en de Achterhoek.", ["vakmensen", "netcongestie", "ketens"]),
        new("dewit", "Maartje de Wit", ContactKind.Journalist, "EW", new(2024, 9, 1),
            "Schrijft over ondernemerschap en de politiek in Den Haag.", ["ondernemersklimaat", "regeldruk", "europa", "arbeidsproductiviteit"]),

        // Allies: associations we share positions with.
        new("timmermans", "Reineke Timmermans", ContactKind.Ally, "MKB-Nederland", new(2020, 1, 1),
            "Contactpersoon bij MKB-Nederland, medeondertekenaar van de brief aan de informateurs.",
            ["regeldruk", "vakmensen", "netcongestie", "ondernemersklimaat"])
        { Location = "Malietoren, Den Haag" },
        new("vandijk", "Erik van Dijk", ContactKind.Ally, "VNO-NCW", new(2021, 1, 1),
            "Beleidsadviseur industrie en innovatie.", ["industriebeleid", "innovatie", "europa", "energietransitie"])
        { Location = "Malietoren, Den Haag" },
        new("claassen", "Sabine Claassen", ContactKind.Ally, "FME", new(2022, 3, 1),
            "Public affairs FME, de ondernemersorganisatie voor de technologische industrie.", ["industriebeleid", "ketens", "arbeidsproductiviteit"])
        { Location = "Zoetermeer" },
        new("rijnders", "Hugo Rijnders", ContactKind.Ally, "Techniek Nederland", new(2023, 4, 1),
            "Beleidsadviseur onderwijs en arbeidsmarkt.", ["vakmensen", "netcongestie"])
        { Location = "Gouda" },
        new("boon", "Anne-Marie Boon", ContactKind.Ally, "OOM", new(2021, 9, 1),
            "Opleidings- en Ontwikkelingsfonds Metaalbewerking: cijfers over bbl-leerplekken en opleidingen in de sector.",
            ["vakmensen", "arbeidsproductiviteit"])
        { Location = "Nieuwegein" },

        // Others: the grid and the regions.
        new("hoogland", "Gijs Hoogland", ContactKind.Other, "Netbeheer Nederland", new(2023, 10, 1),
            "Adviseur netcapaciteit en congestiemanagement.", ["netcongestie"])
        { Location = "Den Haag" },
        new("bleeker", "Thomas Bleeker", ContactKind.Other, "Ministerie van Economische Zaken", DemoCalendar.CabinetSwornIn,
            "Politiek assistent van de minister van Economische Zaken.", ["industriebeleid", "arbeidsproductiviteit", "innovatie"])
        { Location = "Ministerie van Economische Zaken, Den Haag" },
        new("rutten", "Kees Rutten", ContactKind.Other, "Brainport Development", new(2022, 5, 1),
            "Programmamanager toeleveranciers in de hightechketen rond Eindhoven.", ["ketens", "industriebeleid", "arbeidsproductiviteit"])
        { Location = "Eindhoven" },
        new("bos", "Arjan Bos", ContactKind.Ambtenaar, "Ministerie van Economische Zaken", new(2025, 3, 1),
            "Directie Ondernemerschap: bedrijfsfinanciering en de regeldrukaanpak.", ["regeldruk", "innovatie", "ondernemersklimaat"])
        { Location = "Ministerie van Economische Zaken, Den Haag" },
        new("hartman", "Nina Hartman", ContactKind.Ally, "evofenedex", new(2023, 8, 1),
            "Beleidsadviseur internationale handel en ketens.", ["europa", "ketens"])
        { Location = "Zoetermeer" },
        new("wouters", "Ingrid Wouters", ContactKind.Journalist, "NOS", new(2024, 1, 1),
            "Economieredactie; maakt items over netcongestie en personeelstekorten.", ["netcongestie", "vakmensen", "industriebeleid"]),
        new("verstappen", "Marja Verstappen", ContactKind.Other, "Provincie Gelderland", new(2023, 6, 1),
            "Gedeputeerde economie; trekt de regionale aanpak netcongestie op bedrijventerreinen.", ["netcongestie", "ondernemersklimaat", "ketens"])
        { Location = "Arnhem" },
    ];

    public static Guid Amhaouch => DemoIds.Contact("amhaouch");
    public static Guid Dijkgraaf => DemoIds.Contact("dijkgraaf");
    public static Guid VanZwol => DemoIds.Contact("vanzwol");
    public static Guid Timmermans => DemoIds.Contact("timmermans");
    public static Guid DeBoer => DemoIds.Contact("deboer");
    public static Guid Kuipers => DemoIds.Contact("kuipers");
    public static Guid Jansen => DemoIds.Contact("jansen");
    public static Guid Visser => DemoIds.Contact("visser");
    public static Guid Hendriks => DemoIds.Contact("hendriks");
    public static Guid Meijer => DemoIds.Contact("meijer");
    /// <summary>The CDA's woordvoerder economie in the new Kamer: the motion on congestiemanagement is his.</summary>
    public static Guid Kloosterman => DemoIds.Contact("kloosterman");
    public static Guid Veldkamp => DemoIds.Contact("veldkamp");
    public static Guid Schouten => DemoIds.Contact("schouten");

    private static Guid C(string key) => DemoIds.Contact(key);

    private static IEnumerable<DemoStep> Contacts()
    {
        foreach (var c in ContactList)
            yield return new RegisterContactStep(Team.PublicAffairs, c.Id,
                new RegisterContact(c.Name, c.Kind, c.Organisation, null, null, c.Notes, c.From));
        foreach (var c in ContactList.Where(c => c.Change is not null))
            yield return new ChangeContactRoleStep(Team.PublicAffairs, c.Id,
                new ChangeContactRole(c.Change!.Value.Kind, c.Change.Value.Organisation, c.Change.Value.On));
        foreach (var c in ContactList.Where(c => c.End is not null))
            yield return new EndContactRoleStep(Team.PublicAffairs, c.Id, new EndContactRole(c.End!.Value.On, c.End.Value.Reason));
    }
}
