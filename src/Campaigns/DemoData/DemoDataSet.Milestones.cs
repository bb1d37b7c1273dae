using Campaigns.Demands;
using Campaigns.Interactions;

namespace Campaigns.DemoData;

/// <summary>
/// The rhythms of the year, written by hand: the election wishes to each party's programme committee, the letters to
/// the outgoing and the new Kamer, more letters to the informateurs, rondetafelgesprekken on netcongestie and
/// vakmensen, the Voorjaarsnota and Prinsjesdag, support from several contacts, two more adoptions, a correction and
/// an e-mail logged on the wrong campaign and retracted.
/// </summary>
public static partial class DemoDataSet
{
    public static Guid BriefNieuweKamer => DemoIds.Interaction("formatie:brief-nieuwe-kamer");
    public static Guid RondetafelVakmensen2026 => DemoIds.Interaction("formatie:rondetafel-vakmensen-2026");
    public static Guid MailVerkeerdeCampagne => DemoIds.Interaction("formatie:mail-smart-industry-verkeerde-campagne");
    public static Guid BriefVoorjaarsnotaBewindslieden => DemoIds.Interaction("formatie:brief-voorjaarsnota-bewindslieden");
    public static Guid BriefMiljoenennota => DemoIds.Interaction("formatie:brief-miljoenennota-2027");

    private static readonly string[] OudeKamer =
        ["veldkamp", "schouten", "dekker", "prins", "wolters", "hofman", "vermeulen", "boersma", "mulder", "kok", "vandenberg", "janssens", "verhoeven"];

    private static readonly string[] NieuweKamerleden =
        ["veldkamp", "bosman", "kloosterman", "schouten", "dekker", "vanleeuwen", "wolters", "hofman", "vermeulen", "boersma", "kok", "vandenberg", "scholten", "janssens", "verhoeven"];

    private static IEnumerable<DemoStep> Milestones() =>
        [.. Programmacommissies(), .. KamerVoorDeVerkiezingen(), .. Informateurs(), .. NieuweKamer(), .. Voorjaarsnota2026(), .. Prinsjesdag2026()];

    /// <summary>The wishes go to every party's programme committee in the weeks after the cabinet fell.</summary>
    private static IEnumerable<DemoStep> Programmacommissies()
    {
        var c = VerkiezingenCampaign;
        Guid[] wensen = [V("IND-1"), V("VAK-1"), V("DUU-1"), V("INN-1"), V("OND-1")];
        string[] themas = ["industriebeleid", "vakmensen", "netcongestie", "innovatie", "regeldruk"];
        (string Key, string Party, DateOnly On, string Line)[] letters =
        [
            ("lammers", "D66", D(2025, 6, 20), "Met nadruk op innovatie: minimaal 3% van het bbp, met een vast deel voor de mkb-maakindustrie."),
            ("dijkstra", "CDA", D(2025, 6, 23), "Met nadruk op familiebedrijven en het behoud van de bedrijfsopvolgingsregeling."),
            ("verbeek", "GroenLinks-PvdA", D(2025, 6, 24), "Met nadruk op netcongestie en een circulaire maakindustrie als kern van het klimaatbeleid."),
            ("hoekstra", "BBB", D(2025, 6, 26), "Met nadruk op regeldruk: een drempelwaarde voor bedrijven tot en met 25 werknemers."),
            ("post", "ChristenUnie", D(2025, 6, 30), "Met nadruk op praktijkleren en een leven lang ontwikkelen voor werkenden."),
            ("deridder", "JA21", D(2025, 7, 2), "Met nadruk op defensieopdrachten voor Nederlandse maakbedrijven en minder regels."),
        ];
        foreach (var (key, party, on, line) in letters)
            yield return Log(Team.PublicAffairs, $"verkiezingen:brief-wensen-{key}", new SendLetter(
                c, [C(key)], themas, wensen,
                $"Verkiezingswensen Koninklijke Metaalunie voor het programma van {party}",
                "De verkiezingswensen van ruim 15.000 mkb-maakbedrijven aangeboden aan de programmacommissie. " + line,
                on, "verkiezingswensen-tk2025", [Helder, Team.PublicAffairs]));

        yield return Log(Team.PublicAffairs, "verkiezingen:gesprek-lammers", new LogMeeting(
            c, [C("lammers")], ["innovatie", "arbeidsproductiviteit"], [V("INN-1"), V("INN-2")],
            "Toelichting innovatiewensen aan de programmacommissie",
            "De wens van 3% van het bbp voor innovatie toegelicht, en waarom een vast deel voor de mkb-maakindustrie nodig is: " +
            "kleine bedrijven vallen nu buiten de grote programma's.",
            "De 3%-ambitie komt in het concept; een vast deel voor het mkb nog niet.", D(2025, 7, 8), "Online (Teams)", null));
        yield return Log(Team.PublicAffairs, "verkiezingen:mail-dijkstra-bor", new LogEmail(
            c, [C("dijkstra")], ["ondernemersklimaat"], [V("OND-2")],
            "Bedrijfsopvolgingsregeling: cijfers familiebedrijven",
            "Cijfers gestuurd over het aantal familiebedrijven onder de leden dat de komende tien jaar wordt overgedragen.",
            D(2025, 7, 9), null, null));
        yield return new RecordSupportStep(Team.PublicAffairs, V("OND-2"), new RecordSupport(
            C("dijkstra"), Stance.Supports, "Het conceptprogramma van het CDA houdt de bedrijfsopvolgingsregeling in stand.", D(2025, 9, 2)));
        yield return new RecordSupportStep(Team.PublicAffairs, V("OND-1"), new RecordSupport(
            C("hoekstra"), Stance.Supports, "Het BBB-programma neemt een lichter regime voor kleine bedrijven over.", D(2025, 9, 4)));
        yield return new RecordSupportStep(Team.PublicAffairs, V("DUU-1"), new RecordSupport(
            C("verbeek"), Stance.Supports, "Het programma vraagt om voorrang voor mkb-bedrijven bij netuitbreiding.", D(2025, 9, 8)));
        yield return new AdoptDemandStep(Team.PublicAffairs, V("INN-1"), new AdoptDemand(
            AdoptionVenue.PartyProgramme, "Verkiezingsprogramma D66 2025, hoofdstuk Kennis en innovatie", true, D(2025, 9, 12),
            "De ambitie van 3% van het bbp voor onderzoek en innovatie staat in het programma; een vast deel voor het mkb niet.",
            [DemoIds.Interaction("verkiezingen:brief-wensen-lammers"), DemoIds.Interaction("verkiezingen:gesprek-lammers")], [C("lammers")]));
    }

