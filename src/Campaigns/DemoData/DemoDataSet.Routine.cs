using Campaigns.Contacts;
using Campaigns.Interactions;

namespace Campaigns.DemoData;

/// <summary>
/// The routine weeks between the milestones: calls, e-mails, meetings and the odd letter, from the week the cabinet
/// fell up to today. Busy around the election, the formation, the Voorjaarsnota and Prinsjesdag; quiet in the recesses,
/// with two empty weeks each summer. Every choice comes from a seeded generator, so the same day gives the same weeks.
/// </summary>
public static partial class DemoDataSet
{
    private static readonly (DateOnly From, DateOnly Until)[] BusyWeeks =
    [
        (new(2025, 9, 1), DemoCalendar.ElectionDay),
        (new(2025, 11, 10), new(2025, 12, 19)),
        (new(2026, 1, 12), new(2026, 2, 27)),
        (new(2026, 4, 6), new(2026, 6, 20)),
        (new(2026, 9, 7), new(2026, 10, 17)),
    ];

    /// <summary>The Mondays of the summer weeks in which nobody logged anything.</summary>
    private static readonly DateOnly[] EmptyWeeks = [new(2025, 7, 21), new(2025, 7, 28), new(2026, 7, 20), new(2026, 7, 27)];

    /// <summary>How much of the routine each theme gets, relative to the others: the two big files weigh more.</summary>
    private static double ThemeWeight(string theme) => theme switch
    {
        "vakmensen" => 1.7,
        "netcongestie" => 1.5,
        "industriebeleid" or "regeldruk" => 1.1,
        _ => 1.0
    };

    private static IEnumerable<DemoStep> Routine(DateOnly today)
    {
        var random = new DemoRandom(20251029);
        var state = new RoutineState();
        var number = 0;
        for (var monday = DemoCalendar.RoutineFrom; monday <= today; monday = monday.AddDays(7))
        {
            var load = WeekLoad(monday, random);
            var days = Enumerable.Range(0, load).Select(_ => monday.AddDays(random.Next(5))).Order().ToList();
            foreach (var day in days)
            {
                if (day > today) continue;
                var step = RoutineInteraction(day, ++number, random, state);
                if (step is not null) yield return step;
            }
        }
    }

    private static int WeekLoad(DateOnly monday, DemoRandom random)
    {
        var midweek = monday.AddDays(2);
        if (EmptyWeeks.Contains(monday)) return 0;
        if (midweek.Month == 12 && midweek.Day is >= 22 and <= 31 || midweek is { Month: 1, Day: <= 2 }) return random.Next(2);
        if (DemoCalendar.InRecess(midweek)) return 1 + random.Next(3);
        if (BusyWeeks.Any(b => midweek >= b.From && midweek < b.Until)) return 5 + random.Next(3);
        return 3 + random.Next(3);
    }

    private sealed class RoutineState
    {
        public readonly Dictionary<string, double> ThemeUses = [];
        public readonly Dictionary<string, int> ContactUses = [];
        public readonly Dictionary<Topic, int> TopicUses = [];
        public readonly Dictionary<string, int> Lines = [];
        public readonly HashSet<string> Summaries = [];
        public readonly Dictionary<(string Theme, Guid Campaign), int> DemandTurn = [];

        public int Next(string list) => Lines[list] = Lines.GetValueOrDefault(list, -1) + 1;
    }

