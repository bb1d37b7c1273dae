using Campaigns.Campaigns;
using Campaigns.Contacts;
using Campaigns.Demands;
using Campaigns.Interactions;

namespace Campaigns.DemoData;

/// <summary>
/// A year and a half of lobbying, January 2025 to October 2026, in the order the team recorded it: letters, meetings,
/// calls, e-mails and rondetafelgesprekken, with one corrected meeting, one letter logged twice and retracted,
/// support, adoptions, a rejection and a withdrawal.
/// </summary>
public static partial class DemoDataSet
{
    private const string Helder = "Mark Helder (voorzitter Koninklijke Metaalunie)";
    private const string Vonhof = "Jacco Vonhof (voorzitter MKB-Nederland)";

    // Interactions that later steps point at (correction, retraction, credits).
    public static Guid BriefInformateurs => DemoIds.Interaction("formatie:brief-informateurs");
    public static Guid GesprekVanZwol => DemoIds.Interaction("formatie:gesprek-vanzwol");
    public static Guid GesprekDijkgraaf => DemoIds.Interaction("formatie:gesprek-dijkgraaf");
    public static Guid BelDeBoerInnovatie => DemoIds.Interaction("formatie:bel-deboer-innovatie");
    public static Guid RondetafelArbeidsmarkt => DemoIds.Interaction("formatie:rondetafel-arbeidsmarkt");
    public static Guid GesprekMotieCongestie => DemoIds.Interaction("formatie:gesprek-motie-congestie");
    public static Guid MailUitwerkingSpl => DemoIds.Interaction("formatie:mail-uitwerking-spl");
    public static Guid GesprekVoorjaarsnota => DemoIds.Interaction("formatie:gesprek-voorjaarsnota");
    public static Guid RondetafelNetcongestie => DemoIds.Interaction("verkiezingen:rondetafel-netcongestie");
    public static Guid BriefVerkiezingswensen => DemoIds.Interaction("verkiezingen:brief-wensen");
    public static Guid BriefVerkiezingswensenDubbel => DemoIds.Interaction("verkiezingen:brief-wensen-dubbel");

    private static LogInteractionStep Log(string actor, string key, ILogInteraction command) =>
        new(actor, DemoIds.Interaction(key), command);

    private static IEnumerable<DemoStep> Timeline() =>
        [.. IndustrieVisieVoorjaar2025(), .. Verkiezingen2025(), .. Formatieperiode(), .. Uitvoering2026(), .. Milestones()];

