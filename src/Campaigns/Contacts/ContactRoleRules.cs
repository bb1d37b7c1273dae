namespace Campaigns.Contacts;

/// <summary>
/// The role history reads forward: a new role starts after the latest one began, a role ends after it began, and a role
/// that belongs before the latest one goes in only as an explicit correction of the history. Null means allowed.
/// </summary>
public static class ContactRoleRules
{
    public static string? NewRole(Contact contact, DateOnly effectiveOn) =>
        contact.Roles.Count > 0 && effectiveOn <= contact.Roles[^1].From
            ? $"Moet na {Day(contact.Roles[^1].From)} liggen, het begin van de laatste rol. Hoort de rol eerder? Corrigeer dan de rolgeschiedenis."
            : null;

    public static string? EndRole(Contact contact, DateOnly endsOn) =>
        contact.CurrentRole is { } current && endsOn < current.From
            ? $"Mag niet voor {Day(current.From)} liggen, het begin van de rol."
            : null;

    /// <summary>A correction inserts a role at or before the latest role's start; later is an ordinary new role.</summary>
    public static string? HistoryCorrection(Contact contact, DateOnly effectiveOn) =>
        contact.Roles.Count > 0 && effectiveOn > contact.Roles[^1].From
            ? $"Een rol na {Day(contact.Roles[^1].From)} is een gewone rolwijziging, geen correctie van de geschiedenis."
            : null;

    private static string Day(DateOnly date) => date.ToString("d-M-yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
