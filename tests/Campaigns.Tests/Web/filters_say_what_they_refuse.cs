using Alba;
using Campaigns.Accounts;
using Campaigns.Tests.Infrastructure;

namespace Campaigns.Tests.Web;

/// <summary>
/// Filters and ids that name nothing: a team list, coverage map or agenda that quietly fell back to everything (or to a
/// default) while the form still showed what was typed, and timelines and lists that answered an empty 200 for an id
/// that does not exist. Each is now refused by name: a Dutch message on the page, a 404 from the API.
/// </summary>
public class filters_say_what_they_refuse(AppFixture fixture) : FormationContext(fixture)
{
    private static readonly Guid Unknown = Guid.Parse("0198a3c4-0000-7000-8000-00000000beef");

    private async Task<string> Page(string url, int status)
    {
        var result = await Scenario(x => { x.Get.Url(url); x.StatusCodeShouldBe(status); });
        return await result.ReadAsTextAsync();
    }

    [Theory]
    [InlineData("/api/timelines/contacts/{unknown}", "Deze contactpersoon bestaat niet.")]
    [InlineData("/api/timelines/campaigns/{unknown}", "Deze campagne bestaat niet.")]
    [InlineData("/api/timelines/demands/{unknown}", "Deze wens bestaat niet.")]
    [InlineData("/api/timelines/themes/nope", "Dit thema bestaat niet.")]
    [InlineData("/api/campaigns/{unknown}/demands", "Deze campagne bestaat niet.")]
    [InlineData("/api/users/nobody/tokens", "Gebruiker &#x27;nobody&#x27; bestaat niet.")]
    public async Task an_id_that_names_nothing_is_not_found(string route, string detail)
    {
        var result = await Scenario(x => { x.Get.Url(route.Replace("{unknown}", Unknown.ToString())); x.StatusCodeShouldBe(404); });
        Assert.Equal("application/problem+json", result.Context.Response.ContentType?.Split(';')[0]);
        var problem = Read<ProblemBody>(await result.ReadAsTextAsync());
        Assert.Equal((404, "Niet gevonden", System.Net.WebUtility.HtmlDecode(detail)), (problem.Status, problem.Title, problem.Detail));
    }

    [Fact]
    public async Task what_exists_but_holds_nothing_yet_still_answers_an_empty_200()
    {
        await Create("/api/themes", new { slug = "stikstof", label = "Stikstof" });
        var campaign = await Create("/api/campaigns", new { name = "Leeg", goal = "Niets", startsOn = "2025-11-01", themes = new[] { "stikstof" } });
        var contact = await Create("/api/contacts", new { name = "Nog Niemand", kind = "kamerlid", organisation = "VVD", effectiveOn = "2025-11-01" });

        // Registering them put them on their own timelines; a filter that matches nothing gives the empty page.
        foreach (var route in new[] { "/api/timelines/themes/stikstof", $"/api/timelines/contacts/{contact}", $"/api/timelines/campaigns/{campaign}" })
            Assert.Equal("{\"items\":[]}", await Page(route + "?type=letter-sent", 200));
        Assert.Equal("[]", await Page($"/api/campaigns/{campaign}/demands", 200));
        Assert.Equal("{\"items\":[]}", await Page($"/api/timelines/demands/{_formation.Demand2d}?type=letter-sent", 200));
        Assert.NotEqual("[]", await Page($"/api/campaigns/{_formation.CampaignId}/demands", 200));
        Assert.Contains("\"createdBy\"", await Page($"/api/users/{AppFixture.Officer}/tokens", 200));
    }

    [Fact]
    public async Task the_pages_that_read_these_timelines_answer_as_before_and_404_for_what_does_not_exist()
    {
        await Create("/api/meetings", _formation.Meeting(_formation.VanZwol));
        foreach (var url in new[] { $"/contacten/{_formation.VanZwol}", "/themas/vakmensen", $"/campagnes/{_formation.CampaignId}", $"/wensen/{_formation.Demand2d}" })
            Assert.Contains("Gesprek over praktijkleren", await Page(url, 200));
        foreach (var url in new[] { $"/contacten/{Unknown}", "/themas/nope", $"/campagnes/{Unknown}", $"/wensen/{Unknown}" })
        {
            var html = await Page(url, 404);
            Assert.Contains("<h1>Niet gevonden</h1>", html);
            Assert.Contains("<html lang=\"nl\">", html);
        }
    }

    private sealed record ProblemBody(int Status, string Title, string? Detail);
}