    /// <summary>The standing position paper keeps the team busy before the cabinet falls.</summary>
    private static IEnumerable<DemoStep> IndustrieVisieVoorjaar2025()
    {
        var c = IndustrieVisieCampaign;

        yield return Log(Team.PublicAffairs, "industrievisie:gesprek-deboer", new LogMeeting(
            c, [DeBoer], ["regeldruk", "industriebeleid"], [I("RD-1"), I("INN-1")],
            "Kennismaking industriebeleid en de MKB-toets",
            "Kennismaking met de nieuwe beleidsmedewerker. Toegelicht dat 99% van de bedrijven minder dan 50 werknemers heeft " +
            "en dat de MKB-toets standaard hoort te zijn bij nieuwe regelgeving.",
            "Stuurt de planning van de regeldrukagenda door.", D(2025, 1, 16), "Ministerie van Economische Zaken, Den Haag", null));
        yield return Log(Team.PublicAffairs, "industrievisie:mail-kuipers-smart-industry", new LogEmail(
            c, [Kuipers], ["innovatie"], [I("INN-2")],
            "Smart Industry na 2025",
            "Gevraagd naar de middelen voor het programma Smart Industry en de fieldlabs na 2025; voorbeelden van leden " +
            "meegestuurd die via een fieldlab hun productie automatiseerden.", D(2025, 1, 28), null, null));
        yield return Log(Team.Onderwijs, "industrievisie:bel-jansen-spl", new LogCall(
            c, [Jansen], ["vakmensen"], [I("AM-1")],
            "Budget Subsidieregeling Praktijkleren 2026",
            "Besproken dat het budget voor praktijkleren bij meer bbl-leerlingen per leerling daalt. Gevraagd naar de " +
            "ramingen voor 2026.",
            "Ramingen volgen na de Voorjaarsnota.", D(2025, 2, 11), null));
        yield return Log(Team.Energie, "industrievisie:brief-energieheffingen", new SendLetter(
            c, [Visser], ["energietransitie"], [I("ET-1"), I("ET-2")],
            "Energieheffingen voor het mkb",
            "Brief over de verdeling van de rekening van de energietransitie: het mkb betaalt relatief veel energiebelasting. " +
            "Gevraagd om een level playing field, met een CO2-heffing aan de Europese grens als sluitstuk.",
            D(2025, 2, 25), "brief-energieheffingen-2025", null));
        yield return Log(Team.PublicAffairs, "industrievisie:rondetafel-regeldruk", new LogHearing(
            c, [C("dekker"), Hendriks], ["regeldruk", "europa"], [I("RD-1"), I("RD-2")],
            "Rondetafelgesprek regeldruk voor het mkb",
            "Position paper ingebracht: think small first, eenduidige regels, MKB-toets standaard en geen nationale koppen " +
            "op Europese regels.",
            "Meerdere Kamerleden vroegen door op de MKB-toets.", D(2025, 3, 12), "Tweede Kamer, Den Haag", null));
        yield return Log(Team.PublicAffairs, "industrievisie:gesprek-timmermans-regeldruk", new LogMeeting(
            c, [Timmermans], ["regeldruk"], [I("RD-1")],
            "Afstemming regeldrukagenda met MKB-Nederland",
            "Gezamenlijke lijst van regeldrukknelpunten bijgewerkt; MKB-Nederland neemt de MKB-toets op in haar inbreng.",
            "Gezamenlijke inbreng voor de zomer.", D(2025, 3, 20), "Den Haag", null));
        yield return Log(Team.Onderwijs, "industrievisie:mail-jansen-bbl-cijfers", new LogEmail(
            c, [Jansen], ["vakmensen"], [I("AM-1")],
            "Cijfers bbl-leerplekken in de metaal",
            "Cijfers van het opleidingsfonds OOM over bbl-leerplekken bij leden gestuurd, als onderbouwing voor een hoger " +
            "budget voor praktijkleren.", D(2025, 4, 8), null, null));
        yield return Log(Team.PublicAffairs, "industrievisie:gesprek-mulder", new LogMeeting(
            c, [C("mulder")], ["innovatie", "europa", "industriebeleid"], [I("INN-2"), I("EU-2")],
            "Industriepolitiek en de MKB-maakindustrie",
            "De notitie over industriepolitiek van oud-Kamerlid Amhaouch (oktober 2022) en de IndustrieVisie naast elkaar " +
            "gelegd: overeenstemming over Smart Industry-fieldlabs, aanbestedingen en de rol van MKB-toeleveranciers.",
            "Wil voorbeelden van leden voor een volgend debat.", D(2025, 4, 24), "Tweede Kamer, Den Haag", null));
        yield return Log(Team.PublicAffairs, "industrievisie:bel-kuipers-vouchers", new LogCall(
            c, [Kuipers], ["innovatie"], [I("INN-1")],
            "Innovatievouchers voor procesinnovatie",
            "Besproken of een voucherprogramma voor implementatie van bestaande kennis in de regeling voor het mkb past.",
            null, D(2025, 5, 15), null));
        yield return Log(Team.PublicAffairs, "industrievisie:brief-aanbesteden", new SendLetter(
            c, [DeBoer], ["europa"], [I("EU-1"), I("EU-2")],
            "Europese aanbestedingen en exportbevordering",
            "Brief over exportbevordering met een sterke Europese focus en over compensatie van aanbestedingen die buiten " +
            "Nederland vallen.", D(2025, 6, 5), "brief-aanbesteden-2025", null));
    }

