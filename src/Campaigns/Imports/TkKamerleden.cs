using Campaigns.Contacts;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Campaigns.Imports;

/// <summary>One seat held by a person, resolved to the fractie's abbreviation.</summary>
/// <param name="Deleted">Whether the record says so itself (<c>Verwijderd</c>), or its seat, fractie or person is deleted.</param>
public sealed record TkMembership(Guid Id, Guid PersoonId, string Fractie, DateOnly Van, DateOnly? TotEnMet, bool Deleted, DateOnly? ChangedOn)
{
    /// <summary>The first day the person is no longer a member: the day after "tot en met".</summary>
    public DateOnly? Until => TotEnMet?.AddDays(1);
}

/// <summary>A person of the open data with every membership the import knows for them.</summary>
public sealed record TkKamerlid(TkPersoon Persoon, IReadOnlyList<TkMembership> Memberships);

public enum TkOutcome { Created, Changed, Unchanged, NotSeated, Forgotten }

public sealed record TkDecision(TkOutcome Outcome, IReadOnlyList<object> Events, IReadOnlyList<TkProblem> Problems);

/// <summary>
/// Checks a <see cref="TkDataSet"/> as a whole, and decides per person what the Contacts slice must record, through
/// the endpoints' own Validate and Decide functions: <see cref="RegisterContactHandler"/>,
/// <see cref="ChangeContactRoleHandler"/> and <see cref="EndContactRoleHandler"/>. Pure: no store, no clock.
/// </summary>
public static class TkKamerleden
{
    /// <summary>Every record that cannot be imported as it is, named by entity and Id; empty when all is well.</summary>
    public static List<TkProblem> Check(TkDataSet data)
    {
        var problems = new List<TkProblem>(data.Problems);
        foreach (var p in data.Personen.Values.Where(p => !p.Verwijderd && p.Achternaam is null))
            problems.Add(new TkProblem($"Persoon {p.Id}", "Achternaam ontbreekt."));
        foreach (var f in data.Fracties.Values.Where(f => !f.Verwijderd && f.Afkorting is null))
            problems.Add(new TkProblem($"Fractie {f.Id}", "Afkorting ontbreekt."));
        foreach (var z in data.Zetels.Values.Where(z => !z.Verwijderd))
        {
            if (z.FractieId is null) problems.Add(new TkProblem($"FractieZetel {z.Id}", "Fractie_Id ontbreekt."));
            else if (!data.Fracties.ContainsKey(z.FractieId.Value))
                problems.Add(new TkProblem($"FractieZetel {z.Id}", $"Fractie_Id {z.FractieId} verwijst naar een Fractie die niet in de import staat."));
        }
        foreach (var m in data.Lidmaatschappen.Values.Where(m => !m.Verwijderd))
        {
            var name = $"FractieZetelPersoon {m.Id}";
            if (m.PersoonId is null) problems.Add(new TkProblem(name, "Persoon_Id ontbreekt."));
            else if (!data.Personen.ContainsKey(m.PersoonId.Value))
                problems.Add(new TkProblem(name, $"Persoon_Id {m.PersoonId} verwijst naar een Persoon die niet in de import staat."));
            if (m.FractieZetelId is null) problems.Add(new TkProblem(name, "FractieZetel_Id ontbreekt."));
            else if (!data.Zetels.ContainsKey(m.FractieZetelId.Value))
                problems.Add(new TkProblem(name, $"FractieZetel_Id {m.FractieZetelId} verwijst naar een FractieZetel die niet in de import staat."));
            if (m.Van is null) problems.Add(new TkProblem(name, "Van ontbreekt."));
            else if (m.TotEnMet < m.Van) problems.Add(new TkProblem(name, $"TotEnMet {m.TotEnMet:yyyy-MM-dd} ligt voor Van {m.Van:yyyy-MM-dd}."));
        }
        return problems;
    }

    /// <summary>
    /// The people with at least one membership that can be resolved to a person and a fractie. A deleted membership
    /// whose person or seat is not in the import says nothing about anyone and is left out.
    /// </summary>
    public static IReadOnlyList<TkKamerlid> Kamerleden(TkDataSet data)
    {
        var memberships = new List<TkMembership>();
        foreach (var m in data.Lidmaatschappen.Values)
        {
            if (m.PersoonId is not { } persoonId || !data.Personen.TryGetValue(persoonId, out var persoon)) continue;
            if (m.FractieZetelId is not { } zetelId || !data.Zetels.TryGetValue(zetelId, out var zetel)) continue;
            if (zetel.FractieId is not { } fractieId || !data.Fracties.TryGetValue(fractieId, out var fractie) || fractie.Afkorting is null) continue;
            if (m.Van is not { } van) continue;
            var deleted = m.Verwijderd || zetel.Verwijderd || fractie.Verwijderd || persoon.Verwijderd;
            var changedOn = new[] { m.GewijzigdOp, deleted ? persoon.GewijzigdOp : null }.Max();
            memberships.Add(new TkMembership(m.Id, persoonId, fractie.Afkorting, van, m.TotEnMet, deleted,
                changedOn is { } c ? DateOnly.FromDateTime(c.DateTime) : null));
        }
        return memberships
            .GroupBy(m => m.PersoonId)
            .Select(g => new TkKamerlid(data.Personen[g.Key], g.OrderBy(m => m.Van).ThenBy(m => m.Id).ToList()))
            .OrderBy(k => k.Persoon.Achternaam, StringComparer.Ordinal).ThenBy(k => k.Persoon.Id)
            .ToList();
    }

