using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Tracking;

namespace Campaigns.Tests.Infrastructure;

/// <summary>Base for HTTP-level tests: shared host, data wiped before each test.</summary>
[Collection(IntegrationCollection.Name)]
public abstract class IntegrationContext(AppFixture fixture) : IAsyncLifetime
{
    protected AppFixture Fixture { get; } = fixture;
    protected IAlbaHost Host => Fixture.Host;
    protected IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    public virtual async Task InitializeAsync() => await Host.ResetAllMartenDataAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected Task<IScenarioResult> Scenario(Action<Scenario> configure) => Host.Scenario(configure);

    /// <summary>Runs an HTTP call and waits until every message it cascaded has been handled.</summary>
    protected async Task<(ITrackedSession Tracked, IScenarioResult Result)> TrackedHttpCall(Action<Scenario> configure)
    {
        IScenarioResult result = null!;
        var tracked = await Host.ExecuteAndWaitAsync(async () => { result = await Host.Scenario(configure); });
        return (tracked, result);
    }

    /// <summary>POSTs JSON, asserts 201 and returns the new id.</summary>
    protected async Task<Guid> Create(string url, object body, string? user = null)
    {
        var result = await Scenario(x =>
        {
            x.Post.Json(body).ToUrl(url);
            if (user is not null) x.WithRequestHeader("X-User", user);
            x.StatusCodeShouldBe(201);
        });
        var created = await result.ReadAsJsonAsync<CreatedBody>();
        return created!.Id;
    }

    protected async Task<T> Get<T>(string url)
    {
        var result = await Scenario(x => x.Get.Url(url));
        return (await result.ReadAsJsonAsync<T>())!;
    }

    protected async Task<long> CountEvents()
    {
        await using var session = Store.QuerySession();
        return await session.Events.QueryAllRawEvents().LongCountAsync();
    }

    private sealed record CreatedBody(Guid Id, string Url);
}
