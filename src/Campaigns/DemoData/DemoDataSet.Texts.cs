using Campaigns.Contacts;

namespace Campaigns.DemoData;

/// <summary>
/// The material the routine weeks are made of, written by hand from the arguments in the source documents: per theme,
/// what the team talked about (subject and summary), and per kind of contact, how a conversation typically ends. The
/// routine combines them: the least discussed topic of a theme comes next, so a subject returns only after the theme's
/// other topics had their turn, with another person and another closing line; letters and e-mails get written closings.
/// </summary>
public static partial class DemoDataSet
{
    /// <param name="Also">A second theme the topic touches.</param>
    /// <param name="From">With <paramref name="Until"/>: the weeks in which the topic is current (a budget, a formation).</param>
    private sealed record Topic(string Subject, string Summary, string? Also = null, DateOnly? From = null, DateOnly? Until = null)
    {
        public bool CurrentOn(DateOnly day) => (From is null || day >= From) && (Until is null || day < Until);
        public bool Timed => From is not null;
    }

    private static readonly DateOnly VerkiezingsRun = new(2025, 8, 25), Stembus = DemoCalendar.ElectionDay;
    private static readonly DateOnly FormatieVan = DemoCalendar.NewKamerInstalled, FormatieTot = DemoCalendar.CabinetSwornIn;
    private static readonly DateOnly VoorjaarVan = new(2026, 3, 30), VoorjaarTot = new(2026, 6, 20);
    private static readonly DateOnly Prinsjes25Van = new(2025, 9, 8), Prinsjes25Tot = new(2025, 10, 10);
    private static readonly DateOnly Prinsjes26Van = new(2026, 9, 1), Prinsjes26Tot = new(2026, 10, 31);

