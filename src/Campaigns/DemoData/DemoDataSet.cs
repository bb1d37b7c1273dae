using Campaigns.Campaigns;
using Campaigns.Contacts;
using Campaigns.Demands;
using Campaigns.Themes;

namespace Campaigns.DemoData;

/// <summary>
/// The demo data set: the public-affairs work of Koninklijke Metaalunie, built from the documents in
/// <c>/work/shared/seeds</c> (see DemoData/README.md). Themes, campaigns and demands take the documents' own wording;
/// the year of interactions, the officials and the outcomes are plausible illustrations, not a record of what happened.
/// Contacts carry no e-mail address or phone number: personal details in the documents are not copied.
/// </summary>
public static partial class DemoDataSet
{
    /// <summary>Members of the public-affairs team (user names: Jan de Vries, public affairs; Anouk Bakker and Pieter Smit, policy secretaries for education and energy); each step is done, and its events signed, by one of them.</summary>
    public static class Team
    {
        public const string PublicAffairs = "jan.devries";
        public const string Onderwijs = "anouk.bakker";
        public const string Energie = "pieter.smit";

        /// <summary>The demo accounts printed at first start: an officer and a manager with work of their own.</summary>
        public const string DemoOfficer = "demo.medewerker";
        public const string DemoManager = "demo.manager";
    }

    public const string Formatie = "formatie";
    public const string Verkiezingen = "verkiezingen-2025";
    public const string IndustrieVisie = "industrievisie-2021";

    public static Guid FormatieCampaign => DemoIds.Campaign(Formatie);
    public static Guid VerkiezingenCampaign => DemoIds.Campaign(Verkiezingen);
    public static Guid IndustrieVisieCampaign => DemoIds.Campaign(IndustrieVisie);

    public static Guid F(string code) => DemoIds.Demand(Formatie, code);
    public static Guid V(string code) => DemoIds.Demand(Verkiezingen, code);
    public static Guid I(string code) => DemoIds.Demand(IndustrieVisie, code);

    /// <summary>
    /// The demo set as it is seeded on <paramref name="today"/>: the same day gives the same steps. The fixed calendar
    /// (see <see cref="DemoCalendar"/>) comes first; the routine weeks and the follow-ups run up to today.
    /// </summary>
    public static IReadOnlyList<DemoStep> For(DateOnly today)
    {
        if (today < DemoCalendar.FixedUntil)
            throw new ArgumentOutOfRangeException(nameof(today), today, $"The demo set's calendar runs to {DemoCalendar.FixedUntil:yyyy-MM-dd}; check the clock.");
        var timeline = Chronological([.. Timeline(), .. Routine(today)]);
        return [.. Themes(), .. Contacts(), .. CampaignSteps(), .. Demands(), .. timeline, .. FollowUps(timeline, today)];
    }

    /// <summary>The set as seeded on a fixed day, for readers that want its texts and shape rather than today's dates.</summary>
    public static IReadOnlyList<DemoStep> Steps => For(ReferenceDay);

    public static readonly DateOnly ReferenceDay = new(2026, 12, 1);

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static IEnumerable<DemoStep> Themes()
    {
        (string Slug, string Label)[] themes =
        [
            ("ondernemersklimaat", "Ondernemersklimaat"),
            ("ketens", "Versterken van ketens"),
            ("arbeidsproductiviteit", "Arbeidsproductiviteit: procesinnovatie om het mkb-peloton mee te krijgen"),
            ("vakmensen", "Technische vakmensen"),
            ("netcongestie", "Duurzaam ondernemen: netcongestie en energie-infrastructuur"),
            ("regeldruk", "Regeldruk: think small first"),
            ("innovatie", "Innovatie: slim produceren moet je stimuleren"),
            ("energietransitie", "Energietransitie: rekening eerlijk verdelen"),
            ("industriebeleid", "Sectoraal industriebeleid"),
            ("europa", "Europa: exportbevordering met sterke Europese focus"),
        ];
        return themes.Select(t => new AddThemeStep(Team.PublicAffairs, new AddTheme(t.Slug, t.Label)));
    }