    private static LogInteractionStep? RoutineInteraction(DateOnly day, int number, DemoRandom random, RoutineState state)
    {
        var campaign = PickCampaign(day, random);
        var theme = CampaignThemes[campaign]
            .OrderBy(t => state.ThemeUses.GetValueOrDefault(t) / ThemeWeight(t) + random.NextDouble() * 0.5)
            .First();
        var contact = PickContact(theme, day, random, state);
        if (contact is null) return null;
        state.ThemeUses[theme] = state.ThemeUses.GetValueOrDefault(theme) + 1;
        state.ContactUses[contact.Key] = state.ContactUses.GetValueOrDefault(contact.Key) + 1;

        var role = contact.RoleOn(day)!.Value;
        var group = Group(role);
        var kind = PickKind(role.Kind, random);
        if (role.Kind == ContactKind.Journalist) kind = random.Next(10) < 7 ? "call" : "email";
        var written = kind is "letter" or "email";
        var actor = PickActor(theme, random);
        var demands = PickDemands(campaign, theme, day, random, state);

        string subject, summary;
        string? also = null;
        var questions = PressQuestions.GetValueOrDefault(theme, []);
        if (role.Kind == ContactKind.Journalist && state.Lines.GetValueOrDefault("pers:" + theme, -1) + 1 < questions.Length)
        {
            // Each question once; after that a journalist asks about what the team is working on anyway.
            (subject, summary) = questions[state.Next("pers:" + theme)];
        }
        else
        {
            var topic = PickTopic(theme, day, random, state);
            subject = topic.Subject;
            also = topic.Also is { } a && CampaignThemes[campaign].Contains(a) ? a : null;
            var lines = written && group != "pers" ? "schriftelijk" : group;
            var closings = Closings[lines];
            var text = written ? InWriting(topic.Summary) : topic.Summary;
            var turn = state.Next("closing:" + lines) + number;
            // A topic that comes back gets a closing line it did not have before.
            for (var tries = 0; tries < closings.Length && state.Summaries.Contains(text + " " + closings[turn % closings.Length]); tries++) turn++;
            summary = text + " " + closings[turn % closings.Length];
            state.Summaries.Add(summary);
        }
        var outcomes = Outcomes[group];
        var outcome = outcomes[state.Next("outcome:" + group) % outcomes.Length];
        string[] themes = also is null ? [theme] : [theme, also];
        Guid[] contacts = [contact.Id];
        var key = $"routine:{number:0000}";

        ILogInteraction command = kind switch
        {
            "meeting" => new LogMeeting(campaign, contacts, themes, demands, subject, summary, outcome, day,
                random.Next(5) == 0 ? "Online (Teams)" : contact.Location ?? "Nieuwegein",
                random.Next(4) == 0 && actor != Team.PublicAffairs ? [actor, Team.PublicAffairs] : null),
            "call" => new LogCall(campaign, contacts, themes, demands, subject, summary, outcome, day, null),
            "letter" => new SendLetter(campaign, contacts, themes, demands, subject, summary, day,
                $"brief-{day:yyyyMMdd}-{contact.Key}", null),
            _ => new LogEmail(campaign, contacts, themes, demands, subject, summary, day, null, null),
        };
        return Log(actor, key, command);
    }

    private static readonly Dictionary<Guid, string[]> CampaignThemes = new()
    {
        [IndustrieVisieCampaign] = ["regeldruk", "innovatie", "vakmensen", "energietransitie", "ondernemersklimaat", "europa", "industriebeleid"],
        [VerkiezingenCampaign] = ["industriebeleid", "arbeidsproductiviteit", "vakmensen", "netcongestie", "innovatie", "regeldruk", "ondernemersklimaat", "ketens"],
        [FormatieCampaign] = ["ondernemersklimaat", "ketens", "arbeidsproductiviteit", "vakmensen", "netcongestie", "regeldruk", "innovatie", "industriebeleid"],
    };

    private static Guid PickCampaign(DateOnly day, DemoRandom random)
    {
        // The standing position paper keeps well over a third of the work; the rest goes to the election, then to the formation.
        if (random.Next(100) < 40 || day < new DateOnly(2025, 6, 10)) return IndustrieVisieCampaign;
        return day < new DateOnly(2025, 11, 7) ? VerkiezingenCampaign : FormatieCampaign;
    }

    private static DemoContact? PickContact(string theme, DateOnly day, DemoRandom random, RoutineState state)
    {
        var recess = DemoCalendar.InRecess(day);
        return ContactList
            .Where(c => c.Themes.Contains(theme) && c.RoleOn(day) is { Kind: not ContactKind.Informateur })
            .Select(c => (Contact: c, Weight: ContactWeight(c.RoleOn(day)!.Value.Kind, day, recess)))
            .Where(c => c.Weight > 0)
            .OrderBy(c => (state.ContactUses.GetValueOrDefault(c.Contact.Key) + 1) / c.Weight + random.NextDouble() * 2)
            .Select(c => c.Contact)
            .FirstOrDefault();
    }