    private static readonly Dictionary<string, Topic[]> Topics = new()
    {
        ["vakmensen"] =
        [
            new("Tekort aan technische vakmensen in de regio",
                "Cijfers van leden gedeeld: vacatures voor cnc-operators, lassers en monteurs blijven maanden open, en het tekort loopt richting 2030 nauwelijks terug."),
            new("Bbl-route als motor voor vakmanschap",
                "Uitgelegd hoe leerbedrijven bbl-studenten op de werkvloer begeleiden en waarom dat intensief is: een bedrijf investeert gemiddeld EUR 12.000 per leerling."),
            new("Subsidieregeling Praktijkleren: zekerheid voor leerbedrijven",
                "Gepleit voor langjarige zekerheid over de Subsidieregeling Praktijkleren: leerbedrijven beslissen nu over leerplekken voor het schooljaar erna."),
            new("Praktijkleren uitbreiden naar werkenden",
                "Besproken of de Subsidieregeling Praktijkleren ook kan gelden voor werkenden die zich omscholen naar een technisch beroep, niet alleen voor initieel onderwijs."),
            new("Eén regionale toegangspoort voor zij-instromers",
                "Het idee toegelicht van één toegangspoort per regio, waar onderwijs, bedrijfsvakscholen, gemeenten en uwv samen zij-instromers naar technisch werk begeleiden."),
            new("Bekostiging technische mbo-opleidingen",
                "Aangegeven dat technische mbo-opleidingen duurder zijn door machines en materiaal, en dat de bekostiging daar geen rekening mee houdt."),
            new("Techniek op de basisschool",
                "Voorbeelden gegeven van leden die met scholen techniekmiddagen organiseren; gepleit om techniek en digitale vaardigheden vast in het curriculum van po en vo op te nemen.", "ondernemersklimaat"),
            new("Sterk Techniekonderwijs na 2026",
                "Gevraagd naar de toekomst van Sterk Techniekonderwijs: de regio's willen weten of de samenwerking met het vmbo structureel wordt."),
            new("Leven Lang Ontwikkelen in de metaal",
                "De opleidingsinspanningen van de sector toegelicht: via het OOM investeren leden jaarlijks zo'n EUR 40 miljoen in opleiden en omscholen.", "arbeidsproductiviteit"),
            new("Macrodoelmatigheid en Kansrijk Opleiden",
                "Gepleit om opleidingen die leiden tot werk in tekortsectoren voorrang te geven in aanbod en bekostiging, met behoud van keuzevrijheid voor studenten."),
            new("Vakkrachten van buiten de EU",
                "Besproken hoe leden vakkrachten van buiten de EU werven en waar de procedures vastlopen; geen pleidooi voor open grenzen, wel voor een gerichte regeling voor tekortberoepen."),
            new("Techniek Havo als springplank",
                "Toegelicht hoe Techniek Havo leerlingen via praktijkopdrachten bij bedrijven naar het beroepsonderwijs leidt, en gevraagd het aantal scholen uit te breiden."),
            new("Voortijdig schoolverlaten in techniekopleidingen",
                "Besproken hoe de bbl-route jongeren vasthoudt die anders zonder diploma zouden uitvallen, en wat leerbedrijven daarvoor extra doen."),
            new("Raming bbl-leerlingen voor de Voorjaarsnota",
                "De raming van het aantal bbl-leerlingen in de metaal gedeeld: zonder extra budget zakt de vergoeding per leerling onder de EUR 2.700.", null, VoorjaarVan, VoorjaarTot),
            new("Praktijkleren in de begroting 2027",
                "Nagevraagd of het hogere budget voor praktijkleren uit de Voorjaarsnota ook in de begroting 2027 structureel is gemaakt.", null, Prinsjes26Van, Prinsjes26Tot),
            new("Vakmensen in de formatiestukken",
                "Gepolst hoe technische vakmensen in de formatiestukken staan en of de ondergrens van EUR 2.700 per leerling daarin terugkomt.", null, FormatieVan, FormatieTot),
        ],
        ["netcongestie"] =
        [
            new("Wachtrij voor netaansluiting op bedrijventerreinen",
                "Voorbeelden gegeven van leden die op een wachtlijst voor een zwaardere aansluiting staan en daardoor niet kunnen uitbreiden of elektrificeren.", "ondernemersklimaat"),
            new("Congestiemanagement en flextenders voor het mkb",
                "Besproken hoe mkb-maakbedrijven kunnen meedoen aan congestiemanagement en flextenders, en waarom de drempel voor kleine afnemers nu te hoog is."),
            new("Codebesluiten van de ACM",
                "Gevraagd naar de voortgang van de codebesluiten van de ACM; leden wachten op duidelijkheid over non-firm contracten en tijdsafhankelijke transporttarieven."),
            new("Slimmer netgebruik: veiligheidsmarges",
                "Het pleidooi toegelicht voor flexibelere inzet van de veiligheidsmarges op het net, zodat bestaande kabels meer capaciteit kunnen leveren."),
            new("Energiehubs op bedrijventerreinen",
                "Een regionaal initiatief besproken waarbij bedrijven op één terrein samen energie opwekken, opslaan en delen; gevraagd hoe de regels zulke energiehubs kunnen helpen."),
            new("Investeringen in kabels, trafo's en onderstations",
                "Aangedrongen op extra investeringen in kabels, trafo's en onderstations, en op ontkoppeling van energie-investeringen en stikstofregels."),
            new("Slimme oplossingen van mkb'ers bekend maken",
                "Voorbeelden verzameld van mkb'ers die hun bedrijfsprocessen flexibel inrichten, zoals ovens die 's nachts draaien; gevraagd die oplossingen breder bekend te maken."),
            new("Circulaire maakindustrie: proeftuinen",
                "Gepleit voor proeftuinen voor producten die hun waarde behouden, zoals revisie van machines en hergebruik van onderdelen, als onderdeel van het klimaatbeleid.", "ketens"),
            new("Grondstoffenstrategie en hoogwaardige recycling",
                "Besproken hoe circulariteit kan aansluiten op de Nationale Grondstoffenstrategie: gerecyclede grondstoffen, substituten voor schaarse materialen en waardebehoud.", "ketens"),
            new("Energiewet en de positie van kleinverbruikers",
                "Gevraagd hoe de Energiewet uitpakt voor bedrijven net boven de grens van kleinverbruik, die wel betalen maar niet kunnen meedoen aan flexibiliteit."),
            new("Netcongestie en de verduurzamingsplicht",
                "Aangegeven dat leden hun energiebesparingsplicht niet kunnen nakomen als zij geen aansluiting krijgen voor een warmtepomp of elektrische oven.", "regeldruk"),
            new("Regionale aanpak netcongestie",
                "De ervaringen uit de regio besproken: waar netbeheerder, provincie en ondernemers samen een terrein doorrekenen, komt er sneller ruimte op het net."),
            new("Netcongestie in de formatie",
                "Gevraagd netcongestie als nationale crisis in het coalitieakkoord te benoemen, met congestiemanagement voor het mkb als snelle maatregel.", null, FormatieVan, FormatieTot),
            new("Netcongestie in de Voorjaarsnota",
                "Nagegaan of de Voorjaarsnota extra middelen voor netuitbreiding bevat en hoe het mkb daarvan profiteert.", null, VoorjaarVan, VoorjaarTot),
        ],
        ["regeldruk"] =
        [
            new("MKB-toets standaard bij nieuwe regels",
                "Gepleit om de MKB-toets standaard toe te passen, ook op bestaande wetgeving, en het resultaat openbaar te maken."),
            new("Drempelwaarde voor het kleine mkb",
                "De drempelwaarde tot en met 25 werknemers toegelicht: daaronder geen of lichtere wettelijke eisen, bij nieuwe en bestaande wetgeving."),
            new("Think small first in de praktijk",
                "Voorbeelden gegeven van regels die voor een bedrijf met vijftien medewerkers evenveel werk kosten als voor een multinational, zoals rapportages over arbeidsomstandigheden."),
            new("Duurzaamheidsrapportage in de keten",
                "Besproken hoe grote klanten hun Europese rapportageplicht doorschuiven naar mkb-toeleveranciers met lange vragenlijsten, en hoe een vrijwillige standaard dat kan beperken.", "ketens"),
            new("Geen nationale koppen op Europese regels",
                "Aangedrongen op regels die aansluiten op de Europese, zonder eigen strengere Nederlandse koppen die het gelijke speelveld verstoren.", "europa"),
            new("Vergunningverlening voor uitbreiding",
                "Een lid beschreven dat al anderhalf jaar wacht op een vergunning voor een nieuwe hal; gevraagd naar termijnen en één loket.", "ondernemersklimaat"),
            new("Regeldrukagenda van het kabinet",
                "De regeldrukagenda doorgenomen en aangegeven welke knelpunten leden het meest noemen: loonadministratie, verduurzamingsplichten en keuringen."),
            new("Meldplicht en rapportages energiebesparing",
                "Besproken of de informatieplicht energiebesparing eenvoudiger kan voor kleine bedrijven met een beperkt energieverbruik.", "energietransitie"),
            new("Toetsing van nieuwe wetsvoorstellen",
                "Gevraagd of het Adviescollege Toetsing Regeldruk bij voorstellen standaard de gevolgen voor bedrijven tot 25 werknemers in beeld kan brengen."),
            new("Loondoorbetaling bij ziekte",
                "Aangegeven dat twee jaar loondoorbetaling bij ziekte voor een klein maakbedrijf een groot risico is, en gevraagd naar de plannen om dat te verlichten.", "ondernemersklimaat"),
            new("Keuringen en certificaten",
                "Voorbeelden gegeven van dubbele keuringen en certificaten die klanten, verzekeraars en de overheid elk apart vragen."),
            new("Regels voor gevaarlijke stoffen",
                "Besproken hoe de regels voor gevaarlijke stoffen en blootstelling voor kleine werkplaatsen uitvoerbaar kunnen blijven."),
            new("Regeldruk in de formatie",
                "Gevraagd de drempelwaarde voor het kleine mkb als concrete afspraak in het coalitieakkoord op te nemen.", null, FormatieVan, FormatieTot),
        ],
        ["innovatie"] =
        [
            new("Smart Industry-fieldlabs structureel financieren",
                "Gepleit voor structurele financiering van Smart Industry-fieldlabs, waar mkb-maakbedrijven nieuwe productietechnieken kunnen uitproberen."),
            new("Innovatievouchers voor digitalisering",
                "Het voorstel toegelicht voor eenmalige vouchers waarmee een mkb-bedrijf de implementatie van bestaande kennis kan betalen, zoals een eerste robotcel.", "arbeidsproductiviteit"),
            new("Kredietgarantie voor software-investeringen",
                "Uitgelegd dat banken krediet voor software vaak weigeren bij gebrek aan onderpand, en gevraagd naar een garantieregeling via de huisbank."),
            new("3% van het bbp voor onderzoek en innovatie",
                "Het R&D-pad besproken: Nederland blijft achter bij de doelstelling van 3% van het bbp; gevraagd naar een vast deel voor de mkb-maakindustrie."),
            new("WBSO en procesinnovatie",
                "Besproken dat de WBSO vooral productinnovatie beloont, terwijl procesinnovatie in de fabriek voor het mkb minstens zo belangrijk is.", "arbeidsproductiviteit"),
            new("Kennis- en Innovatiecentra in de regio",
                "Gevraagd naar steun voor regionale Kennis- en Innovatiecentra en ondernemersloketten die mkb'ers helpen bij de eerste stap naar automatisering."),
            new("Groeifonds en de mkb-maakindustrie",
                "Nagevraagd hoe mkb-toeleveranciers kunnen aanhaken bij projecten uit het Groeifonds, die nu vaak bij grote bedrijven en kennisinstellingen landen.", "industriebeleid"),
            new("Subsidies bereikbaar voor kleine bedrijven",
                "Aangegeven dat kleine bedrijven afhaken op de aanvraagprocedures van innovatieregelingen; gevraagd naar een eenvoudiger loket.", "regeldruk"),
            new("Artificiële intelligentie in de werkplaats",
                "Voorbeelden van leden besproken die AI gebruiken voor offertes en kwaliteitscontrole, en welke ondersteuning zij daarbij missen."),
            new("Fieldlab-resultaten naar kleine bedrijven",
                "Gevraagd hoe de kennis uit fieldlabs bij bedrijven komt die zelf geen tijd hebben om mee te doen.", "arbeidsproductiviteit"),
            new("Octrooien en kleine uitvinders",
                "Besproken dat een octrooi voor een klein bedrijf duur is en de handhaving nog duurder, en gevraagd naar ondersteuning."),
            new("Samenwerking met hogescholen",
                "Voorbeelden gegeven van praktijkgericht onderzoek met hogescholen dat direct tot verbeteringen in de werkplaats leidde.", "vakmensen"),
            new("Innovatiebudget in de begroting",
                "Nagegaan wat de begroting betekent voor het innovatiebudget en of het financiële groeipad naar 3% van het bbp er komt.", null, Prinsjes26Van, Prinsjes26Tot),
        ],
        ["arbeidsproductiviteit"] =
        [
            new("Productiviteitscoaches voor het mkb",
                "Het idee besproken van een landelijk netwerk van productiviteitscoaches die mkb-maakbedrijven helpen hun processen te verbeteren."),
            new("Arbeidsproductiviteitsprogramma met tijdslijnen",
                "Gepleit voor een Arbeidsproductiviteitsprogramma met duidelijke planning en uitvoering dicht bij de bedrijven, in plaats van losse regelingen."),
            new("Achterstand op de Verenigde Staten",
                "Cijfers besproken waaruit blijkt dat de Nederlandse industrie in productiviteit achterloopt; met een vergrijzende bevolking moet hetzelfde werk met minder mensen.", "industriebeleid"),
            new("Defensie Arbeidsproductiviteitsagenda",
                "Toegelicht hoe de 1,5%-ruimte in de navo-norm kan worden ingezet voor het opschalen van productiviteitsprogramma's bij toeleveranciers van Defensie.", "industriebeleid"),
            new("Automatisering bij kleine bedrijven",
                "Voorbeelden gegeven van bedrijven met minder dan twintig medewerkers die met een cobot of een tweede ploeg hun productiviteit verhoogden."),
            new("Programma Ondernemersklimaat",
                "Besproken hoe een apart programma Ondernemersklimaat de versnipperde aanpak van productiviteit, innovatie en regeldruk kan bundelen.", "ondernemersklimaat"),
            new("Productiviteit en vakmanschap",
                "Aangegeven dat productiviteit en opleiden samengaan: medewerkers moeten nieuwe machines kunnen bedienen en programmeren.", "vakmensen"),
            new("Productiviteit in de formatiestukken",
                "Nagevraagd of arbeidsproductiviteit als speerpunt in de formatiestukken terechtkomt, met een eigen programma en budget.", null, FormatieVan, FormatieTot),
            new("Productiviteitsagenda in de Voorjaarsnota",
                "Gevraagd welke middelen de Voorjaarsnota vrijmaakt voor het arbeidsproductiviteitsprogramma.", null, VoorjaarVan, VoorjaarTot),
        ],
        ["industriebeleid"] =
        [
            new("Sectoraal industriebeleid naar het voorbeeld van Beethoven",
                "Gepleit voor industriebeleid dat op markten is gericht, naar het voorbeeld van Project Beethoven, met aandacht voor de toeleveranciers in de keten.", "ketens"),
            new("Regie voor Economische Zaken",
                "Besproken hoe Economische Zaken weer de centrale regie op het industriebeleid kan krijgen, met doorzettingsmacht richting andere departementen."),
            new("Defensieopdrachten naar Nederlandse maakbedrijven",
                "Aangegeven dat slechts 20% van de defensieopdrachten bij Nederlandse maakbedrijven terechtkomt; gevraagd naar een overheidsmarktprogramma.", "ketens"),
            new("Strategische autonomie en toeleveranciers",
                "Besproken hoe sterke toeleveranciers de afhankelijkheid van niet-Europese landen verkleinen, zeker voor defensiematerieel en medische technologie.", "europa"),
            new("Agro en machinebouw als strategische sector",
                "Toegelicht dat machinebouw voor de agrosector een exportsterkte is, en gevraagd ruimte te geven aan innovatie, productie en export."),
            new("Maritieme maakindustrie",
                "Voorbeelden besproken van toeleveranciers voor de scheepsbouw en gevraagd de maritieme sector als sleutelspeler in het industriebeleid te behandelen."),
            new("Zorgtechnologie gemaakt in Nederland",
                "Besproken hoe mkb-maakbedrijven hulpmiddelen en apparatuur voor de zorg maken, en waarom de vergrijzing daar vraag naar schept."),
            new("Medische technologie en toeleveranciers",
                "Besproken hoe Europese regels voor medische hulpmiddelen kleine toeleveranciers raken en waar zij ondersteuning kunnen vinden.", "regeldruk"),
            new("Industriebeleid in de regio",
                "Gevraagd hoe het Rijk de regionale ontwikkelingsmaatschappijen betrekt bij het industriebeleid, zodat ook kleinere bedrijven meedoen."),
            new("Industriebeleid na de verkiezingen",
                "Gepolst welke plek industriebeleid krijgt in de programma's en hoe de mkb-maakindustrie daarin zichtbaar wordt.", null, VerkiezingsRun, Stembus),
            new("Industriebeleid in het coalitieakkoord",
                "Nagevraagd of het sectorale industriebeleid en de regie voor Economische Zaken in het coalitieakkoord komen.", null, FormatieVan, FormatieTot),
        ],
        ["ondernemersklimaat"] =
        [
            new("Behoud van de bedrijfsopvolgingsregeling",
                "Het belang van de bor toegelicht: zonder de regeling moeten familiebedrijven bij overdracht vaak lenen om de belasting te betalen."),
            new("Ruimte voor bedrijventerreinen",
                "Gepleit voor landelijke regie op ruimte voor werklocaties: in veel regio's verdwijnen bedrijventerreinen voor woningbouw."),
            new("Zekerheid voor investeerders",
                "Besproken dat steeds wisselend beleid investeringen remt; ondernemers willen weten waar zij over vijf jaar aan toe zijn."),
            new("Positie van de directeur-grootaandeelhouder",
                "De positie van de dga besproken, die voor eigen rekening en risico onderneemt; gevraagd dat te belonen bij herziening van het fiscale stelsel."),
            new("Familiebedrijven en lokale gemeenschappen",
                "Voorbeelden gegeven van familiebedrijven die het plaatselijke verenigingsleven steunen en jongeren uit de regio opleiden."),
            new("Energiebelasting en de rekening voor het mkb",
                "Besproken dat het mkb relatief veel energiebelasting betaalt, zeker in vergelijking met grootverbruikers.", "energietransitie"),
            new("Werklocaties in het Nationaal Programma Ruimte voor Economie",
                "Gevraagd hoe het Nationaal Programma Ruimte voor Economie wordt uitgevoerd en hoe provincies bedrijventerreinen bewaken."),
            new("Arbeidskosten en concurrentiekracht",
                "Aangegeven dat stijgende arbeidskosten bij gelijkblijvende productiviteit de concurrentiekracht van kleine maakbedrijven uithollen.", "arbeidsproductiviteit"),
            new("Financiering van groei bij familiebedrijven",
                "Besproken hoe familiebedrijven groei financieren zonder de zeggenschap op te geven, en welke rol garantieregelingen daarbij spelen."),
            new("Ondernemersklimaat in de begroting",
                "Nagegaan wat de fiscale plannen in de begroting betekenen voor familiebedrijven en de bor.", null, Prinsjes26Van, Prinsjes26Tot),
            new("Bor in de verkiezingsprogramma's",
                "Nagegaan welke partijen de bedrijfsopvolgingsregeling willen behouden of beperken.", null, VerkiezingsRun, Stembus),
        ],
        ["ketens"] =
        [
            new("Toeleveranciers als schakel in de keten",
                "Uitgelegd dat innovatie in de keten vaak bij toeleveranciers ontstaat, en dat zij bij grote programma's zelden aan tafel zitten.", "industriebeleid"),
            new("Ketensamenwerking met grote afnemers",
                "Besproken hoe grote afnemers hun toeleveranciers betrekken bij productontwikkeling, en waar betalingstermijnen en contractvoorwaarden wringen."),
            new("Betaaltermijnen van grote klanten",
                "Aangegeven dat leden nog steeds betaaltermijnen van 60 tot 90 dagen krijgen van grote klanten, en gevraagd naar handhaving van de wettelijke termijn.", "ondernemersklimaat"),
            new("Leveringszekerheid van onderdelen",
                "Voorbeelden gegeven van leden die onderdelen weer in Nederland laten maken na de verstoringen van de afgelopen jaren."),
            new("Koplopers in circulaire ketens",
                "Besproken hoe koplopers in ketensamenwerking kunnen worden gesteund, zoals bedrijven die machines terugnemen en reviseren.", "netcongestie"),
            new("Keten rond de halfgeleiderindustrie",
                "Toegelicht hoeveel mkb-bedrijven in Brainport onderdelen voor de chipmachines maken, en wat het betekent als die keten onder druk staat.", "industriebeleid"),
            new("Kennisdeling in de keten",
                "Voorbeelden gegeven van afnemers die hun toeleveranciers meenemen in nieuwe technieken, zoals additive manufacturing en digitale tekeningen."),
            new("Reshoring van productie",
                "Besproken welke productie terugkomt naar Nederland en wat toeleveranciers nodig hebben om die opdrachten aan te kunnen.", "industriebeleid"),
            new("Digitale ketenstandaarden",
                "Aangegeven dat kleine toeleveranciers voor elke grote klant een ander portaal en een ander formaat moeten gebruiken.", "regeldruk"),
            new("Ketens rond de energietransitie",
                "Besproken hoe mkb-maakbedrijven onderdelen voor windturbines, warmtepompen en netcomponenten leveren, en waar de keten knelt.", "netcongestie"),
            new("Defensieketen en certificering",
                "Besproken dat kleine toeleveranciers vastlopen op beveiligings- en certificeringseisen voor defensieopdrachten.", "regeldruk"),
        ],
        ["energietransitie"] =
        [
            new("Rekening van de energietransitie eerlijk verdelen",
                "Gepleit voor een eerlijke verdeling van de kosten: het mkb betaalt relatief veel energiebelasting en opslag, terwijl grootverbruikers kortingen krijgen."),
            new("CO2-heffing aan de Europese grens",
                "Besproken hoe de CO2-grensheffing uitpakt voor mkb-bedrijven die staal en aluminium inkopen, en welke administratie daarbij komt kijken.", "europa"),
            new("Energiebesparing bij kleine bedrijven",
                "Voorbeelden gegeven van leden die met eenvoudige maatregelen, zoals warmteterugwinning en perslucht zonder lekken, veel energie besparen."),
            new("Subsidies voor verduurzaming",
                "Gevraagd of verduurzamingssubsidies zo kunnen worden ingericht dat ook bedrijven met één fabriekshal en beperkte administratie ze kunnen aanvragen.", "regeldruk"),
            new("Elektrificatie van processen",
                "Besproken wat leden nodig hebben om van gas naar elektrisch te gaan, en hoe netcongestie en tarieven dat nu in de weg zitten.", "netcongestie"),
            new("Level playing field in Europa",
                "Aangegeven dat Nederlandse energiekosten hoger zijn dan die in buurlanden, en gevraagd naar vergelijkbare regelingen als in Duitsland en België.", "europa"),
            new("Opslag Duurzame Energie en de rekening van het mkb",
                "Uitgelegd hoe de opslag op de energierekening bij kleine bedrijven zwaarder drukt dan bij grootverbruikers, terwijl zij minder ruimte hebben om te investeren."),
            new("Warmtepompen en elektrische ovens in de werkplaats",
                "Voorbeelden besproken van leden die hun werkplaats elektrisch verwarmen en hun ovens elektrificeren, en wat dat kost zonder steun.", "netcongestie"),
            new("Waterstof en het mkb",
                "Gevraagd wanneer waterstof voor kleinere afnemers beschikbaar komt; leden met hoge temperatuurprocessen willen weten waar zij op kunnen rekenen."),
            new("Energie-audit en de erkende maatregelenlijst",
                "Besproken of de erkende maatregelenlijst beter kan aansluiten op de processen van metaalbewerkers.", "regeldruk"),
            new("Verduurzaming en bankfinanciering",
                "Aangegeven dat banken verduurzamingsinvesteringen bij kleine bedrijven lastig financieren, omdat de terugverdientijd onzeker is.", "ondernemersklimaat"),
            new("Energiebelasting in het Belastingplan",
                "Nagegaan wat het Belastingplan betekent voor de energiebelasting in de schijven waarin het mkb valt.", null, Prinsjes26Van, Prinsjes26Tot),
        ],
        ["europa"] =
        [
            new("Exportbevordering met een Europese focus",
                "Gepleit om exportbevordering vooral op Europa te richten, waar de meeste leden hun klanten hebben."),
            new("Europese programma's voor het mkb",
                "Gevraagd naar ondersteuning bij het verwerven van Europese subsidies en garantstellingen; kleine bedrijven haken nu af op de procedures."),
            new("Aanbestedingen binnen de EU",
                "Besproken hoe verplichte Europese aanbestedingen kunnen worden gecompenseerd door opdrachten in Nederland, zonder protectionisme in de hand te werken.", "ketens"),
            new("Europese defensie-industrie",
                "Toegelicht hoe Nederlandse toeleveranciers kunnen meedoen aan Europese defensieprogramma's.", "industriebeleid"),
            new("Handelsmissies voor maakbedrijven",
                "Besproken welke handelsmissies aansluiten bij de mkb-maakindustrie, zoals machinebouw richting Duitsland en Scandinavië."),
            new("Gelijk speelveld bij Europese staatssteun",
                "Aangegeven dat buurlanden hun industrie ruimer steunen, en gevraagd hoe Nederland binnen de Europese kaders het mkb kan bijstaan.", "industriebeleid"),
            new("Europese garantstellingen voor mkb-investeringen",
                "Besproken hoe garantstellingen van het Europees Investeringsfonds via Nederlandse banken bij kleine maakbedrijven terecht kunnen komen.", "innovatie"),
            new("Export naar Duitsland na de terugval in de auto-industrie",
                "Voorbeelden gegeven van toeleveranciers die minder orders uit de Duitse auto-industrie krijgen en nieuwe markten zoeken."),
            new("Europese normen en kleine bedrijven",
                "Aangegeven dat kleine bedrijven geen tijd hebben om mee te praten in Europese normcommissies, terwijl de normen hen wel raken.", "regeldruk"),
            new("Europese chipswet en toeleveranciers",
                "Gevraagd hoe Nederlandse toeleveranciers kunnen profiteren van de Europese chipswet, nu de middelen vooral naar grote fabrieken gaan.", "ketens"),
            new("Interne markt voor diensten en montage",
                "Voorbeelden gegeven van monteurs die voor een klus in België of Duitsland dagen kwijt zijn aan meldingen en formulieren.", "regeldruk"),
            new("Europese regels voor machines",
                "Besproken wat de nieuwe Europese machineverordening betekent voor kleine machinebouwers en hoe zij zich kunnen voorbereiden.", "regeldruk"),
        ],
    };

