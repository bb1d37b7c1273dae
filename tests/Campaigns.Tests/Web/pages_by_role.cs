using Campaigns.Accounts;
using Campaigns.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.Tests.Web;

/// <summary>Pages apply the API's policies: an officer gets a Dutch "Geen toegang" page for the manager pages.</summary>
public class pages_by_role(AppFixture fixture) : FormationContext(fixture)
{
    /// <summary>Every page route, with the least role that may open it.</summary>
    private Dictionary<string, (string Url, string Role)> Routes() => new()
    {
        [""] = ("/", Roles.Officer),
        ["contactmoment"] = ("/contactmoment", Roles.Officer),
        ["follow-ups"] = ("/follow-ups", Roles.Officer),
        ["contacten"] = ("/contacten", Roles.Officer),
        ["contacten/nieuw"] = ("/contacten/nieuw", Roles.Officer),
        ["contacten/{id:guid}"] = ($"/contacten/{_formation.VanZwol}", Roles.Officer),
        ["contacten/{id:guid}/rol"] = ($"/contacten/{_formation.VanZwol}/rol", Roles.Officer),
        ["themas/{slug}"] = ("/themas/vakmensen", Roles.Officer),
        ["wensen/{id:guid}"] = ($"/wensen/{_formation.Demand2d}", Roles.Officer),
        ["campagnes/{id:guid}"] = ($"/campagnes/{_formation.CampaignId}", Roles.Manager),
        ["dekking"] = ("/dekking", Roles.Manager),
        ["audit"] = ("/audit", Roles.Manager),
        ["import/kamerleden"] = ("/import/kamerleden", Roles.Manager),
    };

    [Fact]
    public void the_list_covers_every_page()
    {
        var pages = Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => e.RoutePattern.RawText!.Trim('/'))
            .Where(p => p != "Index")
            .ToHashSet();
        Assert.Equal(Routes().Keys.Order(), pages.Order());
    }

    [Theory]
    [InlineData(Roles.Officer)]
    [InlineData(Roles.Manager)]
    [InlineData(Roles.Admin)]
    public async Task each_role_opens_exactly_the_pages_its_policy_allows(string role)
    {
        var authorization = await BearerFor($"page.{role}", role);
        foreach (var (url, least) in Routes().Values)
        {
            var allowed = least == Roles.Officer || role != Roles.Officer;
            var result = await Scenario(x =>
            {
                x.Get.Url(url);
                x.WithRequestHeader("Authorization", authorization);
                x.IgnoreStatusCode();
            });
            Assert.True((allowed ? 200 : 403) == result.Context.Response.StatusCode, $"{role} {url}: {result.Context.Response.StatusCode}");
            Assert.StartsWith("text/html", result.Context.Response.ContentType);
            var html = await result.ReadAsTextAsync();
            if (!allowed)
            {
                Assert.Contains("<h1>Geen toegang</h1>", html);
                Assert.Contains("<html lang=\"nl\">", html);
            }
            // Officers are not shown links to pages they may not open.
            if (role == Roles.Officer && allowed)
            {
                Assert.DoesNotContain("href=\"/dekking", html);
                Assert.DoesNotContain("href=\"/audit", html);
            }
        }
    }

    [Fact]
    public async Task the_api_still_answers_a_bare_403()
    {
        var result = await Scenario(x =>
        {
            x.Get.Url("/api/audit");
            x.WithRequestHeader("Authorization", "");
            x.IgnoreStatusCode();
        });
        Assert.Equal(401, result.Context.Response.StatusCode);
        var officer = await BearerFor("page.officer", Roles.Officer);
        var forbidden = await Scenario(x => { x.Get.Url("/api/audit"); x.WithRequestHeader("Authorization", officer); x.StatusCodeShouldBe(403); });
        Assert.DoesNotContain("Geen toegang", await forbidden.ReadAsTextAsync());
    }
}
