using System.Text;
using Campaigns.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.Tests.Interactions;

/// <summary>
/// Query strings, headers and path values are input too: out of range or garbled, they get a 4xx naming the parameter,
/// never a 5xx, and nothing is stored. Every GET and POST route of the app is tried.
/// </summary>
public class query_strings_headers_and_paths_are_input_too(AppFixture fixture) : FormationContext(fixture)
{
    private static string Cursor(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [Theory]
    [InlineData("/api/audit?to=9999-12-31", "to")]
    [InlineData("/api/audit?from=0001-01-01", "from")]
    [InlineData("/api/audit?after=-5", "after")]
    [InlineData("/api/audit?to=nee", "to")]
    [InlineData("/api/audit?limit=99999999999999999999", "limit")]
    [InlineData("/api/timelines/themes/vakmensen?asOf=9999-12-31T23:59:59-14:00", "asOf")]
    [InlineData("/api/timelines/themes/vakmensen?includeRetracted=misschien", "includeRetracted")]
    [InlineData("/api/timelines/themes/vakmensen?to=9999-12-31", "to")]
    [InlineData("/api/timelines/themes/vakmensen?asOf=9999-12-31T00:00:00Z", "asOf")]
    [InlineData("/api/timelines/themes/vakmensen?asOf=0001-01-01T00:00:00Z", "asOf")]
    public async Task an_out_of_range_date_is_a_400_naming_the_parameter(string url, string parameter)
    {
        var result = await Scenario(x => { x.Get.Url(url); x.StatusCodeShouldBe(400); });
        Assert.Contains($"\"{parameter}\"", await result.ReadAsTextAsync());
    }

    [Theory]
    [InlineData("/api/timelines/themes/vakmensen", "?type=%00", "type")]
    [InlineData("/api/contacts", "?search=a%00b", "search")]
    [InlineData("/api/audit", "?user=%00", "user")]
    [InlineData("/themas/vakmensen", "?Type=%00", "type")]
    public async Task a_nul_character_is_a_400_naming_the_parameter(string path, string query, string parameter)
    {
        // Alba refuses a NUL in the URL it is given, so the query string is set on the request itself.
        var result = await Scenario(x =>
        {
            x.Get.Url(path);
            x.ConfigureHttpContext(c => c.Request.QueryString = new Microsoft.AspNetCore.Http.QueryString(query));
            x.StatusCodeShouldBe(400);
        });
        Assert.Contains($"\"{parameter}\"", await result.ReadAsTextAsync());
    }

    [Theory]
    [InlineData("2025-11-20|9223372036854775807|0198a3c4-0000-7000-8000-000000000000")]
    [InlineData("2025-11-20|-1|0198a3c4-0000-7000-8000-000000000000")]
    [InlineData("2025-11-20|99999999999999999999999|0198a3c4-0000-7000-8000-000000000000")]
    [InlineData("9999-99-99|1|0198a3c4-0000-7000-8000-000000000000")]
    [InlineData("2025-11-20|1|no-guid")]
    [InlineData("2025-11-20|1")]
    public async Task a_garbled_cursor_is_a_400_naming_the_cursor(string inside)
    {
        foreach (var cursor in new[] { Cursor(inside), Uri.EscapeDataString(inside), "%%%", new string('A', 5000) })
        {
            var result = await Scenario(x => { x.Get.Url($"/api/timelines/contacts/{_formation.VanZwol}?cursor={cursor}"); x.StatusCodeShouldBe(400); });
            Assert.Contains("\"cursor\"", await result.ReadAsTextAsync());
        }
    }

    private static readonly string[] BadValues =
    [
        "9999-12-31", "0001-01-01", "9999-12-31T23:59:59-14:00", "-1", "0", "99999999999999999999", "nee", "%01", "%FF%FE", "a%5Cb%25_",
        new string('x', 3000), Cursor("2025-11-20|9223372036854775807|0198a3c4-0000-7000-8000-000000000000"), "'; drop table x; --"
    ];

    private static readonly string[] QueryParameters =
    [
        "from", "to", "asOf", "cursor", "limit", "after", "user", "stream", "type", "campaignId", "theme", "contactId",
        "includeRetracted", "status", "assignee", "search", "kind", "token", "q"
    ];

    /// <summary>Every route of the app as (method, template), path parameters filled with real ids.</summary>
    private List<(string Method, string Template)> ApiRoutes() =>
        Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api") == true || e.RoutePattern.RawText?.StartsWith("api") == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (m, "/" + e.RoutePattern.RawText!.TrimStart('/'))))
            .Where(r => r.Item1 is "GET" or "POST")
            .Distinct()
            .ToList();

    /// <summary>The account the admin routes act on (not the acting user: disabling that would end the sweep in 401s).</summary>
    private const string Target = "sweep.target";

    private string Fill(string template, string? bad = null)
    {
        // Forgetting a real contact is a valid request: it gets an unknown one.
        if (bad is null && template.EndsWith("/forget")) return template.Replace("{id}", Guid.NewGuid().ToString());
        var id = _formation.VanZwol.ToString();
        return System.Text.RegularExpressions.Regex.Replace(template, @"\{(\w+)[^}]*\}", m => bad ?? m.Groups[1].Value switch
        {
            "slug" => "vakmensen",
            "user" or "name" => Target,
            _ => template.Contains("campaigns/") ? _formation.CampaignId.ToString()
                : template.Contains("demands/") ? _formation.Demand2d.ToString()
                : id
        });
    }

    [Fact]
    public async Task no_route_answers_5xx_to_bad_query_strings_headers_or_paths_and_nothing_is_stored()
    {
        await Create("/api/meetings", _formation.Meeting(_formation.VanZwol));
        await BearerFor(Target, global::Campaigns.Accounts.Roles.Officer);
        var routes = ApiRoutes();
        Assert.True(routes.Count > 40, $"found {routes.Count} routes");
        var before = await CountEvents();
        var failures = new List<string>();

        async Task Try(string method, string url, Action<Alba.Scenario>? configure = null)
        {
            var result = await Scenario(x =>
            {
                if (method == "GET") x.Get.Url(url);
                else x.Post.Text("{}").ToUrl(url);
                if (method == "POST") x.ConfigureHttpContext(c => c.Request.ContentType = "application/json");
                configure?.Invoke(x);
                x.IgnoreStatusCode();
            });
            var status = result.Context.Response.StatusCode;
            if (status >= 500) failures.Add($"{status} {method} {url}");
            // Routes that need no body (a new calendar secret, a token, disabling an account) may accept "{}": the
            // bad query string is ignored. The event count below shows that nothing else was stored.
            if (status is 401 && !url.Contains("token=")) failures.Add($"{status} {method} {url}: the acting user lost access, the sweep proves nothing");
        }

        var r = 0;
        foreach (var (method, template) in routes)
        {
            // Each parameter gets a third of the bad values on each route, a different third on the next route.
            r++;
            for (var p = 0; p < QueryParameters.Length; p++)
            for (var k = 0; k < BadValues.Length; k += 3)
                await Try(method, $"{Fill(template)}?{QueryParameters[p]}={BadValues[(r + p + k) % BadValues.Length]}");
            foreach (var value in new[] { "not-a-guid", "00000000-0000-0000-0000-000000000000", new string('9', 400), "%FF%FE", "..%2F..%2F" })
                await Try(method, Fill(template, value));
            if (method == "POST")
            {
                foreach (var ifMatch in new[] { "\"99999999999999999999\"", "W/\"-1\"", "garbage", "\"\"", new string('"', 500) })
                    await Try(method, Fill(template), x => x.WithRequestHeader("If-Match", ifMatch));
                foreach (var key in new[] { "", new string('k', 5000), "\u0001", "a b c" })
                    await Try(method, Fill(template), x => x.WithRequestHeader("Idempotency-Key", key));
                foreach (var type in new[] { "text/plain", "application/json; charset=latin1", "multipart/form-data", "garbage/;;;", "application/xml" })
                    await Try(method, Fill(template), x => x.ConfigureHttpContext(c => c.Request.ContentType = type));
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Select(f => f.Length > 200 ? f[..200] : f).Distinct().Take(60)));
        Assert.Equal(before, await CountEvents());
    }
}