    /// <summary>Before the election the sitting Kamerleden get the wishes too, and a rondetafel on vakmensen.</summary>
    private static IEnumerable<DemoStep> KamerVoorDeVerkiezingen()
    {
        var c = VerkiezingenCampaign;
        yield return Log(Team.PublicAffairs, "verkiezingen:brief-woordvoerders", new SendLetter(
            c, [.. OudeKamer.Select(C)], ["industriebeleid", "vakmensen", "netcongestie", "regeldruk"],
            [V("IND-1"), V("VAK-1"), V("DUU-1"), V("OND-1")],
            "Verkiezingswensen van de mkb-maakindustrie",
            "De verkiezingswensen gestuurd aan de woordvoerders economie, onderwijs en energie, met het aanbod om ze voor de " +
            "verkiezingen in een werkbezoek toe te lichten.",
            D(2025, 9, 3), "verkiezingswensen-tk2025", [Helder]));
        yield return Log(Team.Onderwijs, "verkiezingen:rondetafel-vakmensen", new LogHearing(
            c, [C("hofman"), C("kok"), C("schouten")], ["vakmensen"], [V("VAK-1"), V("VAK-3")],
            "Rondetafelgesprek tekort aan technische vakmensen",
            "Ingebracht: de tekorten van tienduizenden vakmensen lopen richting 2030 nauwelijks terug. Gepleit voor een hoger " +
            "bedrag per leerplek in de Subsidieregeling Praktijkleren en voorrang voor opleidingen in tekortsectoren.",
            "Drie fracties vroegen door op de uitbreiding van praktijkleren naar werkenden.", D(2025, 10, 1), "Tweede Kamer, Den Haag",
            [Team.Onderwijs, "Bedrijfsleider van een leerbedrijf uit Helmond"]));
        yield return new RecordSupportStep(Team.Onderwijs, V("VAK-1"), new RecordSupport(
            C("kok"), Stance.Supports, "Steunt uitbreiding van praktijkleren naar werkenden, zei hij tijdens het rondetafelgesprek.", D(2025, 10, 1)));
        yield return new RecordSupportStep(Team.Onderwijs, V("VAK-3"), new RecordSupport(
            C("hofman"), Stance.Neutral, "Wil keuzevrijheid van studenten niet beperken; wel voorrang in de bekostiging bespreekbaar.", D(2025, 10, 1)));
        yield return Log(Team.PublicAffairs, "verkiezingen:gesprek-dekker-werkbezoek", new LogMeeting(
            c, [C("dekker")], ["regeldruk", "ondernemersklimaat"], [V("OND-1"), V("OND-2")],
            "Werkbezoek bij een plaatwerkerij in Nijkerk",
            "Met de directeur-eigenaar door de fabriek gelopen: hoe een bedrijf met achttien medewerkers dezelfde rapportages " +
            "invult als een multinational, en waarom de overdracht aan de volgende generatie van de bor afhangt.",
            "Neemt de drempelwaarde mee in zijn campagne.", D(2025, 10, 10), "Nijkerk", [Team.PublicAffairs, "Directeur-eigenaar van het bezochte lid"]));
    }