    /// <summary>The cabinet falls; the wishes go to the party programmes for 29 October 2025.</summary>
    private static IEnumerable<DemoStep> Verkiezingen2025()
    {
        var c = VerkiezingenCampaign;
        Guid[] alleWensen =
        [
            V("IND-1"), V("IND-2"), V("IND-3"), V("VAK-1"), V("VAK-2"), V("VAK-3"), V("DUU-1"), V("DUU-2"),
            V("INN-1"), V("INN-2"), V("INN-3"), V("OND-1"), V("OND-2"), V("OND-3")
        ];
        string[] alleThemas = ["industriebeleid", "arbeidsproductiviteit", "vakmensen", "netcongestie", "innovatie", "regeldruk", "ondernemersklimaat"];

        yield return Log(Team.PublicAffairs, "verkiezingen:brief-wensen", new SendLetter(
            c, [Meijer, Hendriks], alleThemas, alleWensen,
            "Verkiezingswensen Koninklijke Metaalunie voor uw verkiezingsprogramma",
            "De wensen van ruim 15.000 mkb-maakbedrijven voor de verkiezingsprogramma's: sectoraal industriebeleid, " +
            "vakmensen, duurzaamheid, innovatie en ondernemersklimaat. Aangeboden om ze in een gesprek toe te lichten.",
            D(2025, 6, 19), "verkiezingswensen-tk2025", [Helder, Team.PublicAffairs]));
        // The same letter, logged a second time by a colleague who did not see the first entry.
        yield return Log(Team.Onderwijs, "verkiezingen:brief-wensen-dubbel", new SendLetter(
            c, [Meijer, Hendriks], alleThemas, alleWensen,
            "Verkiezingswensen Koninklijke Metaalunie voor uw verkiezingsprogramma",
            "Brief met onze verkiezingswensen verstuurd aan de programmacommissies.",
            D(2025, 6, 19), "verkiezingswensen-tk2025", [Helder]));
        yield return new RetractInteractionStep(Team.Onderwijs, BriefVerkiezingswensenDubbel,
            new RetractInteraction("Dubbel ingevoerd: deze brief is al vastgelegd door Jan de Vries."));

        yield return Log(Team.PublicAffairs, "verkiezingen:gesprek-meijer", new LogMeeting(
            c, [Meijer], ["industriebeleid", "regeldruk"], [V("IND-1"), V("IND-3"), V("OND-1")],
            "Toelichting wensen industriebeleid en regeldruk",
            "Sectoraal industriebeleid, regie voor Economische Zaken en de drempelwaarde van 25 werknemers toegelicht. " +
            "Slechts 20% van de defensieopdrachten gaat nu naar Nederlandse maakbedrijven.",
            "Legt de drempelwaarde voor aan de programmacommissie.", D(2025, 7, 3), "Den Haag", null));
        yield return Log(Team.PublicAffairs, "verkiezingen:bel-hendriks-bor", new LogCall(
            c, [Hendriks], ["ondernemersklimaat"], [V("OND-2")],
            "Bedrijfsopvolgingsregeling in het verkiezingsprogramma",
            "Het belang van de bor voor familiebedrijven in de maakindustrie toegelicht.",
            "Behoud van de bor staat in het conceptprogramma.", D(2025, 7, 10), null));
        yield return new RecordSupportStep(Team.PublicAffairs, V("OND-2"), new RecordSupport(
            Hendriks, Stance.Supports, "Behoud van de bedrijfsopvolgingsregeling staat in het conceptverkiezingsprogramma.", D(2025, 7, 10)));
        yield return Log(Team.Onderwijs, "verkiezingen:mail-hendriks-tekstvoorstellen", new LogEmail(
            c, [Hendriks], ["vakmensen"], [V("VAK-1"), V("VAK-2")],
            "Tekstvoorstellen praktijkleren en techniek in het curriculum",
            "Tekstvoorstellen gestuurd voor de Subsidieregeling Praktijkleren (hoger bedrag per leerplek, langjarige " +
            "zekerheid) en voor techniek en digitale vaardigheden in het curriculum van po en vo.",
            D(2025, 8, 27), "tekstvoorstellen-programma-2025", null));
        yield return new WithdrawDemandStep(Team.PublicAffairs, I("AM-3"), new CloseDemand(D(2025, 9, 1),
            "De uurloongrens van EUR 36 uit 2021 is achterhaald; het standpunt over zzp'ers wordt herijkt."));
        yield return Log(Team.PublicAffairs, "verkiezingen:gesprek-timmermans", new LogMeeting(
            c, [Timmermans], ["netcongestie", "innovatie"], [V("DUU-1"), V("INN-3")],
            "Gezamenlijke inzet MKB-Nederland en Metaalunie na de verkiezingen",
            "Afgesproken om na de verkiezingen samen op te trekken richting de informateurs, met netcongestie en " +
            "financiering van digitalisering als gezamenlijke punten.",
            "Gezamenlijke brief aan de informateurs na de verkiezingen.", D(2025, 9, 9), "Den Haag", null));
        yield return Log(Team.Energie, "verkiezingen:rondetafel-netcongestie", new LogHearing(
            c, [Visser, C("wolters")], ["netcongestie", "ondernemersklimaat"], [V("DUU-1"), V("OND-3")],
            "Rondetafelgesprek netcongestie en bedrijventerreinen",
            "Ingebracht: veel leden kunnen niet uitbreiden of verduurzamen door netcongestie. Gepleit voor slimmer " +
            "netgebruik en landelijke regie op ruimte voor bedrijventerreinen.",
            "Congestiemanagement voor het mkb kwam terug in de vragen van de Kamer.", D(2025, 9, 23), "Tweede Kamer, Den Haag", null));
        yield return Log(Team.PublicAffairs, "verkiezingen:brief-defensie", new SendLetter(
            c, [C("prins")], ["industriebeleid", "arbeidsproductiviteit", "ketens"], [V("IND-3"), V("IND-2")],
            "Defensieopdrachten naar Nederlandse maakbedrijven",
            "Brief over een overheidsmarktprogramma voor Defensie en over de 1,5%-ruimte in de navo-norm voor " +
            "arbeidsproductiviteitsprogramma's.", D(2025, 10, 7), "brief-defensie-2025", null));
        yield return Log(Team.PublicAffairs, "verkiezingen:bel-meijer-drempel", new LogCall(
            c, [Meijer], ["regeldruk"], [V("OND-1")],
            "Reactie op het conceptprogramma: drempelwaarde regeldruk",
            "Gereageerd op het conceptverkiezingsprogramma; de drempelwaarde voor het kleine mkb is overgenomen.",
            null, D(2025, 10, 15), null));
        yield return new RecordSupportStep(Team.PublicAffairs, V("OND-1"), new RecordSupport(
            Meijer, Stance.Supports, "Drempelwaarde voor het kleine mkb opgenomen in het conceptverkiezingsprogramma.", D(2025, 10, 15)));
        yield return new CloseCampaignStep(Team.PublicAffairs, c, new CloseCampaign(D(2025, 11, 14),
            "De verkiezingen zijn geweest; de wensen lopen door in de campagne 'Kabinetsformatie: Gemaakt in Nederland!'."));
    }

