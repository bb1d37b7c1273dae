using Campaigns.Accounts;
using Campaigns.Audit;
using Campaigns.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.Tests.Accounts;

public class roles_and_audit(AppFixture fixture) : FormationContext(fixture)
{
    private async Task As(string user, string role, string method, string url, object? body, int status)
    {
        var authorization = await BearerFor(user, role);
        await Scenario(x =>
        {
            if (method == "GET") x.Get.Url(url); else x.Post.Json(body ?? new { }).ToUrl(url);
            x.WithRequestHeader("Authorization", authorization);
            x.StatusCodeShouldBe(status);
        });
    }

    [Fact]
    public async Task an_officer_logs_meetings_and_registers_contacts_but_gets_403_for_managers_work_and_nothing_is_stored()
    {
        await Create("/api/meetings", _formation.Meeting(_formation.VanZwol), user: "olga.officer", role: Roles.Officer);
        await Create("/api/contacts", new { name = "Sophie Hermans", kind = "minister", organisation = "VVD" }, user: "olga.officer", role: Roles.Officer);
        var before = await CountEvents();

        await As("olga.officer", Roles.Officer, "POST", $"/api/campaigns/{_formation.CampaignId}/demands",
            new { theme = "vakmensen", text = "Meer praktijkleren" }, 403);
        await As("olga.officer", Roles.Officer, "POST", $"/api/demands/{_formation.Demand2d}/adoption",
            new { venue = "coalition-agreement", occurredOn = "2025-12-01" }, 403);
        await As("olga.officer", Roles.Officer, "POST", "/api/themes", new { slug = "stikstof", label = "Stikstof" }, 403);
        await As("olga.officer", Roles.Officer, "POST", "/api/campaigns", new { name = "X", goal = "Y", startsOn = "2025-01-01" }, 403);
        await As("olga.officer", Roles.Officer, "POST", $"/api/contacts/{_formation.Dijkgraaf}/forget", null, 403);
        await As("olga.officer", Roles.Officer, "POST", "/api/users", new { name = "eve", role = "admin" }, 403);
        await As("olga.officer", Roles.Officer, "GET", "/api/audit", null, 403);
        await As("olga.officer", Roles.Officer, "GET", $"/api/campaigns/{_formation.CampaignId}/scoreboard", null, 403);

        Assert.Equal(before, await CountEvents());
        await As("olga.officer", Roles.Officer, "GET", $"/api/timelines/campaigns/{_formation.CampaignId}", null, 200);
        await As("olga.officer", Roles.Officer, "GET", $"/api/demands/{_formation.Demand2d}", null, 200);
        await As("olga.officer", Roles.Officer, "GET", $"/api/contacts/{_formation.Dijkgraaf}", null, 200);
    }

    [Fact]
    public async Task a_manager_manages_demands_and_reads_the_audit_but_not_users_or_forgetting()
    {
        await As("mark.manager", Roles.Manager, "POST", $"/api/demands/{_formation.Demand2d}/support",
            new { contactId = _formation.Kamerlid, stance = "supports", occurredOn = "2025-11-15" }, 204);
        await As("mark.manager", Roles.Manager, "GET", "/api/audit", null, 200);
        await As("mark.manager", Roles.Manager, "GET", $"/api/themes/vakmensen/coverage", null, 200);
        var before = await CountEvents();

        await As("mark.manager", Roles.Manager, "POST", "/api/users", new { name = "eve", role = "admin" }, 403);
        await As("mark.manager", Roles.Manager, "POST", $"/api/contacts/{_formation.Dijkgraaf}/forget", null, 403);
        await As("mark.manager", Roles.Manager, "GET", "/api/users", null, 403);
        Assert.Equal(before, await CountEvents());
    }

