using System.Text.Json;
using Campaigns.Accounts;
using Campaigns.Infrastructure;
using Campaigns.Timelines;
using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Wolverine.Tracking;

namespace Campaigns.Tests.Infrastructure;

/// <summary>Base for HTTP-level tests: shared host, data wiped before each test.</summary>
[Collection(IntegrationCollection.Name)]
public abstract class IntegrationContext(AppFixture fixture) : IAsyncLifetime, IntegrationContextApi
{
    protected AppFixture Fixture { get; } = fixture;
    protected IAlbaHost Host => Fixture.Host;
    protected IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    public virtual async Task InitializeAsync()
    {
        await ResetStoreAsync(Host);
        // Reminders an earlier test scheduled would otherwise fire during this one, for follow-ups that are gone.
        await Host.GetRuntime().Storage.Admin.ClearAllAsync();
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    /// <summary>
    /// Empties the store (and the search index) for the next test while the subscriptions keep running: they first catch up with the
    /// earlier test's events, then documents and events go, and the event sequence carries on from where it was, so the
    /// subscription's position stays valid for the next test's events.
    /// </summary>
    public static async Task ResetStoreAsync(IAlbaHost host)
    {
        await host.Services.GetRequiredService<TimelineProgress>().WaitForEverythingAsync(TimeSpan.FromSeconds(30));
        var store = host.Services.GetRequiredService<IDocumentStore>();
        // Not Clean.DeleteAllDocumentsAsync: it truncates every mt_ table, the daemon's progression rows too, and the
        // running subscription then fails its next progress update as "out of order".
        var schema = store.Options.Events.DatabaseSchemaName;
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var reset = connection.CreateCommand();
        reset.CommandText =
            "do $$ declare t text; begin " +
            "for t in select format('%I.%I', schemaname, tablename) from pg_tables " +
            $"where schemaname = '{schema}' and (tablename like 'mt\\_doc\\_%' or tablename in ('mt_events', 'mt_streams', 'search_entries', 'timeline_keys')) " +
            "loop execute 'truncate ' || t || ' cascade'; end loop; end $$";
        await reset.ExecuteNonQueryAsync();
    }

    protected Task<IScenarioResult> Scenario(Action<Scenario> configure) => Host.Scenario(configure);

    /// <summary>Runs an HTTP call and waits until every message it cascaded has been handled.</summary>
    protected async Task<(ITrackedSession Tracked, IScenarioResult Result)> TrackedHttpCall(Action<Scenario> configure)
    {
        IScenarioResult result = null!;
        var tracked = await Host.TrackActivity().Timeout(TimeSpan.FromSeconds(30))
            .ExecuteAndWaitAsync((Func<IMessageContext, Task>)(async _ => { result = await Host.Scenario(configure); }));
        return (tracked, result);
    }

    /// <summary>Runs HTTP calls at once and waits until they and every message they cascaded are done.</summary>
    protected Task ConcurrentTrackedCalls(IEnumerable<Action<Scenario>> calls) =>
        Host.TrackActivity().Timeout(TimeSpan.FromSeconds(60))
            .ExecuteAndWaitAsync((Func<IMessageContext, Task>)(_ => Task.WhenAll(calls.Select(c => Host.Scenario(c)))));

    /// <summary>The Authorization header value for a test user with this role (admin unless said).</summary>
    protected async Task<string> BearerFor(string user, string role = Roles.Admin) => "Bearer " + await Fixture.TokenForAsync(user, role);

    /// <summary>
    /// POSTs JSON, asserts 201 and returns the new id, once every message the command cascaded (mentions on demands,
    /// follow-ups) has been handled. Acts as the default user unless <paramref name="user"/> is given.
    /// </summary>
    public async Task<Guid> Create(string url, object body, string? user = null, string? role = null)
    {
        var authorization = user is null && role is null ? null : await BearerFor(user ?? AppFixture.Officer, role ?? Roles.Admin);
        var (_, result) = await TrackedHttpCall(x =>
        {
            x.Post.Json(body).ToUrl(url);
            if (authorization is not null) x.WithRequestHeader("Authorization", authorization);
            x.StatusCodeShouldBe(201);
        });
        return Read<CreatedBody>(await result.ReadAsTextAsync()).Id;
    }

    /// <summary>POSTs JSON, asserts the status code and waits for the messages the command cascaded.</summary>
    protected async Task<IScenarioResult> Post(string url, object body, int expectedStatus, string? ifMatch = null) =>
        (await TrackedHttpCall(x =>
        {
            x.Post.Json(body).ToUrl(url);
            if (ifMatch is not null) x.WithRequestHeader("If-Match", ifMatch);
            x.StatusCodeShouldBe(expectedStatus);
        })).Result;

    protected async Task<T> Get<T>(string url)
    {
        var result = await Scenario(x => x.Get.Url(url));
        return Read<T>(await result.ReadAsTextAsync());
    }

    /// <summary>Every event but Marten's tombstones, background follow-up events included.</summary>
    protected async Task<long> CountAllEvents()
    {
        await using var session = Store.QuerySession();
        return await session.Events.QueryAllRawEvents().Where(e => e.EventTypeName != "tombstone").LongCountAsync();
    }

    protected async Task<long> CountEvents()
    {
        await using var session = Store.QuerySession();
        // Events a request stored. Left out: tombstones (Marten's fillers for failed appends) and follow-up events, which
        // Wolverine's timer appends in the background whenever a back-dated interaction's reminders fall due.
        return await session.Events.QueryAllRawEvents()
            .Where(e => e.EventTypeName != "tombstone" && !e.EventTypeName.StartsWith("follow_up"))
            .LongCountAsync();
    }

    /// <summary>
    /// For work that runs on Wolverine's own timer (durable scheduled messages): polls the event store until
    /// <paramref name="count"/> events of type <typeparamref name="T"/> exist, and fails after <paramref name="timeout"/>.
    /// </summary>
    protected Task<int> WaitForEvents<T>(int count, TimeSpan timeout) where T : notnull => WaitForEvents<T>(Store, count, timeout);

    public static async Task<int> WaitForEvents<T>(IDocumentStore store, int count, TimeSpan timeout) where T : notnull
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            await using var session = store.QuerySession();
            var found = await session.Events.QueryRawEventDataOnly<T>().CountAsync();
            if (found >= count || DateTime.UtcNow > deadline) return found;
            await Task.Delay(200);
        }
    }

    protected static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Json)!;

    private static readonly JsonSerializerOptions Json = JsonDefaults.Create();

    protected sealed record CreatedBody(Guid Id, string Url);
}

public static class ScenarioExtensions
{
    /// <summary>No credentials at all: the fixture adds the default user only when there is no Authorization header.</summary>
    public static Scenario Anonymous(this Scenario scenario)
    {
        scenario.WithRequestHeader("Authorization", "");
        return scenario;
    }
}