    /// <summary>The letter to the informateurs and the months of formation that follow.</summary>
    private static IEnumerable<DemoStep> Formatieperiode()
    {
        var c = FormatieCampaign;

        yield return Log(Team.PublicAffairs, "formatie:brief-informateurs", new SendLetter(
            c, [Dijkgraaf, VanZwol],
            ["ondernemersklimaat", "ketens", "arbeidsproductiviteit", "vakmensen", "netcongestie"],
            [F("1a"), F("1b"), F("1c"), F("2a"), F("2b"), F("2c"), F("2d"), F("2e"), F("2f"), F("3a"), F("3b"), F("3c")],
            "Wensen en oplossingen MKB-maakindustrie voor kabinetsformatie",
            "Brief van Koninklijke Metaalunie en MKB-Nederland: maak van Ondernemersklimaat een apart programma, denk in " +
            "het versterken van ketens, en de oplossingen 1a tot en met 3c voor arbeidsproductiviteit, technische vakmensen " +
            "en duurzaam ondernemen. Aangeboden om de wensen in een persoonlijk gesprek toe te lichten.",
            D(2025, 11, 10), "brief-informateurs-2025", [Helder, Vonhof, Team.PublicAffairs]));
        yield return new RecordSupportStep(Team.PublicAffairs, F("2d"), new RecordSupport(
            Timmermans, Stance.Supports, "MKB-Nederland staat achter de brief aan de informateurs.", D(2025, 11, 10)));
        yield return new RecordSupportStep(Team.PublicAffairs, F("3a"), new RecordSupport(
            Timmermans, Stance.Supports, "MKB-Nederland staat achter de brief aan de informateurs.", D(2025, 11, 10)));

        foreach (var step in AmhaouchNote()) yield return step;

        yield return Log(Team.PublicAffairs, "formatie:mail-timmermans", new LogEmail(
            c, [Timmermans], ["vakmensen", "netcongestie"], [F("2d"), F("3a")],
            "Verzonden brief aan de informateurs en vervolgafspraken",
            "De verzonden brief gedeeld en afgesproken wie welke gesprekken met de informateurs voorbereidt.",
            D(2025, 11, 12), "brief-informateurs-2025", null));
        yield return Log(Team.Onderwijs, "formatie:gesprek-vanzwol", new LogMeeting(
            c, [VanZwol], ["vakmensen"], [F("2a"), F("2b"), F("2d")],
            "Gesprek over praktijkleren en technische vakmensen",
            "Toegelicht dat een bedrijf gemiddeld EUR 12.000 investeert in een bbl-student tegen een maximale vergoeding " +
            "van EUR 2.700, en dat die tegemoetkoming bij meer bbl-studenten daalt.",
            "Neemt de ondergrens van EUR 2.700 per student mee naar de onderhandelingen.", D(2025, 11, 20), "Den Haag",
            [Team.Onderwijs, Team.PublicAffairs]));
        yield return new CorrectInteractionStep(Team.Onderwijs, GesprekVanZwol, new CorrectInteraction(
            null, null, null, null, null, D(2025, 11, 21), null, null, [F("2a"), F("2b"), F("2c"), F("2d")], null,
            "Datum verkeerd overgenomen uit de agenda; Leven Lang Ontwikkelen (2c) kwam ook aan bod."));
        yield return Log(Team.Energie, "formatie:gesprek-dijkgraaf", new LogMeeting(
            c, [Dijkgraaf], ["netcongestie"], [F("3a"), F("3b"), F("3c")],
            "Netcongestie en circulaire maakindustrie",
            "Netcongestie als nationale crisis besproken: extra investeringen in kabels en trafo's, congestiemanagement en " +
            "flextenders. Daarnaast circulariteit gekoppeld aan een grondstoffenstrategie.",
            "Vraagt om een korte notitie over flextenders voor het mkb.", D(2025, 11, 26), "Den Haag",
            [Team.Energie, Team.PublicAffairs]));
        yield return Log(Team.PublicAffairs, "formatie:bel-deboer-innovatie", new LogCall(
            c, [DeBoer], ["arbeidsproductiviteit", "ondernemersklimaat"], [F("1a"), F("1b")],
            "Programma Ondernemersklimaat en innovatiebudgetten",
            "Gepolst hoe een integraal programma Ondernemersklimaat eruit kan zien en hoe de R&D-doelstelling van 3% van het " +
            "bbp in de formatiestukken staat.",
            "Het ministerie levert een doorrekening van het R&D-pad aan de formatietafel.", D(2025, 12, 2), null));
        yield return Log(Team.PublicAffairs, "formatie:mail-kuipers-krediet", new LogEmail(
            c, [Kuipers], ["arbeidsproductiviteit", "innovatie"], [F("1c")],
            "Kredietgarantie voor software-innovaties",
            "Voorstel gestuurd voor een kredietgarantieregeling voor software-innovaties en aanpassing van bestaande " +
            "garantieregelingen.", D(2025, 12, 9), null, null));
        yield return new RecordSupportStep(Team.PublicAffairs, F("1c"), new RecordSupport(
            Kuipers, Stance.Opposes, "Ziet de bestaande borgstellingsregeling voor het mkb als toereikend; geen aparte garantie voor software.",
            D(2025, 12, 11)));
        yield return Log(Team.Onderwijs, "formatie:rondetafel-arbeidsmarkt", new LogHearing(
            c, [Jansen, C("hofman"), C("bosman")], ["vakmensen"], [F("2b"), F("2d"), F("2e")],
            "Rondetafelgesprek arbeidsmarkt en technisch beroepsonderwijs",
            "Ingebracht: het tekort van ruim 60.000 technische vakmensen, de bekostiging van technische mbo-opleidingen en " +
            "een vaste ondergrens voor de Subsidie Praktijkleren.",
            "De SPL-ondergrens kwam terug in de vragen van de Kamer.", D(2025, 12, 16), "Tweede Kamer, Den Haag", null));
        yield return new RecordSupportStep(Team.Onderwijs, F("2d"), new RecordSupport(
            Jansen, Stance.Neutral, "Ambtelijk neutraal: de hoogte van de Subsidie Praktijkleren is een politieke keuze.", D(2025, 12, 16)));
        yield return Log(Team.PublicAffairs, "formatie:brief-kennismigranten", new SendLetter(
            c, [Dijkgraaf, VanZwol], ["vakmensen"], [F("2f")],
            "Aanvulling: kennismigranten en de vakkrachtenregeling",
            "Aanvullende brief: met alleen maatregelen voor instroom komen we er niet; een gericht toelatingsbeleid voor " +
            "vakkrachten van buiten de EU is nodig.", D(2025, 12, 18), "aanvulling-informateurs-2025", null));
        yield return Log(Team.Energie, "formatie:gesprek-motie-congestie", new LogMeeting(
            c, [Kloosterman], ["netcongestie"], [F("3a")],
            "Voorbereiding motie over congestiemanagement voor mkb-maakbedrijven",
            "Voorbeelden van leden gegeven die door netcongestie niet kunnen elektrificeren, en de mogelijkheden van " +
            "congestiemanagement en flextenders voor bedrijventerreinen.",
            "Overweegt een motie bij het commissiedebat.", D(2026, 1, 13), "Tweede Kamer, Den Haag", null));

        yield return new AdoptDemandStep(Team.PublicAffairs, F("1a"), new AdoptDemand(
            AdoptionVenue.CoalitionAgreement, "Coalitieakkoord 2026, hoofdstuk Economie en innovatie", true, D(2026, 1, 30),
            "De ambitie van 3% van het bbp voor R&D is overgenomen, nog zonder financieel groeipad.",
            [BriefInformateurs, BelDeBoerInnovatie], [Dijkgraaf, VanZwol]));
        yield return new AdoptDemandStep(Team.PublicAffairs, F("2d"), new AdoptDemand(
            AdoptionVenue.CoalitionAgreement, "Coalitieakkoord 2026, hoofdstuk Onderwijs en vakmanschap", true, D(2026, 1, 30),
            "Het akkoord noemt de Subsidie Praktijkleren van EUR 2.700 per student; het budget groeit nog niet mee met het aantal leerlingen.",
            [BriefInformateurs, GesprekVanZwol, RondetafelArbeidsmarkt], [VanZwol, C("hofman")]));
        yield return new RejectDemandStep(Team.PublicAffairs, F("2f"), new CloseDemand(D(2026, 1, 30),
            "Het coalitieakkoord kiest voor beperking van arbeidsmigratie; geen verruiming van de vakkrachtenregeling."));
    }