    private static IEnumerable<DemoStep> CampaignSteps()
    {
        yield return new StartCampaignStep(Team.PublicAffairs, IndustrieVisieCampaign, new StartCampaign(
            "IndustrieVisie 2021",
            "Met de MKB-maakindustrie investerend de crisis uit: een gedegen industriebeleid voor een stimulerend " +
            "ondernemersklimaat, met een focus op het mkb, onafhankelijk van welke regering het voor het zeggen heeft.",
            D(2021, 3, 1), null,
            ["regeldruk", "innovatie", "vakmensen", "energietransitie", "ondernemersklimaat", "europa", "industriebeleid"]));

        yield return new StartCampaignStep(Team.PublicAffairs, VerkiezingenCampaign, new StartCampaign(
            "Tweede Kamerverkiezingen 29 oktober 2025",
            "De wensen van ruim 15.000 mkb-maakbedrijven in de verkiezingsprogramma's: de mkb-maakindustrie als motor " +
            "voor welvaart en strategische onafhankelijkheid. Zet in op 'Gemaakt in Nederland!'",
            D(2025, 6, 10), D(2025, 10, 29),
            ["industriebeleid", "arbeidsproductiviteit", "vakmensen", "netcongestie", "innovatie", "regeldruk", "ondernemersklimaat", "ketens"]));

        yield return new StartCampaignStep(Team.PublicAffairs, FormatieCampaign, new StartCampaign(
            "Kabinetsformatie: Gemaakt in Nederland!",
            "Kies voor een sterke MKB-maakindustrie, kies voor 'Gemaakt in Nederland!': de wensen en oplossingen van de " +
            "MKB-maakindustrie (Koninklijke Metaalunie en MKB-Nederland) in het coalitieakkoord, met een apart programma " +
            "Ondernemersklimaat en een agenda voor arbeidsproductiviteit, technische vakmensen en duurzaam ondernemen.",
            D(2025, 11, 3), D(2026, 12, 31),
            ["ondernemersklimaat", "ketens", "arbeidsproductiviteit", "vakmensen", "netcongestie", "regeldruk", "innovatie", "industriebeleid"]));
    }

    private static IEnumerable<DemoStep> Demands() => [.. FormatieDemands(), .. VerkiezingenDemands(), .. IndustrieVisieDemands()];

    private static FormulateDemandStep Demand(
        string campaignKey, string code, string theme, string text, string? target, string source, DateOnly formulatedOn) =>
        new(Team.PublicAffairs, DemoIds.Campaign(campaignKey), DemoIds.Demand(campaignKey, code),
            new FormulateDemand(theme, text, code, target, source, formulatedOn));