    private static double ContactWeight(ContactKind kind, DateOnly day, bool recess) => kind switch
    {
        ContactKind.Kamerlid => recess ? 0.3 : day >= new DateOnly(2025, 10, 20) && day < DemoCalendar.NewKamerInstalled ? 0.4 : 1.2,
        ContactKind.Fractiemedewerker => 0.8,
        ContactKind.Minister or ContactKind.Staatssecretaris => 0.25,
        ContactKind.Ambtenaar => 1.0,
        ContactKind.Ally => 0.9,
        ContactKind.Journalist => 0.45,
        _ => day < DemoCalendar.ProgrammesDone ? 1.6 : 0.6
    };

    private static string PickKind(ContactKind kind, DemoRandom random)
    {
        var roll = random.Next(100);
        return kind switch
        {
            ContactKind.Kamerlid => roll < 40 ? "meeting" : roll < 70 ? "email" : roll < 90 ? "call" : "letter",
            ContactKind.Minister or ContactKind.Staatssecretaris => roll < 60 ? "letter" : "meeting",
            ContactKind.Fractiemedewerker => roll < 45 ? "email" : roll < 80 ? "call" : "meeting",
            ContactKind.Ambtenaar => roll < 40 ? "call" : roll < 75 ? "email" : "meeting",
            ContactKind.Ally => roll < 35 ? "meeting" : roll < 70 ? "call" : "email",
            _ => roll < 40 ? "email" : roll < 75 ? "meeting" : "call"
        };
    }

    private static string PickActor(string theme, DemoRandom random)
    {
        var roll = random.Next(100);
        var specialist = theme switch
        {
            "vakmensen" => Team.Onderwijs,
            "netcongestie" or "energietransitie" => Team.Energie,
            _ => Team.PublicAffairs
        };
        return roll < 65 ? specialist : roll < 90 ? Team.DemoOfficer : roll < 95 ? Team.PublicAffairs : Team.DemoManager;
    }

    private static Topic PickTopic(string theme, DateOnly day, DemoRandom random, RoutineState state)
    {
        var topics = Topics[theme];
        // A topic of the moment (the budget, the formation) first while it is current; otherwise the least discussed.
        return topics.Where(t => t.CurrentOn(day))
            .OrderBy(t => state.TopicUses.GetValueOrDefault(t) - (t.Timed ? 1.5 : 0) + random.NextDouble() * 0.9)
            .Select(t =>
            {
                state.TopicUses[t] = state.TopicUses.GetValueOrDefault(t) + 1;
                return t;
            })
            .First();
    }

    private static readonly IReadOnlyList<FormulateDemandStep> DemandCatalogue = Demands().OfType<FormulateDemandStep>().ToList();

    /// <summary>Demands that were closed no longer come up in conversation.</summary>
    private static readonly Dictionary<Guid, DateOnly> ClosedOn = new()
    {
        [I("AM-3")] = new(2025, 9, 1),
        [F("2f")] = DemoCalendar.CoalitionAgreement,
    };

    private static Guid[] PickDemands(Guid campaign, string theme, DateOnly day, DemoRandom random, RoutineState state)
    {
        var candidates = DemandCatalogue
            .Where(d => d.CampaignId == campaign && d.Command.Theme == theme
                        && !(ClosedOn.TryGetValue(d.DemandId, out var closed) && day >= closed))
            .Select(d => d.DemandId).ToList();
        if (candidates.Count == 0 || random.Next(5) == 0) return [];
        var turn = state.DemandTurn[(theme, campaign)] = state.DemandTurn.GetValueOrDefault((theme, campaign)) + 1;
        var first = candidates[turn % candidates.Count];
        return candidates.Count > 1 && random.Next(3) == 0 ? [first, candidates[(turn + 1) % candidates.Count]] : [first];
    }
}

/// <summary>SplitMix64: small, fast, and the same numbers on every platform and .NET version for the same seed.</summary>
internal sealed class DemoRandom(ulong seed)
{
    private ulong _state = seed;

    public ulong NextULong()
    {
        var z = _state += 0x9E3779B97F4A7C15;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    public int Next(int maxExclusive) => (int)(NextULong() % (ulong)maxExclusive);

    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));
}