    /// <summary>What a journalist rings about, per theme: the subject, and what we told them.</summary>
    private static readonly Dictionary<string, (string Subject, string Summary)[]> PressQuestions = new()
    {
        ["netcongestie"] =
        [
            ("Vragen over bedrijven die niet kunnen uitbreiden door netcongestie", "Twee leden aangedragen die willen vertellen hoe zij door de wachtlijst hun uitbreiding moesten uitstellen."),
            ("Reactie gevraagd op nieuwe cijfers over de wachtrij voor netaansluitingen", "Gereageerd dat de cijfers bevestigen wat leden dagelijks merken, en gewezen op congestiemanagement als snelle stap."),
        ],
        ["vakmensen"] =
        [
            ("Vragen over het tekort aan technici", "Uitgelegd waarom het tekort aan technische vakmensen richting 2030 nauwelijks afneemt en wat de bbl-route daartegen doet."),
            ("Reactie op het budget voor praktijkleren", "Gereageerd dat leerbedrijven vooral zekerheid willen: een vergoeding die op peil blijft als er meer leerlingen komen."),
        ],
        ["regeldruk"] =
        [
            ("Vragen over regeldruk voor kleine bedrijven", "Voorbeelden gegeven van regels die voor een bedrijf met tien medewerkers onevenredig zwaar zijn, en de drempelwaarde van 25 werknemers toegelicht."),
        ],
        ["industriebeleid"] =
        [
            ("Vragen over defensieopdrachten en de Nederlandse maakindustrie", "Toegelicht dat slechts 20% van de defensieopdrachten in Nederland terechtkomt en dat toeleveranciers klaarstaan om meer te leveren."),
            ("Achtergrondgesprek over industriebeleid", "Achtergrond gegeven over sectoraal industriebeleid en de rol van mkb-toeleveranciers in strategische ketens."),
        ],
        ["ondernemersklimaat"] =
        [
            ("Vragen over de bedrijfsopvolgingsregeling", "Uitgelegd waarom familiebedrijven de bor nodig hebben bij overdracht aan de volgende generatie."),
            ("Reactie op het ondernemersklimaat in Nederland", "Gereageerd op berichten over bedrijven die vertrekken: het onzekere beleid raakt ook de toeleveranciers van die bedrijven."),
        ],
        ["innovatie"] =
        [
            ("Vragen over digitalisering in het mkb", "Uitgelegd waarom een kredietgarantie voor software helpt: banken zien in software geen onderpand."),
        ],
        ["energietransitie"] =
        [
            ("Vragen over de energierekening van maakbedrijven", "Toegelicht dat het mkb relatief veel energiebelasting betaalt en dat dit investeringen in verduurzaming afremt."),
        ],
        ["ketens"] =
        [
            ("Vragen over toeleveranciers in de regio", "Een lid in de regio aangedragen dat onderdelen voor de chipindustrie maakt en over de keten wil vertellen."),
        ],
        ["europa"] =
        [
            ("Vragen over Europese regels voor maakbedrijven", "Uitgelegd waarom leden gelijke Europese regels willen zonder Nederlandse koppen."),
        ],
        ["arbeidsproductiviteit"] =
        [
            ("Vragen over de achterblijvende productiviteit", "Uitgelegd hoe automatisering bij kleine bedrijven de productiviteit verhoogt, en waarom een programma met tijdslijnen nodig is."),
        ],
    };