    /// <summary>The numbered solutions of the letter to the informateurs (000_*.txt).</summary>
    private static IEnumerable<FormulateDemandStep> FormatieDemands()
    {
        const string source = "Brief MKB-maakindustrie aan de informateurs Dijkgraaf en Van Zwol";
        var on = D(2025, 11, 5);
        FormulateDemandStep Wish(string code, string theme, string text, string? target) =>
            Demand(Formatie, code, theme, text, target, source, on);

        yield return Wish("1a", "arbeidsproductiviteit",
            "Verhoog de innovatiebudgetten voor onderzoek en ontwikkeling in lijn met onze internationale concurrenten, " +
            "om te komen tot de doelstelling van 3% van het bbp. De middelen voor het Groeifonds zijn daarin een belangrijke bouwsteen.",
            "R&D-uitgaven 3% van het bbp");
        yield return Wish("1b", "arbeidsproductiviteit",
            "Maak innovatiestimulering beter bereikbaar voor MKB-maakbedrijven en zet in op procesinnovatie: digitalisering " +
            "naar een Smart Industry, met eenmalige innovatievouchers voor digitalisering, steun voor Kennis- en Innovatiecentra, " +
            "sterkere regionale ondernemersloketten en een landelijk netwerk van productiviteitscoaches.",
            "Innovatievouchers voor digitalisering en een landelijk netwerk van productiviteitscoaches");
        yield return Wish("1c", "arbeidsproductiviteit",
            "Los knelpunten rond de financiering van software-innovaties op door een kredietgarantieregeling op te zetten " +
            "en bestaande garantieregelingen aan te passen.",
            "Kredietgarantieregeling voor software-innovaties");
        yield return Wish("2a", "vakmensen",
            "Blijf investeren in de kwaliteit van techniekonderwijs op po en vo: breid Sterk Techniek Onderwijs uit, voer het " +
            "structureel uit en zet meer in op Techniek Havo als springplank naar het beroepsonderwijs.",
            "Sterk Techniek Onderwijs structureel en uitgebreid");
        yield return Wish("2b", "vakmensen",
            "Investeer extra in de bekostiging van de technische mbo-opleidingen, zodat die recht doet aan de hogere kosten " +
            "van deze opleidingen en aan de maatschappelijke behoefte aan praktisch geschoolde technische vakmensen " +
            "(Kansrijk en doelmatig opleiden).",
            "Hogere bekostiging van technische mbo-opleidingen");
        yield return Wish("2c", "vakmensen",
            "Veranker stevige samenwerking tussen beroepsonderwijs en de regionale/bedrijfstakscholen om eindelijk resultaten " +
            "te behalen op Leven Lang Ontwikkelen (LLO), zodat werknemers bij digitalisering en automatisering up-to-date blijven.",
            null);
        yield return Wish("2d", "vakmensen",
            "Investeer in de bbl-route voor initieel onderwijs, zij-instroom, Leven Lang Ontwikkelen en het terugdringen van " +
            "voortijdig schoolverlaten, en verhoog de Subsidie Praktijkleren (SPL): een bedrijf investeert gemiddeld " +
            "EUR 12.000 in een bbl-student tegen een maximale vergoeding van EUR 2.700 per leerling. Zorg dat die " +
            "tegemoetkoming op peil blijft, ook als er meer bbl-studenten komen.",
            "Subsidie Praktijkleren minimaal EUR 2.700 per student, ook bij meer bbl-studenten");
        yield return Wish("2e", "vakmensen",
            "Neem als overheid een rol in het aanbod van opleidingen in mbo, hbo en wellicht ook wo: te veel studenten worden " +
            "opgeleid in opleidingen met een slecht arbeidsmarktperspectief. Pas het aanbod aan met behoud van keuzevrijheid.",
            null);
        yield return Wish("2f", "vakmensen",
            "Ontwikkel gericht beleid om kennismigranten naar Nederland te halen, met een gericht toelatingsbeleid voor " +
            "vakkrachten van buiten de EU (vakkrachtenregeling).",
            "Vakkrachtenregeling voor technische vakkrachten van buiten de EU");
        yield return Wish("3a", "netcongestie",
            "Los netcongestie met spoed op: investeer fors extra in kabels en trafo's, zet in de tussentijd vol in op " +
            "congestiemanagement en flextenders (codebesluiten van de ACM, invoering van de Energiewet) en zorg dat de slimme " +
            "oplossingen van mkb'ers voor flexibele bedrijfsprocessen meer bekendheid krijgen.",
            "Extra investeringen in kabels en trafo's; codebesluiten ACM en Energiewet met spoed");
        yield return Wish("3b", "netcongestie",
            "Investeer structureel in een circulaire maakindustrie: maak circulariteit onderdeel van het klimaatbeleid en richt " +
            "proeftuinen op voor producten die hun waarde blijven behouden. Van woord naar daad.",
            null);
        yield return Wish("3c", "netcongestie",
            "Koppel circulariteit aan een grondstoffenstrategie om strategisch onafhankelijker te worden: beschikbaarheid van " +
            "(vooral gerecyclede) grondstoffen, substituten voor schaarse materialen, waardebehoud van producten en hoogwaardige " +
            "recycling. Steun de koplopers in ketensamenwerking voor een circulaire maakindustrie.",
            null);
    }

