using System.Text.Json;
using Campaigns.Demands;
using Campaigns.Tests.Infrastructure;

namespace Campaigns.Tests.Demands;

/// <summary>
/// Steps on a demand that cannot have happened as sent: before the demand was formulated, the same adoption twice,
/// credit for a contact moment that was retracted. Each is refused naming its field, and
/// nothing is stored.
/// </summary>
public class adoptions_that_cannot_be(AppFixture fixture) : FormationContext(fixture)
{
    [Theory]
    [InlineData("adoption", """{ "venue": "motion", "partial": false, "occurredOn": "2025-10-31" }""")]
    [InlineData("rejection", """{ "occurredOn": "2025-10-01" }""")]
    [InlineData("withdrawal", """{ "occurredOn": "2025-10-31" }""")]
    public async Task a_step_dated_before_the_demand_was_formulated_is_refused(string step, string body)
    {
        // Support is not refused: a Kamerlid may have backed the idea before the association wrote it down as a demand.
        var before = await CountEvents();
        var problem = await Refused($"/api/demands/{_formation.Demand2d}/{step}", body.Replace("{contact}", _formation.VanZwol.ToString()), 400);
        Assert.Equal("Ligt voor de dag waarop de wens is geformuleerd (1-11-2025).", problem.GetProperty("errors").GetProperty("occurredOn")[0].GetString());
        Assert.Equal(before, await CountEvents());
    }

    [Fact]
    public async Task the_same_adoption_twice_is_one_adoption()
    {
        var adoption = new { venue = "motion", reference = "Motie 36600-XIII-12", partial = true, occurredOn = "2025-12-04" };
        await Post($"/api/demands/{_formation.Demand2d}/adoption", adoption, 204);
        var before = await CountEvents();

        var problem = await Refused($"/api/demands/{_formation.Demand2d}/adoption", JsonSerializer.Serialize(adoption with { reference = " motie 36600-xiii-12" }), 409);
        Assert.Contains("al vastgelegd", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await CountEvents());
        Assert.Single((await Get<Demand>($"/api/demands/{_formation.Demand2d}")).Adoptions);

        // Another motie on another day is another (partial) adoption.
        await Post($"/api/demands/{_formation.Demand2d}/adoption", adoption with { reference = "Motie 36600-XIII-20", occurredOn = "2025-12-11" }, 204);
        Assert.Equal(2, (await Get<Demand>($"/api/demands/{_formation.Demand2d}")).Adoptions.Count);
    }

    [Fact]
    public async Task credit_goes_only_to_contact_moments_that_stand()
    {
        var raised = await Create("/api/meetings", _formation.Meeting(_formation.VanZwol));
        var retracted = await Create("/api/meetings", _formation.Meeting(_formation.Dijkgraaf, subject: "Dubbel"));
        await Post($"/api/interactions/{retracted}/retraction", new { reason = "Dubbel ingevoerd" }, 204);
        var before = await CountEvents();

        var problem = await Refused($"/api/demands/{_formation.Demand2d}/adoption", JsonSerializer.Serialize(new
        {
            venue = "coalitionAgreement", partial = false, occurredOn = "2025-12-15", creditedInteractionIds = new[] { raised, retracted }
        }), 400);
        Assert.Equal("Contactmoment 'Dubbel' is ingetrokken.", Assert.Single(problem.GetProperty("errors").GetProperty("creditedInteractionIds").EnumerateArray()).GetString());
        Assert.Equal(before, await CountEvents());

        await Post($"/api/demands/{_formation.Demand2d}/adoption", new
        {
            venue = "coalitionAgreement", partial = false, occurredOn = "2025-12-15", creditedInteractionIds = new[] { raised }
        }, 204);
    }

    private async Task<JsonElement> Refused(string url, string body, int status)
    {
        var result = await Scenario(x =>
        {
            x.Post.Text(body).ToUrl(url);
            x.ConfigureHttpContext(c => c.Request.ContentType = "application/json");
            x.StatusCodeShouldBe(status);
        });
        return JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement.Clone();
    }
}
