using Campaigns.Contacts;
using Campaigns.Demands;
using Campaigns.FollowUps;
using Campaigns.Interactions;

namespace Campaigns.DemoData;

/// <summary>
/// What the team did with its follow-ups. The policies schedule a thank-you note after every meeting, a chaser after a
/// letter to a Kamerlid, informateur or minister, and an implementation check after an adoption; a later contact with
/// the same person cancels a chaser by itself. Here the team settles what is older than a week, as a team does (now and
/// then a note is cancelled or forgotten), leaves the latest ones open, and adds follow-ups by hand around today: due
/// today, overdue, later, done, cancelled and moved, for the team and the two demo accounts.
/// </summary>
public static partial class DemoDataSet
{
    /// <summary>What the policies see by default: they schedule a chaser for letters to these.</summary>
    private static readonly ContactKind[] Chased = new FollowUpPolicyOptions().ChaserContactKinds.ToArray();

    private static readonly string[] ThankYouNotes =
    [
        "Bedankmail met kort verslag verstuurd.",
        "Verslag gedeeld en de toegezegde cijfers meegestuurd.",
        "Bedankt per mail; de notitie volgt apart.",
        "Bedankbrief verstuurd, met de voorbeelden van leden als bijlage.",
        "Kort verslag en dank gestuurd; afspraak voor een vervolg voorgesteld.",
        "Bedankt en de presentatie nagestuurd.",
    ];

    private static readonly string[] ChaserNotes =
    [
        "Nagebeld: de brief is ontvangen en wordt besproken in de fractie.",
        "Nagebeld; de woordvoerder reageert na het reces.",
        "Per mail nagevraagd; ontvangst bevestigd.",
    ];

    private static IEnumerable<DemoStep> FollowUps(IReadOnlyList<DemoStep> timeline, DateOnly today)
    {
        var settleBefore = today.AddDays(-7);
        var contacts = ContactList.ToDictionary(c => c.Id);
        var openChasers = new List<(Guid Id, Guid Campaign, Guid[] Contacts, DateOnly On, string Actor, string Subject)>();
        var steps = new List<DemoStep>();
        var meetings = 0;

        foreach (var step in timeline)
        {
            if (step is AdoptDemandStep adopt && adopt.Command.OccurredOn!.Value.AddDays(90) < settleBefore)
            {
                var id = FollowUpPolicies.IdFor(adopt.DemandId, $"implementation:{adopt.Command.OccurredOn:O}");
                steps.Add(new CompleteFollowUpStep(adopt.Actor, id, new CompleteFollowUp(adopt.Command.OccurredOn.Value.AddDays(93), null,
                    "Uitvoering nagegaan bij het ministerie; loopt volgens afspraak.")));
            }
            if (step is not LogInteractionStep log) continue;
            var command = log.Command;
            var on = command.HappenedOn!.Value;

            // A later contact with the same person on the same campaign cancels the chaser (FollowUpPolicies.SettledBy).
            openChasers.RemoveAll(c => c.Campaign == command.CampaignId && c.On < on && c.Contacts.Intersect(command.ContactIds!).Any());

            if (command is LogMeeting)
            {
                var thankYou = FollowUpPolicies.IdFor(log.InteractionId, nameof(FollowUpKind.ThankYou));
                var due = WorkingDays.Add(on, 3);
                if (due >= settleBefore) continue;
                meetings++;
                if (meetings % 23 == 0) continue; // forgotten: overdue ever since
                steps.Add(meetings % 11 == 0
                    ? new CancelFollowUpStep(log.Actor, thankYou, new CancelFollowUp("Ter plekke bedankt; een verslag was niet nodig."))
                    : new CompleteFollowUpStep(log.Actor, thankYou, new CompleteFollowUp(
                        WorkingDays.Add(on, 1 + meetings % 3), null, ThankYouNotes[meetings % ThankYouNotes.Length])));
            }
            if (command is SendLetter)
            {
                var chased = command.ContactIds!.Where(id => contacts[id].RoleOn(on) is { } role && Chased.Contains(role.Kind)).ToArray();
                if (chased.Length > 0)
                    openChasers.Add((FollowUpPolicies.IdFor(log.InteractionId, nameof(FollowUpKind.Chaser)), command.CampaignId!.Value,
                        chased, on, log.Actor, command.Subject));
            }
        }

        var chasers = 0;
        foreach (var chaser in openChasers.Where(c => c.On.AddDays(14) < settleBefore))
        {
            chasers++;
            steps.Add(chasers % 4 == 0
                ? new CancelFollowUpStep(chaser.Actor, chaser.Id, new CancelFollowUp("Het antwoord kwam per post; nabellen is niet meer nodig."))
                : new CompleteFollowUpStep(chaser.Actor, chaser.Id, new CompleteFollowUp(
                    chaser.On.AddDays(15), null, ChaserNotes[chasers % ChaserNotes.Length])));
        }

        return [.. steps, .. ByHand(today)];
    }

