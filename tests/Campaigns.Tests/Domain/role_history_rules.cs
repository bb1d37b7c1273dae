using Campaigns.Contacts;

namespace Campaigns.Tests.Domain;

public class role_history_rules
{
    private static readonly Guid Id = Guid.NewGuid();
    private static readonly DateOnly KamerlidSince = new(2021, 3, 31);

    private static Contact Kamerlid() =>
        Contact.Create(new ContactRegistered(Id, "Henri Bontenbal", ContactKind.Kamerlid, "CDA", KamerlidSince, null, null, null));

    [Fact]
    public void a_new_role_must_start_after_the_latest_role_began()
    {
        Assert.Null(ContactRoleRules.NewRole(Kamerlid(), new DateOnly(2026, 2, 23)));
        Assert.Contains("31-3-2021", ContactRoleRules.NewRole(Kamerlid(), new DateOnly(2020, 1, 1)));
        Assert.NotNull(ContactRoleRules.NewRole(Kamerlid(), KamerlidSince));
    }

    [Fact]
    public void a_role_in_the_past_goes_in_only_as_a_correction_of_the_history()
    {
        var before = new DateOnly(2017, 3, 23);
        Assert.Null(ContactRoleRules.HistoryCorrection(Kamerlid(), before));
        Assert.NotNull(ContactRoleRules.HistoryCorrection(Kamerlid(), new DateOnly(2026, 1, 1)));

        var corrected = Kamerlid().Apply(new ContactRoleHistoryCorrected(Id, ContactKind.Fractiemedewerker, "CDA", before, "Was eerder fractiemedewerker"));
        Assert.Equal([ContactKind.Fractiemedewerker, ContactKind.Kamerlid], corrected.Roles.Select(r => r.Kind));
        Assert.Equal(KamerlidSince, corrected.Roles[0].Until);
        Assert.Equal(ContactKind.Kamerlid, corrected.CurrentRole!.Kind);
    }

    [Fact]
    public void a_correction_on_the_latest_roles_start_replaces_that_role()
    {
        var corrected = Kamerlid().Apply(new ContactRoleHistoryCorrected(Id, ContactKind.Kamerlid, "CDA-fractie", KamerlidSince, "Typfout"));
        Assert.Equal("CDA-fractie", Assert.Single(corrected.Roles).Organisation);
        Assert.Equal("CDA-fractie", corrected.Organisation);
    }

    [Fact]
    public void a_role_ends_not_before_it_began()
    {
        Assert.Null(ContactRoleRules.EndRole(Kamerlid(), new DateOnly(2026, 1, 1)));
        Assert.NotNull(ContactRoleRules.EndRole(Kamerlid(), new DateOnly(2021, 1, 1)));
    }

    [Fact]
    public void a_role_that_starts_in_the_future_is_upcoming_not_current_today()
    {
        var today = new DateOnly(2026, 2, 1);
        var contact = Kamerlid().Apply(new ContactRoleChanged(Id, ContactKind.Staatssecretaris, "Ministerie van Financiën", new DateOnly(2026, 2, 23)));

        Assert.Equal(ContactKind.Kamerlid, contact.RoleOn(today)!.Kind);
        Assert.Equal(ContactKind.Staatssecretaris, contact.UpcomingRole(today)!.Kind);
        Assert.Null(contact.UpcomingRole(new DateOnly(2026, 3, 1)));
    }

    [Fact]
    public void changed_details_replace_the_old_ones_and_an_empty_field_clears()
    {
        var contact = Contact.Create(new ContactRegistered(Id, "Femke", ContactKind.Ambtenaar, "EZ", KamerlidSince, "f@ez.nl", "070-1", "notitie"))
            .Apply(new ContactDetailsChanged(Id, "f@ez.nl", "06-12345678", null, LawfulBasis.Consent));

        Assert.Equal("06-12345678", contact.Phone);
        Assert.Null(contact.Notes);
        Assert.Equal(LawfulBasis.Consent, contact.LawfulBasis);
        Assert.Null(ChangeContactDetailsHandler.Decide(new ChangeContactDetails("f@ez.nl", "06-12345678", " ", LawfulBasis.Consent), contact));
    }
}
