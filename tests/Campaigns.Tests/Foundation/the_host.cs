using System.Text.Json;
using Campaigns.Tests.Infrastructure;
using Campaigns.Themes;
using Marten;

namespace Campaigns.Tests.Foundation;

public class the_host(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task health_is_green_when_the_database_answers()
    {
        var result = await Scenario(x =>
        {
            x.Get.Url("/health");
            x.Anonymous();
            x.StatusCodeShouldBe(200);
        });
        Assert.Equal("Healthy", await result.ReadAsTextAsync());
    }

    [Fact]
    public async Task the_openapi_document_lists_the_endpoints()
    {
        var result = await Scenario(x => x.Get.Url("/openapi/v1.json"));
        using var document = JsonDocument.Parse(await result.ReadAsTextAsync());
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/themes", paths);
        Assert.Contains("/api/themes/{slug}", paths);
    }

    [Fact]
    public async Task a_command_appends_an_event_that_reads_back_with_who_did_it()
    {
        var id = await Create("/api/themes", new { slug = "netcongestie", label = "Netcongestie en energie-infrastructuur" });

        var theme = await Get<Theme>("/api/themes/netcongestie");
        Assert.Equal(id, theme.Id);
        Assert.Equal("Netcongestie en energie-infrastructuur", theme.Label);

        await using var session = Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(id);
        var added = Assert.Single(events);
        Assert.IsType<ThemeAdded>(added.Data);
        Assert.Equal(AppFixture.Officer, added.UserName);
        Assert.True(added.Timestamp > DateTimeOffset.UtcNow.AddMinutes(-1));
    }

    [Fact]
    public async Task anonymous_api_calls_are_refused()
    {
        await Scenario(x =>
        {
            x.Get.Url("/api/themes");
            x.Anonymous();
            x.StatusCodeShouldBe(401);
        });
    }
}