    /// <summary>What the coalition does with it in 2026.</summary>
    private static IEnumerable<DemoStep> Uitvoering2026()
    {
        var f = FormatieCampaign;

        yield return Log(Team.Onderwijs, "formatie:mail-uitwerking-spl", new LogEmail(
            f, [Jansen], ["vakmensen"], [F("2d")],
            "Uitwerking coalitieakkoord: Subsidie Praktijkleren per leerling",
            "Gevraagd hoe het ministerie de EUR 2.700 per student borgt als het aantal bbl-leerlingen stijgt, en cijfers van " +
            "leden meegestuurd.", D(2026, 2, 5), null, null));
        yield return new AdoptDemandStep(Team.Energie, F("3a"), new AdoptDemand(
            AdoptionVenue.Motion, "Kamerstuk 29 023, motie over congestiemanagement voor mkb-maakbedrijven", false, D(2026, 2, 10),
            "Aangenomen motie vraagt de regering om mkb-maakbedrijven voorrang te geven bij congestiemanagement en flextenders " +
            "en de codebesluiten van de ACM te versnellen.",
            [GesprekDijkgraaf, GesprekMotieCongestie, RondetafelNetcongestie], [Kloosterman]));
        yield return Log(Team.Energie, "formatie:bel-visser-motie", new LogCall(
            f, [Visser], ["netcongestie"], [F("3a")],
            "Uitvoering van de motie over congestiemanagement",
            "Besproken hoe het ministerie de motie uitvoert en welke bedrijventerreinen als eerste in aanmerking komen.",
            "Het ministerie stuurt voor de zomer een uitvoeringsbrief aan de Kamer.", D(2026, 3, 10), null));
        yield return Log(Team.Onderwijs, "formatie:gesprek-voorjaarsnota", new LogMeeting(
            f, [Jansen], ["vakmensen"], [F("2d")],
            "Voorjaarsnota: budget Subsidieregeling Praktijkleren",
            "Het budget voor praktijkleren in de Voorjaarsnota besproken: zonder extra geld zakt de vergoeding per student " +
            "onder de EUR 2.700.",
            "Het ministerie neemt de raming van het aantal bbl-leerlingen mee in de Voorjaarsnota.", D(2026, 4, 14),
            "Ministerie van OCW, Den Haag", null));
        yield return Log(Team.PublicAffairs, "industrievisie:gesprek-kuipers-defensie", new LogMeeting(
            IndustrieVisieCampaign, [Kuipers], ["industriebeleid", "ketens", "europa"], [I("EU-2")],
            "Defensie-industriestrategie en mkb-toeleveranciers",
            "Eerste gesprek in zijn nieuwe rol bij Defensie: hoe mkb-toeleveranciers meer defensieopdrachten in Nederland " +
            "kunnen krijgen en hoe Europese aanbestedingen daarbij meewegen.",
            "Organiseert een bijeenkomst met defensie-inkopers en toeleveranciers.", D(2026, 5, 19),
            "Ministerie van Defensie, Den Haag", null));
        yield return new AdoptDemandStep(Team.Onderwijs, F("2d"), new AdoptDemand(
            AdoptionVenue.Budget, "Voorjaarsnota 2026", false, D(2026, 6, 2),
            "Het budget van de Subsidieregeling Praktijkleren is verhoogd, zodat EUR 2.700 per student op peil blijft bij meer leerlingen.",
            [MailUitwerkingSpl, GesprekVoorjaarsnota], [Jansen]));
        yield return Log(Team.PublicAffairs, "industrievisie:mail-deboer-regeldruk", new LogEmail(
            IndustrieVisieCampaign, [DeBoer], ["regeldruk"], [I("RD-1")],
            "Regeldrukaanpak: MKB-toets en drempelwaarde",
            "Reactie op de nieuwe regeldrukaanpak: de MKB-toets moet standaard worden toegepast, ook op bestaande wetgeving.",
            D(2026, 6, 2), null, null));
        yield return Log(Team.Onderwijs, "formatie:brief-dank-voorjaarsnota", new SendLetter(
            f, [Kloosterman, Hendriks], ["vakmensen"], [F("2d")],
            "Dank en vervolg: praktijkleren in de Voorjaarsnota",
            "Dank voor de steun bij de Subsidie Praktijkleren; aandacht gevraagd voor uitbreiding van de regeling naar werkenden.",
            D(2026, 6, 18), "brief-voorjaarsnota-2026", null));
        yield return Log(Team.PublicAffairs, "formatie:brief-begroting-2027", new SendLetter(
            f, [DeBoer, Jansen], ["arbeidsproductiviteit", "vakmensen"], [F("1a"), F("2b")],
            "Inbreng voor de begroting 2027: innovatie en technisch beroepsonderwijs",
            "Inbreng voor de begroting 2027: een financieel groeipad naar 3% van het bbp voor R&D en hogere bekostiging van " +
            "technische mbo-opleidingen.", D(2026, 9, 8), "inbreng-begroting-2027", null));
        yield return Log(Team.PublicAffairs, "industrievisie:rondetafel-industriebeleid", new LogHearing(
            IndustrieVisieCampaign, [Kloosterman, DeBoer], ["industriebeleid", "europa", "innovatie"], [I("EU-1"), I("INN-2")],
            "Rondetafelgesprek industriebeleid en strategische autonomie",
            "Ingebracht dat MKB-maakbedrijven producten in Nederland bedenken en maken en zo de afhankelijkheid van " +
            "niet-Europese landen verkleinen; gepleit voor blijvende steun aan Smart Industry.",
            "Het ministerie zegde een reactie toe op de positie van toeleveranciers.", D(2026, 10, 6), "Tweede Kamer, Den Haag", null));
        yield return Log(Team.PublicAffairs, "formatie:bel-timmermans-terugblik", new LogCall(
            f, [Timmermans], ["vakmensen", "netcongestie"], [F("2d"), F("3a")],
            "Terugblik op het eerste jaar van het coalitieakkoord",
            "Samen teruggekeken: praktijkleren en congestiemanagement zijn binnen, innovatiebudget en kennismigratie nog niet.",
            "Gezamenlijke inbreng voor de Voorjaarsnota 2027.", D(2026, 10, 20), null));
    }