    /// <summary>Follow-ups the team made by hand, dated from today: every state a list can show.</summary>
    private static IEnumerable<DemoStep> ByHand(DateOnly today)
    {
        ScheduleFollowUpStep Plan(string key, string by, string description, int dueInDays, Guid campaign, Guid[] contacts, Guid? demand = null) =>
            new(by, DemoIds.For($"demo:follow-up:{key}"),
                new ScheduleFollowUp(description, today.AddDays(dueInDays), by, campaign, contacts, demand, null));
        Guid Id(string key) => DemoIds.For($"demo:follow-up:{key}");
        var f = FormatieCampaign;
        var iv = IndustrieVisieCampaign;

        // Due today.
        yield return Plan("spl-cijfers-ocw", Team.DemoOfficer,
            "Cijfers bbl-leerplekken 2026 naar het ministerie van OCW sturen", 0, f, [Jansen], F("2d"));
        yield return Plan("notitie-energiehubs", Team.Energie,
            "Notitie over energiehubs op bedrijventerreinen afronden voor de provincie", 0, f, [C("verstappen")], F("3a"));
        // Overdue.
        yield return Plan("werkbezoek-bosman", Team.DemoOfficer,
            "Datum prikken voor het werkbezoek van Kamerlid Bosman aan een leerbedrijf", -3, f, [C("bosman")], F("2b"));
        yield return Plan("reactie-atr", Team.DemoOfficer,
            "Reactie geven op de consultatie van het Adviescollege Toetsing Regeldruk", -8, iv, [C("brinkman")], I("RD-1"));
        yield return Plan("amendement-rd", Team.PublicAffairs,
            "Nagaan of het amendement over het R&D-pad is ingediend", -2, f, [Kloosterman], F("1a"));
        // Later.
        yield return Plan("voorjaarsnota-2027", Team.DemoManager,
            "Gezamenlijke inbreng voor de Voorjaarsnota 2027 met MKB-Nederland afstemmen", 9, f, [Timmermans]);
        yield return Plan("interview-fd", Team.DemoOfficer,
            "Twee leden voorbereiden op het interview met het FD over netcongestie", 2, f, [C("kramer")], F("3a"));
        yield return Plan("evaluatie-motie", Team.Energie,
            "Uitvoeringsbrief over de motie congestiemanagement bespreken met de Kamerleden", 16, f, [Kloosterman, C("vanleeuwen")], F("3a"));
        yield return Plan("defensie-inkopers", Team.DemoManager,
            "Bijeenkomst met defensie-inkopers en toeleveranciers voorbereiden", 4, iv, [Kuipers, C("groen")], I("EU-2"));
        // Done and cancelled.
        yield return Plan("verslag-rondetafel", Team.DemoManager,
            "Verslag van het rondetafelgesprek industriebeleid delen met het bestuur", -40, iv, [DeBoer]);
        yield return new CompleteFollowUpStep(Team.DemoManager, Id("verslag-rondetafel"),
            new CompleteFollowUp(today.AddDays(-41), null, "Gedeeld in de bestuursvergadering."));
        yield return Plan("cijfers-oom", Team.DemoOfficer,
            "Nieuwe OOM-cijfers over zij-instromers opvragen", -12, f, [C("boon")], F("2c"));
        yield return new CompleteFollowUpStep(Team.DemoOfficer, Id("cijfers-oom"),
            new CompleteFollowUp(today.AddDays(-13), null, "Ontvangen en gedeeld met de beleidssecretaris onderwijs."));
        yield return Plan("bezoek-groningen", Team.DemoOfficer,
            "Bedrijfsbezoek in Groningen met Kamerlid Boersma plannen", -5, iv, [C("boersma")], I("RD-1"));
        yield return new CancelFollowUpStep(Team.DemoOfficer, Id("bezoek-groningen"),
            new CancelFollowUp("Het Kamerlid heeft het bezoek afgezegd; we plannen opnieuw na het reces."));
        // Moved to a later date.
        yield return Plan("bor-financien", Team.DemoManager,
            "Gesprek met Financiën over de bedrijfsopvolgingsregeling inplannen", -4, iv, [C("wijnands")], I("OND-1"));
        yield return new RescheduleFollowUpStep(Team.DemoManager, Id("bor-financien"),
            new RescheduleFollowUp(today.AddDays(6), "Het ministerie kan pas na het Belastingplan."));
    }

    /// <summary>
    /// The timeline in the order the team would have recorded it: by the date each step is about, a correction or
    /// retraction right behind the entry it corrects. Stable, so steps of one day keep their written order.
    /// </summary>
    private static IReadOnlyList<DemoStep> Chronological(IEnumerable<DemoStep> steps)
    {
        var dated = new List<(DateOnly On, int Order, DemoStep Step)>();
        var last = DateOnly.MinValue;
        foreach (var step in steps)
        {
            last = DateOf(step) ?? last;
            dated.Add((last, dated.Count, step));
        }
        return dated.OrderBy(d => d.On).ThenBy(d => d.Order).Select(d => d.Step).ToList();
    }

    private static DateOnly? DateOf(DemoStep step) => step switch
    {
        LogInteractionStep s => s.Command.HappenedOn,
        RecordSupportStep s => s.Command.OccurredOn,
        AdoptDemandStep s => s.Command.OccurredOn,
        RejectDemandStep s => s.Command.OccurredOn,
        WithdrawDemandStep s => s.Command.OccurredOn,
        CloseCampaignStep s => s.Command.ClosedOn,
        ChangeContactRoleStep s => s.Command.EffectiveOn,
        EndContactRoleStep s => s.Command.EffectiveOn,
        _ => null
    };
}
