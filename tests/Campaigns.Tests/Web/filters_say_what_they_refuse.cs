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

    private Task PlanFollowUp() => Create("/api/follow-ups", new
    {
        description = "Bedankbrief aan Van Zwol", dueOn = "2025-11-21", assignee = AppFixture.Officer, campaignId = _formation.CampaignId
    });

    [Theory]
    [InlineData("status=bogus", "Welke: &#x27;bogus&#x27; is geen geldige keuze.")]
    [InlineData("status=Done", "Welke: &#x27;Done&#x27; is geen geldige keuze.")]
    [InlineData("campagne=x", "Campagne: &#x27;x&#x27; is geen geldige campagne.")]
    [InlineData("campagne=0198a3c4-0000-7000-8000-00000000beef", "Campagne: deze campagne bestaat niet.")]
    [InlineData("persoon=nobody", "Persoon: &#x27;nobody&#x27; is geen gebruiker.")]
    public async Task the_team_follow_ups_refuse_a_filter_they_cannot_apply_instead_of_showing_everyone(string query, string message)
    {
        await PlanFollowUp();
        Assert.Contains("Bedankbrief aan Van Zwol", await Page("/follow-ups/team", 200));

        var html = await Page($"/follow-ups/team?{query}", 400);
        Assert.Contains("<h2>De filters kloppen niet</h2>", html);
        Assert.Contains(message, html);
        Assert.DoesNotContain("Bedankbrief aan Van Zwol", html);
    }

    [Fact]
    public async Task the_team_follow_ups_still_filter_by_a_known_person_campaign_and_status()
    {
        await PlanFollowUp();
        var html = await Page($"/follow-ups/team?persoon={AppFixture.Officer}&campagne={_formation.CampaignId}&status=Overdue", 200);
        Assert.Contains("Bedankbrief aan Van Zwol", html);
        Assert.Contains($"<option value=\"{AppFixture.Officer}\" selected=\"selected\">", html);

        // A team member without open follow-ups: an empty list, and the select says whose it is, not "Iedereen".
        await BearerFor("bert.manager", Roles.Manager);
        html = await Page("/follow-ups/team?persoon=bert.manager", 200);
        Assert.Contains("Geen open follow-ups voor deze filters.", html);
        Assert.Contains("<option value=\"bert.manager\" selected=\"selected\">", html);
    }

    [Theory]
    [InlineData("abc", "Dagen: &#x27;abc&#x27; is geen geldig aantal.")]
    [InlineData("-5", "Dagen: kies 1 tot en met 3660.")]
    [InlineData("0", "Dagen: kies 1 tot en met 3660.")]
    [InlineData("99999", "Dagen: kies 1 tot en met 3660.")]
    public async Task coverage_refuses_days_it_cannot_use_instead_of_taking_60(string days, string message)
    {
        await Create("/api/meetings", _formation.Meeting(_formation.VanZwol));
        Assert.Contains("class=\"data heatmap\"", await Page("/dekking?dagen=30", 200));

        var html = await Page($"/dekking?dagen={days}", 400);
        Assert.Contains("<h2>De filters kloppen niet</h2>", html);
        Assert.Contains(message, html);
        Assert.Contains($"value=\"{days}\"", html);
        Assert.DoesNotContain("class=\"data heatmap\"", html);
    }

    [Fact]
    public async Task coverage_refuses_an_unknown_kind_of_contact()
    {
        var html = await Page("/dekking?soort=bogus", 400);
        Assert.Contains("Organisaties van: &#x27;bogus&#x27; is geen bekende soort.", html);
    }

    [Theory]
    [InlineData("-1", "Weken: kies 1 tot en met 52.")]
    [InlineData("0", "Weken: kies 1 tot en met 52.")]
    [InlineData("53", "Weken: kies 1 tot en met 52.")]
    [InlineData("abc", "Weken: &#x27;abc&#x27; is geen geldig aantal.")]
    public async Task the_agenda_refuses_weeks_out_of_range_instead_of_showing_one(string weeks, string message)
    {
        var html = await Page($"/agenda?van=2027-01-01&weken={weeks}", 400);
        Assert.Contains(message, html);
        Assert.Contains($"value=\"{weeks}\"", html);
        Assert.DoesNotContain("class=\"data agenda\"", html);

        Assert.Contains("value=\"8\"", await Page("/agenda?van=2027-01-01&weken=8", 200));
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