    /// <summary>More letters to the informateurs in the formation weeks.</summary>
    private static IEnumerable<DemoStep> Informateurs()
    {
        var c = FormatieCampaign;
        yield return Log(Team.Energie, "formatie:notitie-flextenders", new SendLetter(
            c, [Dijkgraaf], ["netcongestie"], [F("3a")],
            "Notitie flextenders en congestiemanagement voor het mkb",
            "De toegezegde notitie: hoe mkb-maakbedrijven met flexibele bedrijfsprocessen capaciteit op het net kunnen vrijmaken, " +
            "en welke codebesluiten van de ACM daarvoor nodig zijn.", D(2025, 12, 3), "notitie-flextenders-2025", null));
        yield return Log(Team.PublicAffairs, "formatie:brief-tussenstand", new SendLetter(
            c, [Dijkgraaf, VanZwol], ["ondernemersklimaat", "arbeidsproductiviteit"], [F("1a"), F("1b")],
            "Reactie op de tussenstand van de formatie",
            "Gereageerd op de tussenstand: blij met de aandacht voor het verdienvermogen, maar een apart programma " +
            "Ondernemersklimaat en een agenda voor arbeidsproductiviteit ontbreken nog.", D(2025, 12, 11), "brief-tussenstand-2025",
            [Helder, Vonhof]));
        yield return Log(Team.PublicAffairs, "formatie:bel-vanzwol-tussenstand", new LogCall(
            c, [VanZwol], ["ondernemersklimaat"], [F("1a")],
            "Nabellen over de tussenstand",
            "Nagevraagd of de brief over de tussenstand is aangekomen en hoe het programma Ondernemersklimaat aan tafel ligt.",
            "Het programma is nog onderwerp van gesprek; de R&D-ambitie ligt er.", D(2025, 12, 15), null));
        yield return Log(Team.PublicAffairs, "formatie:brief-laatste-oproep", new SendLetter(
            c, [Dijkgraaf, VanZwol], ["ondernemersklimaat", "ketens", "vakmensen"], [F("2b"), F("2d")],
            "Laatste oproep voor het eindverslag: kies voor 'Gemaakt in Nederland!'",
            "Kort voor het eindverslag nog eens de kern: sterke ketens met mkb-toeleveranciers, technische vakmensen en een " +
            "Subsidie Praktijkleren die op peil blijft.", D(2026, 1, 6), "brief-laatste-oproep-2026", [Helder, Vonhof]));
        yield return new RecordSupportStep(Team.PublicAffairs, F("1a"), new RecordSupport(
            C("vandijk"), Stance.Supports, "VNO-NCW vraagt in de eigen formatiebrief om hetzelfde R&D-pad naar 3% van het bbp.", D(2025, 11, 18)));
        yield return new RecordSupportStep(Team.PublicAffairs, F("1b"), new RecordSupport(
            C("claassen"), Stance.Supports, "FME onderschrijft innovatievouchers voor digitalisering en een netwerk van productiviteitscoaches.", D(2025, 11, 24)));
    }

