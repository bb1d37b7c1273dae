using Campaigns.Campaigns;
using Campaigns.Contacts;
using Campaigns.Demands;
using Campaigns.DemoData;
using Campaigns.Interactions;
using Campaigns.Themes;

namespace Campaigns.Bench;

/// <summary>One event to load: the stream it belongs to, its data, who recorded it and when.</summary>
public readonly record struct PlannedEvent(Guid StreamId, Type Aggregate, object Data, string User, DateTimeOffset RecordedAt);

/// <summary>
/// A deterministic event log shaped like the demo data (src/Campaigns/DemoData), scaled up: the demo's ten themes,
/// a few thousand contacts (Kamerleden, ambtenaren, fractiemedewerkers…), a hundred campaigns with a dozen demands each,
/// and then years of letters, meetings, calls, e-mails and hearings that raise those demands, with support, adoptions,
/// rejections, withdrawals, corrections, retractions and role changes sprinkled in at roughly the demo's proportions.
/// Texts come from the demo set itself. The same seed gives the same log, so the loader can walk it twice
/// (once to count stream versions, once to write) without holding a million events in memory.
/// </summary>
public sealed class EventGenerator(long targetEvents, int seed = 9)
{
    public const int ContactCount = 2_000, CampaignCount = 100, DemandsPerCampaign = 12;
    private static readonly DateTimeOffset Start = new(2015, 1, 5, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = new(2026, 10, 30, 17, 0, 0, TimeSpan.Zero);

    private static readonly string[] Team =
    [
        DemoDataSet.Team.PublicAffairs, DemoDataSet.Team.Onderwijs, DemoDataSet.Team.Energie,
        "Sophie Mulder (public affairs)", "Thomas de Graaf (beleidssecretaris fiscaal)"
    ];

    private static readonly (string Slug, string Label)[] Themes = DemoDataSet.Steps.OfType<AddThemeStep>()
        .Select(s => (s.Command.Slug, s.Command.Label)).ToArray();

    private static readonly ILogInteraction[] DemoInteractions = DemoDataSet.Steps.OfType<LogInteractionStep>().Select(s => s.Command).ToArray();
    private static readonly FormulateDemand[] DemoDemands = DemoDataSet.Steps.OfType<FormulateDemandStep>().Select(s => s.Command).ToArray();

    private static readonly string[] Parties =
        ["VVD", "PVV", "NSC", "BBB", "GroenLinks-PvdA", "D66", "CDA", "SP", "ChristenUnie", "SGP", "JA21", "Volt", "PvdD", "DENK"];
    private static readonly string[] Ministries =
    [
        "Ministerie van Economische Zaken", "Ministerie van Klimaat en Groene Groei", "Ministerie van OCW", "Ministerie van SZW",
        "Ministerie van Financiën", "Ministerie van Infrastructuur en Waterstaat", "Ministerie van BZK", "Ministerie van Buitenlandse Zaken"
    ];
    private static readonly string[] FirstNames =
    [
        "Anne", "Bram", "Carla", "Daan", "Eva", "Femke", "Gijs", "Hanneke", "Ilse", "Joost", "Karin", "Lars", "Marieke", "Niels",
        "Olga", "Pieter", "Quinten", "Roos", "Sander", "Tessa", "Vincent", "Wendy", "Yara", "Zeger", "Mustafa", "Fatima", "Reineke"
    ];
    private static readonly string[] LastNames =
    [
        "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit", "Meijer", "de Boer",
        "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra",
        "Smits", "de Graaf", "van der Meer", "Kok", "Jacobs", "Amhaouch", "Timmermans", "Kuipers"
    ];
    private static readonly string[] Locations =
        ["Tweede Kamer, Den Haag", "Ministerie van Economische Zaken, Den Haag", "Koninklijke Metaalunie, Nieuwegein", "Online (Teams)", "Nieuwspoort, Den Haag"];

    public long TargetEvents => targetEvents;

    /// <summary>The log, in the order it was recorded.</summary>
    public IEnumerable<PlannedEvent> Generate()
    {
        var random = new Random(seed);
        var span = (End - Start).Ticks;
        long emitted = 0;
        var clock = Start;

        PlannedEvent E(Guid stream, Type aggregate, object data, string? user = null)
        {
            emitted++;
            // Recorded-at moves forward with the log; at 1M events about one event every six minutes.
            clock = Start + TimeSpan.FromTicks((long)(span * Math.Min(1.0, (double)emitted / targetEvents)));
            return new PlannedEvent(stream, aggregate, data, user ?? Team[random.Next(Team.Length)], clock);
        }

        DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

        foreach (var (slug, label) in Themes)
            yield return E(Theme.IdFor(slug), typeof(Theme), new ThemeAdded(slug, label), DemoDataSet.Team.PublicAffairs);

        var contacts = new Guid[ContactCount];
        for (var i = 0; i < ContactCount; i++)
        {
            contacts[i] = Id("contact", i);
            var (kind, organisation) = RoleFor(random);
            var name = $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}";
            yield return E(contacts[i], typeof(Contact), new ContactRegistered(contacts[i], name, kind, organisation,
                Day(clock).AddDays(-random.Next(30, 3000)), null, null, random.Next(4) == 0 ? "Via het netwerk van MKB-Nederland." : null),
                DemoDataSet.Team.PublicAffairs);
        }

        // Campaigns start over the years; each gets a dozen demands on its themes when it starts.
        var campaigns = new List<CampaignPlan>();
        var nextCampaignAt = 0;
        var interactionsSoFar = new List<Guid>(capacity: (int)Math.Min(targetEvents / 2, 2_000_000));
        var retracted = new HashSet<Guid>();
        var demandIndex = 0;

        while (emitted < targetEvents)
        {
            // A new campaign whenever the log has moved on by 1/CampaignCount of its length (plus a few at the start).
            if (campaigns.Count < CampaignCount && (campaigns.Count < 3 || emitted >= (long)nextCampaignAt * targetEvents / CampaignCount))
            {
                nextCampaignAt = campaigns.Count + 1;
                var plan = new CampaignPlan(Id("campaign", campaigns.Count), Pick(random, Themes.Select(t => t.Slug).ToArray(), random.Next(2, 6)));
                campaigns.Add(plan);
                var startsOn = Day(clock);
                yield return E(plan.Id, typeof(Campaign), new CampaignStarted(plan.Id, $"Campagne {campaigns.Count}: {Themes.First(t => t.Slug == plan.Themes[0]).Label}",
                    "Betere randvoorwaarden voor de MKB-maakindustrie.", startsOn, startsOn.AddYears(2), plan.Themes));
                for (var d = 0; d < DemandsPerCampaign; d++)
                {
                    var template = DemoDemands[demandIndex++ % DemoDemands.Length];
                    var demand = new DemandPlan(Id("demand", demandIndex), plan.Themes[d % plan.Themes.Length]);
                    plan.Demands.Add(demand);
                    yield return E(demand.Id, typeof(Demand), new DemandFormulated(demand.Id, plan.Id, demand.Theme, template.Text,
                        $"C{campaigns.Count}-{d + 1}", template.Target, template.Source, startsOn));
                }
                // The oldest campaign still open closes when a new one starts, once there are more than twenty.
                var open = campaigns.Where(c => !c.Closed).ToList();
                if (open.Count > 20)
                {
                    open[0].Closed = true;
                    yield return E(open[0].Id, typeof(Campaign), new CampaignClosed(open[0].Id, Day(clock), "Afgerond; opgevolgd door een nieuwe campagne."));
                }
                continue;
            }

            var roll = random.NextDouble();
            var today = Day(clock);
            // Recent campaigns get most of the attention.
            var campaign = campaigns[Math.Max(0, campaigns.Count - 1 - (int)Math.Floor(Math.Pow(random.NextDouble(), 2) * Math.Min(campaigns.Count, 25)))];

            if (roll < 0.030 && interactionsSoFar.Count > 10)
            {
                var id = interactionsSoFar[interactionsSoFar.Count - 1 - random.Next(Math.Min(500, interactionsSoFar.Count))];
                if (retracted.Contains(id)) continue;
                yield return E(id, typeof(Interaction), new InteractionCorrected(id,
                    random.Next(2) == 0 ? new InteractionChanges(Subject: "Gecorrigeerd: " + Template(random).Subject)
                                        : new InteractionChanges(HappenedOn: today.AddDays(-random.Next(1, 20))),
                    "Verkeerde datum of onderwerp vastgelegd."));
            }
            else if (roll < 0.040 && interactionsSoFar.Count > 10)
            {
                var id = interactionsSoFar[interactionsSoFar.Count - 1 - random.Next(Math.Min(500, interactionsSoFar.Count))];
                if (!retracted.Add(id)) continue;
                yield return E(id, typeof(Interaction), new InteractionRetracted(id, "Dubbel vastgelegd."));
            }
            else if (roll < 0.048)
            {
                var demand = campaign.Demands[random.Next(campaign.Demands.Count)];
                if (demand.Closed) continue;
                yield return E(demand.Id, typeof(Demand), new SupportRecorded(demand.Id, campaign.Id, demand.Theme,
                    contacts[Zipf(random, ContactCount)], (Stance)random.Next(3), "Steun toegezegd in het gesprek.", today));
            }
            else if (roll < 0.0492)
            {
                var demand = campaign.Demands[random.Next(campaign.Demands.Count)];
                if (demand.Closed || demand.Raisers.Count == 0) continue;
                demand.Closed = true;
                var outcome = random.Next(4);
                yield return outcome switch
                {
                    0 => E(demand.Id, typeof(Demand), new DemandRejected(demand.Id, campaign.Id, demand.Theme, today, "Niet overgenomen in de Voorjaarsnota.")),
                    1 => E(demand.Id, typeof(Demand), new DemandWithdrawn(demand.Id, campaign.Id, demand.Theme, today, "Ingehaald door nieuw beleid.")),
                    _ => E(demand.Id, typeof(Demand), new DemandAdopted(demand.Id, campaign.Id, demand.Theme, (AdoptionVenue)random.Next(7),
                        "Kamerstuk 36 410, nr. " + random.Next(1, 200), false, today, "Overgenomen.", demand.Raisers.ToList(), demand.RaisedWith.ToList()))
                };
            }
            else if (roll < 0.0497)
            {
                var contact = contacts[random.Next(ContactCount)];
                var (kind, organisation) = RoleFor(random);
                yield return random.Next(5) == 0
                    ? E(contact, typeof(Contact), new ContactRoleEnded(contact, today, "Vertrokken uit de Kamer."), DemoDataSet.Team.PublicAffairs)
                    : E(contact, typeof(Contact), new ContactRoleChanged(contact, kind, organisation, today), DemoDataSet.Team.PublicAffairs);
            }
            else
            {
                var id = Id("interaction", interactionsSoFar.Count);
                interactionsSoFar.Add(id);
                var template = Template(random);
                var who = Enumerable.Range(0, 1 + (random.Next(10) < 7 ? 0 : random.Next(1, 3))).Select(_ => contacts[Zipf(random, ContactCount)]).Distinct().ToList();
                var themes = Pick(random, campaign.Themes, random.Next(10) < 6 ? 1 : 2);
                var raisedCount = random.Next(20) switch { < 5 => 0, < 11 => 1, < 16 => 2, _ => 3 };
                var demands = Pick(random, campaign.Demands.Where(d => !d.Closed).ToArray(), raisedCount);
                var happenedOn = today.AddDays(-random.Next(0, 10));
                var user = Team[random.Next(Team.Length)];
                InteractionRecorded recorded = (random.Next(38)) switch
                {
                    < 11 => new MeetingHeld(),
                    < 20 => new LetterSent(),
                    < 27 => new CallMade(),
                    < 34 => new EmailSent(),
                    _ => new HearingAttended()
                };
                recorded = recorded with
                {
                    InteractionId = id, CampaignId = campaign.Id, ContactIds = who, Themes = themes, DemandIds = demands.Select(d => d.Id).ToList(),
                    Subject = template.Subject, Summary = template.Summary, Outcome = template.Outcome, DocumentRef = template.DocumentRef,
                    Location = recorded is MeetingHeld or HearingAttended ? Locations[random.Next(Locations.Length)] : null,
                    HappenedOn = happenedOn, OurSide = [user]
                };
                yield return E(id, typeof(Interaction), recorded, user);
                foreach (var demand in demands.OrderBy(d => d.Id))
                {
                    demand.Raised(id, who);
                    yield return E(demand.Id, typeof(Demand), new DemandRaised(demand.Id, id, happenedOn, who), user);
                }
            }
        }
    }