    /// <summary>
    /// The periods a person sat for a fractie, from the memberships that still stand: memberships of one fractie that
    /// touch or overlap are one period (another seat, another function); a membership of another fractie starts a new one.
    /// Until is the first day no longer a member, as in <see cref="RolePeriod"/>.
    /// </summary>
    public static IReadOnlyList<RolePeriod> Periods(IEnumerable<TkMembership> memberships)
    {
        var periods = new List<RolePeriod>();
        foreach (var m in memberships.Where(m => !m.Deleted).OrderBy(m => m.Van))
        {
            if (periods.Count > 0)
            {
                var last = periods[^1];
                var touches = last.Until is null || last.Until >= m.Van;
                if (touches && last.Organisation == m.Fractie)
                {
                    periods[^1] = last with { Until = last.Until is null || m.Until is null ? null : Max(last.Until.Value, m.Until.Value) };
                    continue;
                }
                if (touches) periods[^1] = last with { Until = m.Van };
                if (periods[^1].From == m.Van) periods.RemoveAt(periods.Count - 1);
            }
            periods.Add(new RolePeriod(ContactKind.Kamerlid, m.Fractie, m.Van, m.Until));
        }
        return periods;
    }

    /// <summary>
    /// What to record for one person. A person we do not know yet is registered only while seated (the last period
    /// is open), with the first period; every later period is a role change at its start, every period that ends
    /// without a next one starting that day ends the role, and a deleted membership ends the role it gave, if that
    /// role is still current. Each step is decided on the state the previous ones left, so a second run finds
    /// everything in place and decides nothing.
    /// </summary>
    public static TkDecision Decide(TkKamerlid kamerlid, Contact? contact, Guid newId, DateOnly today, TimeProvider clock)
    {
        var persoon = kamerlid.Persoon;
        var periods = Periods(kamerlid.Memberships);
        var stillSeated = periods.Count > 0 && periods[^1].Until is null;
        var events = new List<object>();
        var problems = new List<TkProblem>();
        var record = $"Persoon {persoon.Id} ({persoon.Name})";

        bool Accepted(ProblemDetails problem)
        {
            if (ReferenceEquals(problem, WolverineContinue.NoProblems) || problem.Status is null or < 400) return true;
            var detail = problem is ValidationProblemDetails validation
                ? string.Join("; ", validation.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))
                : problem.Detail;
            problems.Add(new TkProblem(record, $"geweigerd door de contactenregels: {detail}"));
            return false;
        }

        if (contact is null)
        {
            if (!stillSeated) return new TkDecision(TkOutcome.NotSeated, [], []);
            var first = periods[0];
            var register = new RegisterContact(persoon.Name, ContactKind.Kamerlid, first.Organisation, null, null, null, first.From);
            if (!Accepted(RegisterContactHandler.Validate(register, clock))) return new TkDecision(TkOutcome.Created, [], problems);
            var registered = RegisterContactHandler.Decide(register, newId, today) with { TkPersoonId = TkId(persoon.Id) };
            events.Add(registered);
            contact = Contact.Create(registered);
        }
        else if (contact.Forgotten)
            // Forgotten on request (GDPR art. 17): the import does not bring the person back.
            return new TkDecision(TkOutcome.Forgotten, [], []);

        var registering = events.Count > 0;
        foreach (var period in periods)
        {
            if (!Sits(contact, period.Organisation, period.From))
            {
                var change = new ChangeContactRole(ContactKind.Kamerlid, period.Organisation, period.From);
                if (!Accepted(ChangeContactRoleHandler.CheckFields(change).ToProblem())) break;
                var changed = ChangeContactRoleHandler.Decide(change, contact);
                events.Add(changed);
                contact = contact.Apply(changed);
            }
            if (period.Until is { } until && Sits(contact, period.Organisation, until) && !periods.Any(p => p.From == until))
            {
                var end = new EndContactRole(until, $"Lidmaatschap {period.Organisation} tot en met {until.AddDays(-1):yyyy-MM-dd} (open data Tweede Kamer)");
                if (!Accepted(EndContactRoleHandler.CheckFields(end).ToProblem()) || !Accepted(EndContactRoleHandler.CheckState(end, contact))) break;
                var ended = EndContactRoleHandler.Decide(end, contact);
                events.Add(ended);
                contact = contact.Apply(ended);
            }
        }

        if (!stillSeated)
            foreach (var deleted in kamerlid.Memberships.Where(m => m.Deleted))
            {
                if (contact.CurrentRole is not { Kind: ContactKind.Kamerlid } current || current.Organisation != deleted.Fractie) continue;
                var on = deleted.Until ?? deleted.ChangedOn ?? today;
                var end = new EndContactRole(on < current.From ? current.From : on,
                    $"Lidmaatschap {deleted.Fractie} verwijderd uit de open data van de Tweede Kamer");
                if (!Accepted(EndContactRoleHandler.CheckFields(end).ToProblem()) || !Accepted(EndContactRoleHandler.CheckState(end, contact))) break;
                var ended = EndContactRoleHandler.Decide(end, contact);
                events.Add(ended);
                contact = contact.Apply(ended);
            }

        var outcome = registering ? TkOutcome.Created : events.Count > 0 ? TkOutcome.Changed : TkOutcome.Unchanged;
        return new TkDecision(outcome, problems.Count > 0 ? [] : events, problems);
    }

    /// <summary>How a TK id is stored on a contact: the GUID in lower case with dashes.</summary>
    public static string TkId(Guid persoonId) => persoonId.ToString("D");

    private static bool Sits(Contact contact, string fractie, DateOnly on) =>
        contact.RoleOn(on) is { Kind: ContactKind.Kamerlid } role && role.Organisation == fractie;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