    /// <summary>The new Kamer: an introduction to every woordvoerder, a correction, and a mail logged on the wrong campaign.</summary>
    private static IEnumerable<DemoStep> NieuweKamer()
    {
        var c = FormatieCampaign;
        yield return Log(Team.PublicAffairs, "formatie:brief-nieuwe-kamer", new SendLetter(
            c, [.. NieuweKamerleden.Select(C)], ["ondernemersklimaat", "vakmensen", "netcongestie", "arbeidsproductiviteit"],
            [F("1a"), F("2d"), F("3a")],
            "Kennismaking: de mkb-maakindustrie en de nieuwe Kamer",
            "Kennismakingsbrief aan de woordvoerders economie, onderwijs en energie van de nieuwe Kamer: wie de leden zijn, wat " +
            "zij maken, en de wensen die wij ook aan de informateurs hebben gestuurd.", D(2025, 11, 17), "kennismaking-tk-2025",
            [Helder, Team.PublicAffairs]));
        yield return new CorrectInteractionStep(Team.PublicAffairs, BriefNieuweKamer, new CorrectInteraction(
            null, null, null, null, null, null, null, null, [F("1a"), F("2b"), F("2d"), F("3a")], null,
            "Bijlage over de bekostiging van technische mbo-opleidingen (2b) zat ook bij de brief."));
        yield return new RecordSupportStep(Team.Energie, F("3a"), new RecordSupport(
            Kloosterman, Stance.Supports, "Zegt steun toe voor voorrang voor het mkb bij congestiemanagement.", D(2026, 1, 13)));
        yield return new RecordSupportStep(Team.Onderwijs, F("2b"), new RecordSupport(
            C("bosman"), Stance.Supports, "Wil de bekostiging van technische mbo-opleidingen in de begroting regelen.", D(2025, 12, 16)));
        yield return new RecordSupportStep(Team.Onderwijs, F("2c"), new RecordSupport(
            C("hofman"), Stance.Supports, "Steunt structurele samenwerking tussen mbo en bedrijfsvakscholen voor Leven Lang Ontwikkelen.", D(2025, 12, 16)));
        yield return new RecordSupportStep(Team.PublicAffairs, F("1c"), new RecordSupport(
            C("janssens"), Stance.Neutral, "Ziet meer in een publieke investeringsbank dan in een garantieregeling via de huisbank.", D(2026, 1, 21)));
        yield return new RecordSupportStep(Team.Energie, F("3b"), new RecordSupport(
            C("wolters"), Stance.Supports, "Wil proeftuinen voor circulaire producten in het klimaatbeleid opnemen.", D(2026, 2, 4)));
        yield return new RecordSupportStep(Team.Energie, F("3a"), new RecordSupport(
            C("verstappen"), Stance.Supports, "De provincie vraagt het Rijk om dezelfde voorrang voor bedrijventerreinen.", D(2026, 2, 12)));

        // Logged on the formation campaign by mistake, retracted, and logged again where it belongs.
        yield return Log(Team.DemoOfficer, "formatie:mail-smart-industry-verkeerde-campagne", new LogEmail(
            c, [Kuipers], ["innovatie"], [],
            "Smart Industry-fieldlabs in 2026",
            "Gevraagd welke fieldlabs in 2026 doorlopen en of er een nieuwe oproep komt.", D(2026, 2, 17), null, null));
        yield return new RetractInteractionStep(Team.DemoOfficer, MailVerkeerdeCampagne,
            new RetractInteraction("Hoort bij de campagne IndustrieVisie 2021; daar opnieuw vastgelegd."));
        yield return Log(Team.DemoOfficer, "industrievisie:mail-smart-industry-2026", new LogEmail(
            IndustrieVisieCampaign, [Kuipers], ["innovatie"], [I("INN-2")],
            "Smart Industry-fieldlabs in 2026",
            "Gevraagd welke fieldlabs in 2026 doorlopen en of er een nieuwe oproep komt.", D(2026, 2, 17), null, null));
    }

