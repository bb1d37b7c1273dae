using System.Text.Json;
using Campaigns.Tests.Infrastructure;

namespace Campaigns.Tests.Interactions;

/// <summary>Every POST refuses bad input with a 4xx that names the failing field, and stores nothing.</summary>
public class bad_input_is_refused(AppFixture fixture) : IntegrationContext(fixture)
{
    private static readonly string Unknown = Guid.NewGuid().ToString();
    private static readonly string Huge = new('x', 5000);
    private static readonly string Tomorrow2 = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3).ToString("O");

    public static TheoryData<string, string, string> Cases() => new()
    {
        // route (with {campaign}/{demand}/{contact}/{interaction} placeholders), JSON body, field named in the answer
        { "/api/themes", """{ "slug": "Net Congestie", "label": "x" }""", "slug" },
        { "/api/themes", """{ "slug": "netcongestie" }""", "label" },
        { "/api/contacts", """{ "name": "", "kind": "informateur", "organisation": "Kabinetsformatie" }""", "name" },
        { "/api/contacts", """{ "name": "Van Zwol", "organisation": "Kabinetsformatie" }""", "kind" },
        { "/api/contacts", $$"""{ "name": "{{Huge}}", "kind": "kamerlid", "organisation": "CDA" }""", "name" },
        { "/api/contacts/{contact}/roles", """{ "kind": "minister", "organisation": "EZ" }""", "effectiveOn" },
        { "/api/campaigns", """{ "name": "Formatie", "goal": "x", "startsOn": "2025-11-01", "themes": ["bestaat-niet"] }""", "themes" },
        { "/api/campaigns", """{ "name": "Formatie", "goal": "x", "startsOn": "2025-11-01", "endsOn": "2025-01-01" }""", "endsOn" },
        { "/api/campaigns/{campaign}/demands", """{ "theme": "bestaat-niet", "text": "Meer vakmensen" }""", "theme" },
        { "/api/campaigns/{campaign}/demands", """{ "theme": "vakmensen" }""", "text" },
        { "/api/demands/{demand}/support", $$"""{ "contactId": "{{Unknown}}", "stance": "supports", "occurredOn": "2025-12-01" }""", "contactId" },
        { "/api/demands/{demand}/support", """{ "contactId": "{contact}", "stance": "maybe", "occurredOn": "2025-12-01" }""", "" },
        { "/api/demands/{demand}/adoption", $$"""{ "venue": "motion", "partial": false, "occurredOn": "{{Tomorrow2}}" }""", "occurredOn" },
        { "/api/demands/{demand}/adoption", """{ "partial": false, "occurredOn": "2025-12-01" }""", "venue" },
        { "/api/demands/{demand}/rejection", """{ }""", "occurredOn" },
        { "/api/demands/{demand}/withdrawal", $$"""{ "occurredOn": "2025-12-01", "note": "{{Huge}}" }""", "note" },
        { "/api/letters", """{ "campaignId": "{campaign}", "contactIds": [], "subject": "Brief", "sentOn": "2025-11-10" }""", "contactIds" },
        { "/api/letters", $$"""{ "campaignId": "{campaign}", "contactIds": ["{{Unknown}}"], "subject": "Brief", "sentOn": "2025-11-10" }""", "contactIds" },
        { "/api/meetings", $$"""{ "campaignId": "{{Unknown}}", "contactIds": ["{contact}"], "subject": "Gesprek", "heldOn": "2025-11-10" }""", "campaignId" },
        { "/api/meetings", """{ "campaignId": "{campaign}", "contactIds": ["{contact}"], "demandIds": ["{contact}"], "subject": "Gesprek", "heldOn": "2025-11-10" }""", "demandIds" },
        { "/api/calls", $$"""{ "campaignId": "{campaign}", "contactIds": ["{contact}"], "subject": "Gebeld", "calledOn": "{{Tomorrow2}}" }""", "calledOn" },
        { "/api/emails", """{ "campaignId": "{campaign}", "contactIds": ["{contact}"], "themes": ["onbekend"], "subject": "Mail", "sentOn": "2025-11-10" }""", "themes" },
        { "/api/hearings", """{ "campaignId": "{campaign}", "contactIds": ["{contact}"], "heldOn": "2025-11-10" }""", "subject" },
        { "/api/interactions/{interaction}/corrections", """{ "subject": "Nieuw" }""", "reason" },
        { "/api/interactions/{interaction}/corrections", """{ "reason": "niets" }""", "changes" },
        { "/api/interactions/{interaction}/retraction", """{ "reason": "" }""", "reason" },
        { "/api/letters", """{ "campaignId": 42, "contactIds": "nope" }""", "" },
        { "/api/letters", """not json at all""", "" },
    };

    /// <summary>A body of just <c>null</c> bound a null command, which every Validate step dereferenced: a 500 on each POST.</summary>
    public static TheoryData<string, string, string> NullBodies()
    {
        string[] routes =
        [
            "/api/themes", "/api/themes/netcongestie/label", "/api/contacts", "/api/contacts/{contact}/roles", "/api/contacts/{contact}/role-end",
            "/api/campaigns", "/api/campaigns/{campaign}/closure", "/api/campaigns/{campaign}/demands", "/api/demands/{demand}/support",
            "/api/demands/{demand}/adoption", "/api/demands/{demand}/rejection", "/api/demands/{demand}/withdrawal", "/api/letters",
            "/api/meetings", "/api/calls", "/api/emails", "/api/hearings", "/api/interactions/{interaction}/corrections",
            "/api/interactions/{interaction}/retraction"
        ];
        var data = new TheoryData<string, string, string>();
        foreach (var route in routes) data.Add(route, "null", "body");
        data.Add("/api/meetings", " \r\n null \n", "body");
        data.Add("/api/letters", "\uFEFFnull", "body");
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    [MemberData(nameof(NullBodies))]
    public async Task is_refused_with_a_4xx_naming_the_field_and_nothing_is_stored(string route, string body, string field)
    {
        var formation = await FormationCampaign.Create(this);
        var interaction = await Create("/api/letters", formation.Letter());
        string Fill(string text) => text
            .Replace("{campaign}", formation.CampaignId.ToString()).Replace("{demand}", formation.Demand2d.ToString())
            .Replace("{contact}", formation.VanZwol.ToString()).Replace("{interaction}", interaction.ToString());
        var before = await CountEvents();

        var result = await Scenario(x =>
        {
            x.Post.Text(Fill(body)).ToUrl(Fill(route));
            x.ConfigureHttpContext(c => c.Request.ContentType = "application/json");
            x.IgnoreStatusCode();
        });

        var status = result.Context.Response.StatusCode;
        Assert.InRange(status, 400, 499);
        if (field.Length > 0)
        {
            Assert.Equal(400, status);
            using var problem = JsonDocument.Parse(await result.ReadAsTextAsync());
            Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"no error for '{field}' in {problem.RootElement}");
        }
        Assert.Equal(before, await CountEvents());
    }

    [Fact]
    public async Task a_closed_campaign_takes_no_new_demands()
    {
        var formation = await FormationCampaign.Create(this);
        await Post($"/api/campaigns/{formation.CampaignId}/closure", new { closedOn = "2026-02-01" }, 204);
        var before = await CountEvents();

        var refused = await Post($"/api/campaigns/{formation.CampaignId}/demands", new { theme = "vakmensen", text = "Nog een wens" }, 409);
        Assert.Contains("is gesloten; er komen geen wensen meer bij.", await refused.ReadAsTextAsync());
        Assert.Equal(before, await CountEvents());
        var dashboard = await (await Scenario(x => x.Get.Url($"/campagnes/{formation.CampaignId}"))).ReadAsTextAsync();
        Assert.Contains("gesloten op", dashboard);
        Assert.DoesNotContain("wensen/nieuw", dashboard);
    }
}