    /// <summary>
    /// The Kamerlid's note on industrial policy (October 2022) says what several of our demands say: recorded as support,
    /// each note citing the passage.
    /// </summary>
    private static IEnumerable<DemoStep> AmhaouchNote()
    {
        var on = D(2022, 10, 1);
        const string note = "Notitie industriepolitiek (oktober 2022): ";
        RecordSupportStep Supports(Guid demand, string passage) =>
            new(Team.PublicAffairs, demand, new RecordSupport(Amhaouch, Stance.Supports, note + passage, on));

        yield return Supports(F("1a"),
            "Nederland haalt de R&D-doelstelling van 2,5% niet, 'laat staan de Europese Lissabon-norm van 3%'; ook publieke investeringen mogen niet achterblijven.");
        yield return Supports(F("1b"),
            "productie- en procesinnovatie worden een nieuwe prioriteit; een 'Wet bevordering industriële ontwikkeling' (WBIO) naast de WBSO en structurele financiering van Smart Industry Fieldlabs.");
        yield return Supports(F("1c"),
            "de financiering van kapitaalintensieve investeringen toegankelijker maken met garantstellingen, een MKB-bank voor maakbedrijven of formules als de British Business Bank.");
        yield return Supports(F("2e"),
            "'De overheid gaat meer sturen op opleidingen voor de banen die straks nodig zijn, zoals technische opleidingen'; een interdepartementaal deltaplan tegen de schaarste aan technisch personeel.");
        yield return Supports(F("3c"),
            "een circulaire economie en risicospreiding van de grondstoffenaanvoer; een onafhankelijk instituut voor advies over kritische en strategische grondstoffen.");
        yield return Supports(V("IND-1"),
            "pleidooi voor strategische, regionale industriepolitiek gericht op vestigingsklimaat en strategische autonomie, met oog voor MKB-toeleveranciers.");
        yield return Supports(V("INN-3"),
            "het moet eenvoudiger worden om investeringen in industriële automatisering en digitalisering te financieren, met garantstellingen door het Rijk.");
        yield return Supports(I("INN-2"),
            "Smart Industry Fieldlabs dragen bij aan de adoptie van innovaties; een structurele financieringsvorm om het bereik onder MKB-bedrijven te vergroten.");
        yield return Supports(I("EU-2"),
            "slimmer gebruik van de Europese aanbestedingsregels, zodat investeringen met belastinggeld bij voorkeur ten goede komen aan (maak)bedrijven in Nederland en Europa.");
    }
}