    /// <summary>Around the Voorjaarsnota: letters to the new bewindslieden, a rondetafel on vakmensen, meetings with Kamerleden.</summary>
    private static IEnumerable<DemoStep> Voorjaarsnota2026()
    {
        var c = FormatieCampaign;
        yield return Log(Team.PublicAffairs, "formatie:brief-voorjaarsnota-bewindslieden", new SendLetter(
            c, [Veldkamp, Schouten], ["arbeidsproductiviteit", "vakmensen"], [F("1a"), F("1b"), F("2d")],
            "Inbreng voor de Voorjaarsnota 2026",
            "Aan de minister van Economische Zaken en de staatssecretaris van OCW: een financieel groeipad naar 3% van het bbp, " +
            "innovatievouchers voor digitalisering en een budget voor praktijkleren dat meegroeit met het aantal leerlingen.",
            D(2026, 3, 24), "inbreng-voorjaarsnota-2026", [Helder, Team.PublicAffairs]));
        yield return Log(Team.Energie, "formatie:rondetafel-netcongestie-2026", new LogHearing(
            c, [Kloosterman, C("vanleeuwen"), C("wolters"), C("hoogland")], ["netcongestie"], [F("3a"), F("3b")],
            "Rondetafelgesprek netcongestie: een jaar later",
            "Ingebracht dat de wachtrij voor aansluitingen op bedrijventerreinen nog steeds groeit, dat de motie over " +
            "congestiemanagement uitvoering verdient, en dat regionale energiehubs sneller ruimte geven.",
            "De commissie vraagt de minister om een voortgangsbrief voor de zomer.", D(2026, 3, 18), "Tweede Kamer, Den Haag",
            [Team.Energie, "Voorzitter van een ondernemersvereniging in Gelderland"]));
        yield return Log(Team.Onderwijs, "formatie:rondetafel-vakmensen-2026", new LogHearing(
            c, [C("bosman"), C("hofman"), C("kok"), C("boon")], ["vakmensen", "arbeidsproductiviteit"], [F("2b"), F("2c"), F("2d")],
            "Rondetafelgesprek technische vakmensen en Leven Lang Ontwikkelen",
            "Samen met het OOM de cijfers over bbl-leerplekken in de metaal gepresenteerd, en gepleit voor één regionale " +
            "toegangspoort voor zij-instromers en werkenden.",
            "De Kamer vraagt de staatssecretaris om een reactie op de regionale toegangspoort.", D(2026, 5, 20), "Tweede Kamer, Den Haag", null));
        yield return Log(Team.PublicAffairs, "formatie:gesprek-minister-ez", new LogMeeting(
            c, [Veldkamp], ["arbeidsproductiviteit", "industriebeleid"], [F("1a"), F("1b")],
            "Kennismaking met de minister van Economische Zaken",
            "Eerste gesprek met de minister in zijn nieuwe rol: het programma Ondernemersklimaat, het R&D-pad en de rol van " +
            "mkb-toeleveranciers in het industriebeleid.",
            "De minister wil een werkbezoek bij een toeleverancier in Brainport.", D(2026, 4, 21), "Ministerie van Economische Zaken, Den Haag",
            [Helder, Team.PublicAffairs]));
        yield return new AdoptDemandStep(Team.Onderwijs, I("AM-1"), new AdoptDemand(
            AdoptionVenue.Budget, "Voorjaarsnota 2026", true, D(2026, 6, 2),
            "Het budget voor praktijkleren stijgt, maar blijft onder de EUR 400 miljoen uit de IndustrieVisie.",
            [DemoIds.Interaction("formatie:gesprek-voorjaarsnota"), BriefVoorjaarsnotaBewindslieden], [Jansen, Schouten]));
    }

    /// <summary>Prinsjesdag 2026: the Miljoenennota, the begroting 2027, and an adoption in it.</summary>
    private static IEnumerable<DemoStep> Prinsjesdag2026()
    {
        var c = FormatieCampaign;
        yield return Log(Team.PublicAffairs, "formatie:brief-miljoenennota-2027", new SendLetter(
            c, [Kloosterman, C("bosman"), C("dekker"), C("vanleeuwen"), C("scholten")],
            ["arbeidsproductiviteit", "vakmensen", "netcongestie"], [F("1a"), F("2a"), F("3a")],
            "Reactie op de Miljoenennota 2027",
            "Onze reactie op Prinsjesdag: Sterk Techniekonderwijs wordt structureel, maar het R&D-pad naar 3% van het bbp " +
            "ontbreekt en netuitbreiding blijft achter bij wat bedrijventerreinen nodig hebben.",
            D(2026, 9, 17), "reactie-miljoenennota-2027", [Helder]));
        yield return new AdoptDemandStep(Team.Onderwijs, F("2a"), new AdoptDemand(
            AdoptionVenue.Budget, "Begroting OCW 2027", true, D(2026, 9, 15),
            "Sterk Techniekonderwijs wordt structureel gefinancierd; Techniek Havo is nog niet uitgebreid.",
            [DemoIds.Interaction("formatie:brief-begroting-2027"), RondetafelVakmensen2026], [Schouten, C("bosman")]));
        yield return Log(Team.PublicAffairs, "formatie:gesprek-kloosterman-begroting", new LogMeeting(
            c, [Kloosterman], ["arbeidsproductiviteit", "industriebeleid"], [F("1a")],
            "Begrotingsbehandeling Economische Zaken",
            "Voorbereiding van de begrotingsbehandeling: een amendement voor het R&D-pad besproken en voorbeelden van leden " +
            "die investeringen in automatisering uitstellen.",
            "Dient een amendement in als de coalitiepartners meegaan.", D(2026, 10, 8), "Tweede Kamer, Den Haag", null));
    }
}