    /// <summary>A closing line of the summary, per kind of contact: what we did or offered.</summary>
    private static readonly Dictionary<string, string[]> Closings = new()
    {
        ["politiek"] =
        [
            "Aangeboden om een werkbezoek bij een lid in de regio te organiseren.",
            "Voorbeelden van leden uit de eigen provincie meegegeven.",
            "Gevraagd het punt in te brengen bij het eerstvolgende commissiedebat.",
            "De onderbouwing uit onze verkiezingswensen meegestuurd.",
            "Aangegeven dat MKB-Nederland dit standpunt deelt.",
            "Een korte notitie met cijfers van leden toegezegd.",
            "Gevraagd of schriftelijke vragen een begaanbare route zijn.",
            "Een tekstvoorstel voor een motie aangeboden.",
            "Afgesproken om na het debat samen terug te kijken.",
            "Contactgegevens van twee ondernemers uitgewisseld voor een bedrijfsbezoek.",
        ],
        ["ambtelijk"] =
        [
            "Cijfers van leden toegezegd voor de onderbouwing.",
            "Afgesproken de uitwerking ambtelijk te blijven volgen.",
            "Gevraagd wanneer de Kamer een brief hierover krijgt.",
            "Aangeboden om ondernemers aan te dragen voor een praktijktoets.",
            "Gewezen op de ervaringen van leden met de uitvoering.",
            "Afgesproken over een maand opnieuw te bellen.",
            "Een overzicht van knelpunten uit de ledenraadpleging gedeeld.",
            "Gevraagd ons te betrekken bij de consultatie.",
        ],
        ["bondgenoot"] =
        [
            "Afgesproken de inbreng op elkaar af te stemmen.",
            "Een gezamenlijke notitie in voorbereiding genomen.",
            "Taken verdeeld richting de Kamerleden.",
            "Afgesproken samen een rondetafelbijdrage voor te bereiden.",
            "Cijfers uitgewisseld voor een gezamenlijke onderbouwing.",
            "Besloten het punt in het gezamenlijke overleg met EZ te agenderen.",
        ],
        ["pers"] =
        [
            "Voor een achtergrondartikel; twee leden aangedragen die willen meewerken.",
            "Gevraagd om een reactie voor een item van vanavond.",
            "Cijfers van leden nagestuurd ter controle.",
            "Verwezen naar onze verkiezingswensen voor de onderbouwing.",
            "Een bedrijfsbezoek voor een reportage voorgesteld.",
            "Citaat afgestemd met de voorzitter.",
        ],
        ["programma"] =
        [
            "Aangeboden om de wensen ook in de voltallige commissie toe te lichten.",
            "Tekstvoorstellen voor het programma meegestuurd.",
            "Gevraagd om een reactie voor de volgende vergadering.",
            "Afgesproken het concept samen door te nemen.",
            "Voorbeelden van leden uit de regio gedeeld.",
        ],
        ["overig"] =
        [
            "Voorbeelden van leden uit de regio gedeeld.",
            "Afgesproken elkaar op de hoogte te houden.",
            "Een bijeenkomst met ondernemers uit de regio voorgesteld.",
            "Cijfers van leden uitgewisseld.",
            "Gevraagd wie bij het Rijk hierover gaat.",
        ],
        // Letters and e-mails, to anyone: what was enclosed or asked in writing.
        ["schriftelijk"] =
        [
            "Voorbeelden van leden meegestuurd.",
            "De onderbouwing uit onze verkiezingswensen bijgevoegd.",
            "Aangeboden het in een gesprek toe te lichten.",
            "Gevraagd om een reactie voor het volgende debat.",
            "Cijfers van het OOM als bijlage meegestuurd.",
            "Een korte notitie met de knelpunten uit de ledenraadpleging bijgevoegd.",
            "Gevraagd ons te betrekken bij de verdere uitwerking.",
            "Verwezen naar de gezamenlijke brief met MKB-Nederland.",
        ],
    };