    /// <summary>The wishes for the party programmes of the 29 October 2025 elections (003_*.txt).</summary>
    private static IEnumerable<FormulateDemandStep> VerkiezingenDemands()
    {
        const string source = "Verkiezingswensen Koninklijke Metaalunie, Tweede Kamerverkiezingen 2025";
        var on = D(2025, 6, 12);
        FormulateDemandStep Wish(string code, string theme, string text, string? target) =>
            Demand(Verkiezingen, code, theme, text, target, source, on);

        yield return Wish("IND-1", "industriebeleid",
            "Ontwikkel een sectoraal industriebeleid en koester sterke ketens: richt het industriebeleid in op markten in plaats " +
            "van alleen technologieën, naar het voorbeeld van Project Beethoven, met focus op chips & halfgeleiders, agro, zorg, " +
            "energie en defensie.",
            null);
        yield return Wish("IND-2", "arbeidsproductiviteit",
            "Maak arbeidsproductiviteit het speerpunt van het industriebeleid: zet de 1,5%-ruimte in de 5% navo-norm in voor het " +
            "opschalen van arbeidsproductiviteitsprogramma's, met een Defensie Arbeidsproductiviteitsagenda.",
            "1,5%-ruimte in de navo-norm voor arbeidsproductiviteitsprogramma's");
        yield return Wish("IND-3", "industriebeleid",
            "Geef Economische Zaken weer de centrale regie op het industriebeleid, met doorzettingsmacht. Ontwikkel voor Defensie " +
            "een overheidsmarktprogramma waarin investeringen aan arbeidsproductiviteit worden gekoppeld en in Nederland terechtkomen.",
            "Meer dan de huidige 20% van de defensieopdrachten naar Nederlandse maakbedrijven");
        yield return Wish("VAK-1", "vakmensen",
            "Praktijkleren verdient blijvende steun: verhoog het subsidiebedrag per leerplek van de Subsidieregeling Praktijkleren, " +
            "geef langjarige zekerheid en breid de regeling uit naar werkenden.",
            "Hoger bedrag per leerplek, langjarige zekerheid en uitbreiding naar werkenden");
        yield return Wish("VAK-2", "vakmensen",
            "Leg techniek en digitale vaardigheden vast in het curriculum voor po en vo en breid Sterk Techniekonderwijs, " +
            "Techkwadraat en Techhavo uit met landelijke dekking.",
            null);
        yield return Wish("VAK-3", "vakmensen",
            "Maak macrodoelmatigheid (Kansrijk Opleiden) leidend in onderwijsaanbod en bekostiging: opleidingen die leiden tot " +
            "werk in tekortsectoren, zoals techniek en ict, krijgen voorrang.",
            null);
        yield return Wish("DUU-1", "netcongestie",
            "Breng de energie-infrastructuur op orde: naast extra investeringen in kabels, trafo's en onderstations slimmer " +
            "netgebruik (flexibelere inzet van veiligheidsmarges), ontkoppeling van energie-investeringen en stikstofregels, en " +
            "leren van succesvolle regionale initiatieven op bedrijventerreinen.",
            null);
        yield return Wish("DUU-2", "netcongestie",
            "Maak de circulaire economie kernpunt van het klimaat- en grondstoffenbeleid en koppel haar aan de Nationale " +
            "Grondstoffenstrategie, zodat Nederland minder afhankelijk wordt van kritieke grondstoffen uit het buitenland.",
            null);
        yield return Wish("INN-1", "innovatie",
            "Investeer in de toekomst van Nederland: minimaal 3% van het bbp aan innovatie, met een vast deel voor de mkb-maakindustrie.",
            "Minimaal 3% van het bbp aan innovatie");
        yield return Wish("INN-2", "arbeidsproductiviteit",
            "Werk beleid voor hogere arbeidsproductiviteit van de mkb-maakindustrie uit in een Arbeidsproductiviteitsprogramma " +
            "met duidelijke tijdslijnen, planning en een concrete uitvoering dicht bij de bedrijven.",
            null);
        yield return Wish("INN-3", "innovatie",
            "Kredietgarantie voor digitalisering: een commercieel krediet via de huisbank met overheidsdekking, omdat banken " +
            "krediet voor software vaak weigeren bij gebrek aan onderpand.",
            "Kredietgarantieregeling voor digitalisering");
        yield return Wish("OND-1", "regeldruk",
            "Maak echt werk van vermindering van regeldruk: voer in de regeldrukaanpak een drempelwaarde in voor het kleine mkb " +
            "tot en met 25 werknemers, waaronder geen of lichtere wettelijke eisen gelden, bij nieuwe en bestaande wetgeving.",
            "Drempelwaarde tot en met 25 werknemers");
        yield return Wish("OND-2", "ondernemersklimaat",
            "Behoud de Bedrijfsopvolgingsregeling (bor), essentieel voor de continuïteit van familiebedrijven, met eventueel " +
            "enkele aanpassingen om misbruik tegen te gaan.",
            null);
        yield return Wish("OND-3", "ondernemersklimaat",
            "Landelijke regie op ruimte voor bedrijventerreinen: voer het Nationaal Programma Ruimte voor Economie uit en " +
            "bewaak de ruimte voor werklocaties en bedrijventerreinen.",
            null);
    }

