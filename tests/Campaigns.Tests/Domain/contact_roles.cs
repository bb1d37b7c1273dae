using Campaigns.Contacts;

namespace Campaigns.Tests.Domain;

public class contact_roles
{
    private static readonly Guid Id = Guid.NewGuid();

    [Fact]
    public void a_kamerlid_who_becomes_minister_was_kamerlid_before_that_date()
    {
        var contact = Contact.Create(new ContactRegistered(Id, "Henri Bontenbal", ContactKind.Kamerlid, "CDA", new DateOnly(2021, 3, 31), null, null, null))
            .Apply(new ContactRoleChanged(Id, ContactKind.Minister, "Ministerie van Economische Zaken", new DateOnly(2026, 2, 23)));

        Assert.Equal(ContactKind.Kamerlid, contact.RoleOn(new DateOnly(2025, 3, 1))!.Kind);
        Assert.Equal(ContactKind.Minister, contact.RoleOn(new DateOnly(2026, 3, 1))!.Kind);
        Assert.Null(contact.RoleOn(new DateOnly(2020, 1, 1)));
        Assert.Equal(ContactKind.Minister, contact.Kind);
    }

    [Fact]
    public void a_back_filled_role_change_slots_into_history()
    {
        var contact = Contact.Create(new ContactRegistered(Id, "Van Zwol", ContactKind.Informateur, "Tweede Kamer", new DateOnly(2025, 11, 1), null, null, null))
            .Apply(new ContactRoleChanged(Id, ContactKind.Kamerlid, "VVD", new DateOnly(2023, 12, 6)));

        Assert.Equal(ContactKind.Kamerlid, contact.RoleOn(new DateOnly(2024, 6, 1))!.Kind);
        Assert.Equal(ContactKind.Informateur, contact.RoleOn(new DateOnly(2025, 11, 2))!.Kind);
        Assert.Equal(new DateOnly(2025, 11, 1), contact.Roles[0].Until);
    }

    [Fact]
    public void an_informateurs_role_ends()
    {
        var contact = Contact.Create(new ContactRegistered(Id, "Dijkgraaf", ContactKind.Informateur, "Tweede Kamer", new DateOnly(2025, 11, 1), null, null, null))
            .Apply(new ContactRoleEnded(Id, new DateOnly(2026, 1, 20), "Eindverslag uitgebracht"));

        Assert.Null(contact.CurrentRole);
        Assert.Null(contact.RoleOn(new DateOnly(2026, 2, 1)));
        Assert.Equal(ContactKind.Informateur, contact.RoleOn(new DateOnly(2025, 12, 1))!.Kind);
    }
}
