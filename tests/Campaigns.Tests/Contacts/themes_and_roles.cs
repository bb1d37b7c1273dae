using Campaigns.Contacts;
using Campaigns.Tests.Infrastructure;
using Campaigns.Themes;

namespace Campaigns.Tests.Contacts;

public class themes_and_roles(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task a_renamed_theme_keeps_its_slug_and_its_history()
    {
        var id = await Create("/api/themes", new { slug = "netcongestie", label = "Netcongestie" });
        await Post("/api/themes/netcongestie/label", new { label = "Netcongestie en energie-infrastructuur" }, 204);

        var theme = await Get<Theme>("/api/themes/netcongestie");
        Assert.Equal((id, "netcongestie", "Netcongestie en energie-infrastructuur"), (theme.Id, theme.Slug, theme.Label));
        Assert.Single(await Get<List<Theme>>("/api/themes"));
        await Post("/api/themes", new { slug = "netcongestie", label = "Dubbel" }, 409);
        await Post("/api/themes/bestaat-niet/label", new { label = "x" }, 404);

        // The name it already has: refused on the label, and nothing stored.
        var events = await CountEvents();
        var same = await Post("/api/themes/netcongestie/label", new { label = " Netcongestie en energie-infrastructuur " }, 400);
        Assert.Contains("Dit thema heet al zo.", await same.ReadAsTextAsync());
        Assert.Equal(events, await CountEvents());
    }

    [Fact]
    public async Task an_informateurs_role_ends_and_cannot_end_twice()
    {
        var id = await Create("/api/contacts", new { name = "Dijkgraaf", kind = "informateur", organisation = "Kabinetsformatie", effectiveOn = "2025-11-01" });
        await Post($"/api/contacts/{id}/role-end", new { effectiveOn = "2026-01-20", reason = "Eindverslag uitgebracht" }, 204);

        var contact = await Get<ContactView>($"/api/contacts/{id}?on=2025-12-01");
        Assert.Null(contact.CurrentRole);
        Assert.Equal(ContactKind.Informateur, contact.RoleOn!.Kind);
        await Post($"/api/contacts/{id}/role-end", new { effectiveOn = "2026-01-21" }, 409);
    }
}
