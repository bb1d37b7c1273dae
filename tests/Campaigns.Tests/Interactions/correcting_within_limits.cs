using Campaigns.Infrastructure.Validation;
using Campaigns.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Campaigns.Tests.Interactions;

/// <summary>A correction has the limits of logging; a list over its limit is refused without looking its ids up.</summary>
public class correcting_within_limits(AppFixture fixture) : FormationContext(fixture)
{
    public static TheoryData<string[]> BadOurSide()
    {
        var data = new TheoryData<string[]>();
        data.Add(Enumerable.Range(1, 21).Select(i => $"collega {i}").ToArray());
        data.Add([new string('x', Check.ShortText + 1)]);
        data.Add(["   "]);
        data.Add([]);
        return data;
    }

    [Theory]
    [MemberData(nameof(BadOurSide))]
    public async Task our_side_in_a_correction_has_the_limits_of_logging(string[] ourSide)
    {
        var letter = await Create("/api/letters", _formation.Letter());
        var before = await CountEvents();
        var result = await Post($"/api/interactions/{letter}/corrections", new { ourSide, reason = "Wie er bij was" }, 400);
        Assert.Contains("\"ourSide\"", await result.ReadAsTextAsync());
        Assert.Equal(before, await CountEvents());
    }

    [Fact]
    public async Task a_list_over_its_limit_is_not_looked_up()
    {
        var ids = Enumerable.Range(0, Check.MaxItems + 1).Select(_ => Guid.NewGuid()).ToArray();
        await using var session = Store.QuerySession();
        var check = new Check().AtMost("demandIds", ids).AtMost("contactIds", ids).AtMost("themes", ids.Select(i => i.ToString()).ToArray());
        await KnownReferences.CheckDemands(check, session, "demandIds", ids, CancellationToken.None);
        await KnownReferences.CheckContacts(check, session, "contactIds", ids, CancellationToken.None);
        await KnownReferences.CheckThemes(check, session, "themes", ids.Select(i => i.ToString()).ToArray(), CancellationToken.None);
        await KnownReferences.CheckInteractions(check, session, "interactionIds", ids, CancellationToken.None);

        Assert.Equal(0, session.RequestCount);
        var errors = Assert.IsType<ValidationProblemDetails>(check.ToProblem()).Errors;
        Assert.Equal([$"Maximaal {Check.MaxItems}."], errors["demandIds"]);
        Assert.Equal([$"Maximaal {Check.MaxItems}."], errors["contactIds"]);
    }
}