    [Fact]
    public async Task every_api_route_that_changes_something_names_the_role_it_needs_and_none_rewrites_events()
    {
        var endpoints = Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/") == true)
            .ToList();
        Assert.NotEmpty(endpoints);

        foreach (var endpoint in endpoints)
        {
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [];
            Assert.DoesNotContain(methods, m => m is "PUT" or "PATCH" or "DELETE");
            if (methods.All(m => m is "GET" or "HEAD")) continue;
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).Where(p => p is not null).ToList();
            Assert.True(policies.Count > 0, $"{string.Join(",", methods)} {endpoint.RoutePattern.RawText} names no role policy");
            Assert.All(policies, p => Assert.Contains(p, new[] { Policies.Officer, Policies.Manager, Policies.Admin }));
        }
    }

    [Fact]
    public async Task the_audit_list_names_the_user_behind_each_event()
    {
        var meeting = await Create("/api/meetings", _formation.Meeting(_formation.VanZwol, heldOn: "2025-11-20"), user: "jan.devries", role: Roles.Officer);
        await Post($"/api/interactions/{meeting}/corrections", new { summary = "Toelichting op wens 2d en 3a", reason = "Aangevuld" }, 204);

        var page = await Get<AuditPage>($"/api/audit?stream={meeting}");
        Assert.Equal(["meeting-held", "interaction-corrected"], page.Items.Select(e => e.Type));
        Assert.Equal(["jan.devries", AppFixture.Officer], page.Items.Select(e => e.User));
        Assert.Equal(new DateOnly(2025, 11, 20), page.Items[0].HappenedOn);
        Assert.All(page.Items, e => Assert.True(e.RecordedAt > DateTimeOffset.UtcNow.AddMinutes(-5)));

        var jans = await Get<AuditPage>("/api/audit?user=jan.devries");
        Assert.All(jans.Items, e => Assert.Equal("jan.devries", e.User));
        // The meeting, then the demand it raised and the thank-you follow-up it scheduled, which their own handlers record
        // in either order. The follow-up's reminder fires at once (the meeting is back-dated), but the audit names the
        // system for it, not Jan.
        Assert.Equal("meeting-held", jans.Items[0].Type);
        Assert.Equal(["demand-raised", "follow-up-scheduled"], jans.Items.Skip(1).Select(e => e.Type).Order());

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var atLeast = await CountAllEvents();
        var all = await Get<AuditPage>($"/api/audit?from={today.AddDays(-1):yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}");
        // The back-dated meeting's reminders may fire in the background meanwhile.
        Assert.InRange(all.Items.Count, atLeast, await CountAllEvents());
        Assert.Empty((await Get<AuditPage>($"/api/audit?to={today.AddDays(-2):yyyy-MM-dd}")).Items);

        var first = await Get<AuditPage>("/api/audit?limit=3");
        Assert.Equal(3, first.Items.Count);
        var second = await Get<AuditPage>($"/api/audit?limit=3&after={first.Next}");
        Assert.True(second.Items[0].Sequence > first.Items[^1].Sequence);

        // Newest first, in pages that go on backwards; the screen starts there.
        var newest = await Get<AuditPage>($"/api/audit?stream={meeting}&order=newest");
        Assert.Equal(["interaction-corrected", "meeting-held"], newest.Items.Select(e => e.Type));
        var latest = await Get<AuditPage>("/api/audit?limit=3&order=newest");
        var earlier = await Get<AuditPage>($"/api/audit?limit=3&order=newest&after={latest.Next}");
        Assert.True(earlier.Items[0].Sequence < latest.Items[^1].Sequence);
        Assert.Equal(latest.Items.Select(e => e.Sequence).OrderDescending(), latest.Items.Select(e => e.Sequence));
        await Scenario(x => { x.Get.Url("/api/audit?order=sideways"); x.StatusCodeShouldBe(400); });

        var screen = await (await Scenario(x => x.Get.Url($"/audit?Stream={meeting}"))).ReadAsTextAsync();
        Assert.InRange(screen.IndexOf("<td>Contactmoment gecorrigeerd</td>", StringComparison.Ordinal), 0, screen.IndexOf("<td>Gesprek</td>", StringComparison.Ordinal));
        var oldestFirst = await (await Scenario(x => x.Get.Url($"/audit?Stream={meeting}&volgorde=oudste"))).ReadAsTextAsync();
        Assert.InRange(oldestFirst.IndexOf("<td>Gesprek</td>", StringComparison.Ordinal), 0, oldestFirst.IndexOf("<td>Contactmoment gecorrigeerd</td>", StringComparison.Ordinal));
        var refused = await (await Scenario(x => { x.Get.Url("/audit?volgorde=willekeurig"); x.StatusCodeShouldBe(400); })).ReadAsTextAsync();
        Assert.Contains("Volgorde: kies nieuwste of oudste.", refused);
    }
}