    /// <summary>The position paper's points per theme (001_*.txt).</summary>
    private static IEnumerable<FormulateDemandStep> IndustrieVisieDemands()
    {
        const string source = "IndustrieVisie 2021, Koninklijke Metaalunie";
        var on = D(2021, 3, 1);
        FormulateDemandStep Wish(string code, string theme, string text, string? target) =>
            Demand(IndustrieVisie, code, theme, text, target, source, on);

        yield return Wish("RD-1", "regeldruk",
            "Think small first: zorg voor eenduidige regels die goed door het mkb te hanteren zijn en handhaaf die. " +
            "Inzet van de MKB-toets hoort standaard te zijn.",
            "MKB-toets standaard bij nieuwe regelgeving");
        yield return Wish("RD-2", "regeldruk",
            "Zorg dat Nederlandse regels aansluiten op de Europese, zodat er een gelijk speelveld in Europa ontstaat; " +
            "voorkom achterstand door eigen strengere regels.",
            null);
        yield return Wish("INN-1", "innovatie",
            "Stimuleer procesinnovatie, bijvoorbeeld met een voucherprogramma gericht op implementatie van bestaande kennis.",
            "Voucherprogramma voor procesinnovatie");
        yield return Wish("INN-2", "innovatie",
            "Blijf het programma Smart Industry ondersteunen: het stimuleert en begeleidt nieuwe ontwikkelingen bij MKB-maakbedrijven.",
            null);
        yield return Wish("AM-1", "vakmensen",
            "Er is meer overheidsgeld nodig om de opleidingskosten van de bbl en het productiviteitsverlies van bedrijven te " +
            "compenseren: verdubbel het overheidsbudget voor de Subsidie Praktijkleren naar EUR 400 miljoen.",
            "Budget Subsidie Praktijkleren EUR 400 miljoen");
        yield return Wish("AM-2", "vakmensen",
            "Haal de extra hoge ww-premie voor werkgevers die in het eerste jaar een contract voor bepaalde tijd aanbieden " +
            "van tafel; stimuleer werkgevers om werknemers aan te nemen en maak inlenen duurder.",
            null);
        yield return Wish("AM-3", "ondernemersklimaat",
            "Hanteer een uurloongrens voor zzp'ers, bijvoorbeeld EUR 36: daaronder is werknemerschap het uitgangspunt, " +
            "daarboven ondernemerschap.",
            "Uurloongrens zzp van ongeveer EUR 36");
        yield return Wish("ET-1", "energietransitie",
            "Verdeel de rekening van de energietransitie eerlijk: het mkb betaalt relatief veel energiebelasting en " +
            "Opslag Duurzame Energie.",
            null);
        yield return Wish("ET-2", "energietransitie",
            "Zorg voor een level playing field in de energietransitie: overweeg een CO2-heffing aan de Europese grens voor " +
            "goederen die binnen Europa worden gebruikt.",
            "CO2-heffing aan de Europese grens");
        yield return Wish("OND-1", "ondernemersklimaat",
            "Beloon zelfstandig ondernemerschap bij herziening van het fiscale systeem, in het bijzonder de positie van de " +
            "directeur-grootaandeelhouder die voor eigen rekening en risico onderneemt.",
            null);
        yield return Wish("EU-1", "europa",
            "Exportbevordering van de overheid moet een sterke focus op Europa hebben; ondersteun bedrijven beter bij het " +
            "verwerven van Europese subsidies en garantstellingen en bij deelname aan Europese programma's.",
            null);
        yield return Wish("EU-2", "europa",
            "Compenseer verplichte overheidsaanbestedingen die buiten Nederland vallen door opdrachten in Nederland, en voorkom " +
            "nationale wetgeving binnen de EU die protectionisme in de hand werkt.",
            null);
    }
}