    private static ILogInteraction Template(Random random) => DemoInteractions[random.Next(DemoInteractions.Length)];

    /// <summary>Contact popularity falls off steeply: a few Kamerleden and officials are in half the timeline.</summary>
    private static int Zipf(Random random, int n) => Math.Min(n - 1, (int)Math.Floor(Math.Pow(random.NextDouble(), 3) * n));

    private static (ContactKind, string) RoleFor(Random random) => random.Next(20) switch
    {
        < 7 => (ContactKind.Kamerlid, Parties[random.Next(Parties.Length)]),
        < 13 => (ContactKind.Ambtenaar, Ministries[random.Next(Ministries.Length)]),
        < 15 => (ContactKind.Fractiemedewerker, Parties[random.Next(Parties.Length)] + "-fractie Tweede Kamer"),
        15 => (ContactKind.Minister, Ministries[random.Next(Ministries.Length)]),
        16 => (ContactKind.Staatssecretaris, Ministries[random.Next(Ministries.Length)]),
        17 => (ContactKind.Journalist, "Het Financieele Dagblad"),
        18 => (ContactKind.Ally, "MKB-Nederland"),
        _ => (ContactKind.Informateur, "Kabinetsformatie")
    };

    private static T[] Pick<T>(Random random, T[] from, int count) =>
        from.OrderBy(_ => random.Next()).Take(Math.Min(count, from.Length)).ToArray();

    private static T[] Pick<T>(Random random, List<T> from, int count) => Pick(random, from.ToArray(), count);

    /// <summary>Stable ids, so two walks of the log agree.</summary>
    public static Guid Id(string kind, int n)
    {
        var bytes = System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes($"bench:{kind}:{n}"));
        return new Guid(bytes);
    }

    private sealed class CampaignPlan(Guid id, string[] themes)
    {
        public Guid Id { get; } = id;
        public string[] Themes { get; } = themes;
        public List<DemandPlan> Demands { get; } = [];
        public bool Closed { get; set; }
    }

    private sealed class DemandPlan(Guid id, string theme)
    {
        public Guid Id { get; } = id;
        public string Theme { get; } = theme;
        public bool Closed { get; set; }
        public Queue<Guid> Raisers { get; } = new();
        public HashSet<Guid> RaisedWith { get; } = [];

        public void Raised(Guid interaction, IEnumerable<Guid> contacts)
        {
            Raisers.Enqueue(interaction);
            if (Raisers.Count > 3) Raisers.Dequeue();
            if (RaisedWith.Count < 3) RaisedWith.UnionWith(contacts.Take(3 - RaisedWith.Count));
        }
    }
}
