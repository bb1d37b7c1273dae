namespace Campaigns.Contacts;

public enum ContactKind
{
    Informateur, Formateur, Verkenner, Kamerlid, Minister, Staatssecretaris, Ambtenaar, Fractiemedewerker, Journalist, Ally, Other
}

/// <summary>
/// Why we may hold data about this person (GDPR art. 6). Public-affairs work on office holders is normally
/// legitimate interest; consent is for private persons who agreed.
/// </summary>
public enum LawfulBasis { LegitimateInterest, Consent, PublicTask, Contract }

public enum InformationChannel { Letter, Email, InPerson, Other }

/// <param name="TkPersoonId">
/// The person's <c>Persoon.Id</c> in the Tweede Kamer's open data, for contacts the Kamerleden import registered;
/// the import matches on it, never on a name. Null for everyone else and for events recorded before it existed.
/// </param>
public record ContactRegistered(
    Guid ContactId, string Name, ContactKind Kind, string Organisation, DateOnly EffectiveOn,
    string? Email, string? Phone, string? Notes, LawfulBasis LawfulBasis = LawfulBasis.LegitimateInterest,
    string? TkPersoonId = null);

/// <summary>The person was told that we record data about them, why, and how to object (GDPR art. 14).</summary>
public record DataSubjectInformed(Guid ContactId, DateOnly InformedOn, InformationChannel Channel, string? Note);

/// <summary>
/// An admin erased the person's data (GDPR art. 17). The event itself holds no personal data; the erasure of the
/// earlier events and read models is done by Marten's event data masking (see Privacy/).
/// </summary>
public record ContactForgotten(Guid ContactId, DateOnly ForgottenOn);

/// <summary>A new role from a date on: an informateur becomes minister, a Kamerlid changes fractie.</summary>
public record ContactRoleChanged(Guid ContactId, ContactKind Kind, string Organisation, DateOnly EffectiveOn);

/// <summary>The current role ends without a new one, e.g. an informateur's task is done or a Kamerlid leaves the Kamer.</summary>
public record ContactRoleEnded(Guid ContactId, DateOnly EffectiveOn, string? Reason);

/// <summary>
/// E-mail, phone, notes and lawful basis as they are from now on: the whole set, so that a cleared field is a change
/// too. The earlier values stay in the stream (and the audit).
/// </summary>
public record ContactDetailsChanged(Guid ContactId, string? Email, string? Phone, string? Notes, LawfulBasis LawfulBasis);

/// <summary>
/// The role history was wrong: a role is inserted at a date before the latest role's start (or replaces the role that
/// starts that day). Not a change of role: the person held this role then, we only learned it later.
/// </summary>
public record ContactRoleHistoryCorrected(Guid ContactId, ContactKind Kind, string Organisation, DateOnly EffectiveOn, string Reason);

public sealed record RolePeriod(ContactKind Kind, string Organisation, DateOnly From, DateOnly? Until);

/// <summary>A person the team lobbies or works with, with the history of the roles they held.</summary>
public sealed record Contact(
    Guid Id, string Name, ContactKind Kind, string Organisation, string? Email, string? Phone, string? Notes,
    IReadOnlyList<RolePeriod> Roles, LawfulBasis LawfulBasis = LawfulBasis.LegitimateInterest, DateOnly? InformedOn = null,
    bool Forgotten = false, string? TkPersoonId = null)
{
    /// <summary>What a forgotten person's name reads everywhere.</summary>
    public const string ForgottenName = "verwijderd contact";

    /// <summary>The role held today, as far as the recorded history knows; null once every role has ended.</summary>
    public RolePeriod? CurrentRole => Roles.Count > 0 && Roles[^1].Until is null ? Roles[^1] : null;

    public RolePeriod? RoleOn(DateOnly date) =>
        Roles.LastOrDefault(r => r.From <= date && (r.Until is null || date < r.Until));

    /// <summary>A role recorded to start after <paramref name="today"/>: shown as "per &lt;datum&gt;", not as current.</summary>
    public RolePeriod? UpcomingRole(DateOnly today) => Roles.FirstOrDefault(r => r.From > today);

    public static Contact Create(ContactRegistered e) =>
        new(e.ContactId, e.Name, e.Kind, e.Organisation, e.Email, e.Phone, e.Notes,
            [new RolePeriod(e.Kind, e.Organisation, e.EffectiveOn, null)], e.LawfulBasis, TkPersoonId: e.TkPersoonId);

    public Contact Apply(DataSubjectInformed e) => this with { InformedOn = InformedOn is { } earlier && earlier <= e.InformedOn ? earlier : e.InformedOn };

    public Contact Apply(ContactForgotten _) => this with { Name = ForgottenName, Email = null, Phone = null, Notes = null, Forgotten = true };

    public Contact Apply(ContactDetailsChanged e) =>
        this with { Email = e.Email, Phone = e.Phone, Notes = e.Notes, LawfulBasis = e.LawfulBasis };

    public Contact Apply(ContactRoleHistoryCorrected e) => WithRoles(InsertRole(new RolePeriod(e.Kind, e.Organisation, e.EffectiveOn, null)));

    public Contact Apply(ContactRoleChanged e) => WithRoles(InsertRole(new RolePeriod(e.Kind, e.Organisation, e.EffectiveOn, null)));

    public Contact Apply(ContactRoleEnded e) =>
        WithRoles(Roles.Select(r => r.From <= e.EffectiveOn && (r.Until is null || r.Until > e.EffectiveOn) ? r with { Until = e.EffectiveOn } : r).ToList());

    /// <summary>Kind and organisation mirror the latest role, so that lists can filter on them in the database.</summary>
    private Contact WithRoles(IReadOnlyList<RolePeriod> roles) =>
        this with { Roles = roles, Kind = roles[^1].Kind, Organisation = roles[^1].Organisation };

    /// <summary>Role changes may be back-filled out of order; periods stay sorted and contiguous.</summary>
    private List<RolePeriod> InsertRole(RolePeriod role)
    {
        var periods = Roles.Where(r => r.From != role.From).Append(role).OrderBy(r => r.From).ToList();
        for (var i = 0; i < periods.Count - 1; i++)
        {
            var next = periods[i + 1].From;
            if (periods[i].Until is null || periods[i].Until > next) periods[i] = periods[i] with { Until = next };
        }
        return periods;
    }
}