    /// <summary>How a meeting, call or hearing ended, per kind of contact; null where nothing was agreed.</summary>
    private static readonly Dictionary<string, string?[]> Outcomes = new()
    {
        ["politiek"] =
        [
            "Stelt schriftelijke vragen aan de minister.",
            "Neemt het mee in de inbreng voor het commissiedebat.",
            "Wil graag op werkbezoek bij een lid.",
            "Deelt de analyse, maar ziet weinig financiële ruimte.",
            "Overweegt een motie en komt erop terug.",
            "Vraagt om een korte notitie met voorbeelden.",
            null,
            "Zegt steun toe als de fractie meegaat.",
            "Legt het voor aan de fractiespecialist.",
            "Niet overtuigd; wil eerst de evaluatie afwachten.",
        ],
        ["ambtelijk"] =
        [
            "Neemt het mee in de uitwerking.",
            "Stuurt de planning door zodra die bekend is.",
            "Kan inhoudelijk nog niets zeggen; het besluit ligt bij de bewindspersoon.",
            "Wil graag cijfers van leden ontvangen.",
            null,
            "Nodigt ons uit voor de consultatiebijeenkomst.",
            "Zegt een reactie toe binnen twee weken.",
            "Herkent het knelpunt; een oplossing vraagt een wetswijziging.",
        ],
        ["bondgenoot"] =
        [
            "Gezamenlijke inbreng voor het volgende debat.",
            "Taakverdeling afgesproken.",
            null,
            "Stemmen de boodschap af met de andere brancheorganisaties.",
            "Gezamenlijk bezoek aan de woordvoerders gepland.",
        ],
        ["programma"] =
        [
            "Neemt de tekstvoorstellen mee naar de programmacommissie.",
            null,
            "Komt na de volgende vergadering terug met een reactie.",
            "Het punt staat al in het concept; de formulering wordt aangescherpt.",
        ],
        ["overig"] =
        [
            "Denkt mee over een regionale bijeenkomst.",
            null,
            "Brengt ons in contact met de juiste mensen bij het Rijk.",
            "Deelt de cijfers na de zomer.",
        ],
        ["pers"] =
        [
            "Citaat verschijnt in het artikel van morgen.",
            "Neemt contact op met de aangedragen ondernemers.",
            null,
            "Achtergrond, niet voor citaat.",
        ],
    };

    private static string Group((ContactKind Kind, string Organisation) role) =>
        role.Organisation.StartsWith("Programmacommissie", StringComparison.Ordinal) ? "programma" : Group(role.Kind);

    /// <summary>A topic's summary as it reads in a letter or e-mail: raised in writing, not discussed.</summary>
    private static string InWriting(string summary) =>
        (summary.StartsWith("Besproken ", StringComparison.Ordinal) ? "Aangekaart " + summary["Besproken ".Length..] : summary)
        .Replace(" besproken", " onder de aandacht gebracht").Replace(" doorgenomen", " becommentarieerd");

    private static string Group(ContactKind kind) => kind switch
    {
        ContactKind.Kamerlid or ContactKind.Fractiemedewerker or ContactKind.Minister
            or ContactKind.Staatssecretaris => "politiek",
        ContactKind.Ambtenaar => "ambtelijk",
        ContactKind.Ally => "bondgenoot",
        ContactKind.Journalist => "pers",
        _ => "overig"
    };
}
