using System.Text.RegularExpressions;
using Alba;
using Campaigns.EmailCapture;
using Campaigns.Interactions;
using Campaigns.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.Tests.EmailCapture;

/// <summary>
/// The "Te verwerken" form through Alba on the shared host: a draft made by the app's capture step from a real MIME
/// message, then confirmed, refused or discarded as an officer would on the page.
/// </summary>
public partial class captured_mail_on_the_server(AppFixture fixture) : FormationContext(fixture)
{
    private async Task<CapturedEmail> CaptureAsync()
    {
        var capture = Host.Services.GetRequiredService<MessageCapture>();
        var mail = TestMailbox.Mail("anna@metaalunie.nl", ["informateur@minaz.nl"], "Wensen voor de formatie", "Hierbij onze wensen.");
        Assert.True(await capture.CaptureAsync(mail, CancellationToken.None));
        await using var session = Store.QuerySession();
        return Assert.Single(await session.Query<CapturedEmail>().ToListAsync());
    }

    private Task<IScenarioResult> PostFormAsync(string url, string? handler, params (string Name, string Value)[] fields) =>
        Host.PostFormAsync(url, handler, fields);

    private async Task<int> EmailsSentAsync()
    {
        await using var session = Store.QuerySession();
        return await session.Events.QueryRawEventDataOnly<EmailSent>().CountAsync();
    }

    [Fact]
    public async Task a_confirm_without_campaign_or_subject_names_the_fields_in_dutch_and_stores_nothing()
    {
        var draft = await CaptureAsync();
        var refused = await PostFormAsync($"/te-verwerken/{draft.Id}", null,
            ("CampaignId", ""), ("Subject", ""), ("SentOn", "nee"), ("ContactIds", _formation.VanZwol.ToString()));

        Assert.Equal(200, refused.Context.Response.StatusCode);
        var summary = Regex.Match(await refused.ReadAsTextAsync(), "<div class=\"error-summary\".*?</div>", RegexOptions.Singleline).Value;
        Assert.Equal(["SentOn", "CampaignId", "Subject"], Regex.Matches(summary, "href=\"#(\\w+)\"").Select(m => m.Groups[1].Value));
        Assert.Contains("Campagne:", summary);
        Assert.Equal(0, await EmailsSentAsync());
        await using var session = Store.QuerySession();
        Assert.NotNull(await session.LoadAsync<CapturedEmail>(draft.Id));
    }

    [Fact]
    public async Task an_officer_confirms_a_draft_on_the_page_with_campaign_themes_and_demands()
    {
        var draft = await CaptureAsync();
        var confirmed = await PostFormAsync($"/te-verwerken/{draft.Id}", null,
            ("CampaignId", _formation.CampaignId.ToString()), ("Subject", "Wensen voor de formatie"), ("SentOn", "2025-11-12"),
            ("ContactIds", _formation.VanZwol.ToString()), ("Themes", "vakmensen"), ("DemandIds", _formation.Demand2d.ToString()),
            ("Summary", "Hierbij onze wensen."), ("DocumentRef", ""));

        Assert.Equal(302, confirmed.Context.Response.StatusCode);
        Assert.Equal("/te-verwerken", confirmed.Context.Response.Headers.Location.ToString());
        var interaction = await Get<Interaction>($"/api/interactions/{draft.Id}");
        Assert.Equal(InteractionKind.Email, interaction.Kind);
        Assert.Equal([_formation.VanZwol], interaction.ContactIds);
        Assert.Equal(["vakmensen"], interaction.Themes);
        Assert.Equal([_formation.Demand2d], interaction.DemandIds);
        await using var session = Store.QuerySession();
        Assert.Null(await session.LoadAsync<CapturedEmail>(draft.Id));
        Assert.Equal(CaptureOutcome.Confirmed, (await session.LoadAsync<CapturedMessage>(draft.MessageKey))!.Outcome);
    }

    [Fact]
    public async Task an_officer_discards_a_draft_on_the_page_and_an_unknown_draft_is_a_dutch_404()
    {
        var draft = await CaptureAsync();
        var discarded = await PostFormAsync($"/te-verwerken/{draft.Id}", "Discard");
        Assert.Equal(302, discarded.Context.Response.StatusCode);
        await using (var session = Store.QuerySession())
        {
            Assert.Null(await session.LoadAsync<CapturedEmail>(draft.Id));
            Assert.Equal(CaptureOutcome.Discarded, (await session.LoadAsync<CapturedMessage>(draft.MessageKey))!.Outcome);
        }
        Assert.Equal(0, await EmailsSentAsync());

        var gone = await Scenario(x =>
        {
            x.Get.Url($"/te-verwerken/{draft.Id}");
            x.StatusCodeShouldBe(404);
        });
        Assert.Contains("<html lang=\"nl\">", await gone.ReadAsTextAsync());
        await Scenario(x =>
        {
            x.Get.Url($"/api/captured-emails/{draft.Id}");
            x.StatusCodeShouldBe(404);
        });
    }
}
