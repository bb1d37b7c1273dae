using System.Text.Json;
using Alba;
using Campaigns.Infrastructure.Http;
using Campaigns.Tests.Infrastructure;
using Marten;
using Marten.Services;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Campaigns.Tests.Foundation;

/// <summary>
/// Exactly once with an Idempotency-Key: the answer is stored in the command's own transaction, so a retry after any
/// failure gets the first answer if the first attempt committed, and does the work once if it did not.
/// </summary>
public sealed class idempotent_commands(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Key = "Idempotency-Key";

    public override async Task DisposeAsync()
    {
        Listeners.Remove(Failures);
        await base.DisposeAsync();
    }

    private readonly InjectedFailures Failures = new();

    /// <summary>The shared store's session listeners: a session opened later runs the ones added here.</summary>
    private IList<IDocumentSessionListener> Listeners => ((DocumentStore)Store).Options.Listeners;

    private Task<IScenarioResult> PostWithKey(string url, object body, string key, int status, string? authorization = null) =>
        Scenario(x =>
        {
            x.Post.Json(body).ToUrl(url);
            x.WithRequestHeader(Key, key);
            if (authorization is not null) x.WithRequestHeader("Authorization", authorization);
            x.StatusCodeShouldBe(status);
        });

    private async Task<int> CountStreams()
    {
        await using var session = Store.QuerySession();
        return await session.Events.QueryAllRawEvents().Where(e => e.EventTypeName != "tombstone").Select(e => e.StreamId).Distinct().CountAsync();
    }

    private async Task<List<string>> RawRecords()
    {
        var table = Store.Options.FindOrResolveDocumentType(typeof(IdempotencyRecord)).TableName.QualifiedName;
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select data::text from {table}", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }

    [Fact]
    public async Task the_same_key_twice_stores_one_stream_and_answers_the_same()
    {
        var body = new { name = "Dijkgraaf", kind = "informateur", organisation = "Tweede Kamer", effectiveOn = "2025-11-01" };
        var first = await PostWithKey("/api/contacts", body, "contact-1", 201);
        var second = await PostWithKey("/api/contacts", body, "contact-1", 201);

        Assert.Equal(await first.ReadAsTextAsync(), await second.ReadAsTextAsync());
        Assert.Equal(first.Context.Response.Headers.Location.ToString(), second.Context.Response.Headers.Location.ToString());
        Assert.Equal("true", second.Context.Response.Headers[IdempotencyMiddleware.ReplayHeader].ToString());
        Assert.Equal(1, await CountStreams());
        Assert.Single(await RawRecords());
    }

    [Fact]
    public async Task the_same_key_with_another_body_is_refused_with_422()
    {
        await PostWithKey("/api/themes", new { slug = "regeldruk", label = "Regeldruk" }, "theme-1", 201);
        await PostWithKey("/api/themes", new { slug = "vakmensen", label = "Vakmensen" }, "theme-1", 422);
        Assert.Equal(1, await CountStreams());
    }

    [Fact]
    public async Task a_change_is_answered_again_with_204()
    {
        await Create("/api/themes", new { slug = "regeldruk", label = "Regeldruk" });
        await PostWithKey("/api/themes/regeldruk/label", new { label = "Minder regels" }, "rename-1", 204);
        var events = await CountEvents();
        var again = await PostWithKey("/api/themes/regeldruk/label", new { label = "Minder regels" }, "rename-1", 204);
        Assert.Equal("true", again.Context.Response.Headers[IdempotencyMiddleware.ReplayHeader].ToString());
        Assert.Equal(events, await CountEvents());
    }

    [Fact]
    public async Task a_commit_whose_answer_is_lost_is_answered_from_its_record_and_a_retry_gets_the_same()
    {
        // The transaction commits, then the attempt fails before it can answer (as a dropped connection or a
        // collision reported by a replayed batch would): the record committed with the events tells what happened.
        Failures.AfterCommitFor = "lost-1";
        Listeners.Add(Failures);
        var body = new { slug = "netcongestie", label = "Netcongestie" };

        var first = await PostWithKey("/api/themes", body, "lost-1", 201);
        Assert.Equal(1, Failures.Thrown);
        var retry = await PostWithKey("/api/themes", body, "lost-1", 201);

        Assert.Equal(await first.ReadAsTextAsync(), await retry.ReadAsTextAsync());
        Assert.Equal("/api/themes/netcongestie", retry.Context.Response.Headers.Location.ToString());
        Assert.Equal(1, await CountStreams());
    }

    [Fact]
    public async Task a_failure_before_the_commit_stores_neither_events_nor_record_and_the_retry_does_the_work_once()
    {
        Failures.BeforeCommitFor = "failed-1";
        Listeners.Add(Failures);
        var body = new { slug = "netcongestie", label = "Netcongestie" };

        await PostWithKey("/api/themes", body, "failed-1", 500);
        Assert.Equal(1, Failures.Thrown);
        Assert.Equal(0, await CountStreams());
        Assert.Empty(await RawRecords());

        await PostWithKey("/api/themes", body, "failed-1", 201);
        var again = await PostWithKey("/api/themes", body, "failed-1", 201);
        Assert.Equal("true", again.Context.Response.Headers[IdempotencyMiddleware.ReplayHeader].ToString());
        Assert.Equal(1, await CountStreams());
    }

    [Fact]
    public async Task concurrent_duplicates_store_one_stream_and_all_get_the_first_answer()
    {
        var body = new { name = "Van Zwol", kind = "informateur", organisation = "Tweede Kamer", effectiveOn = "2025-11-01" };
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => PostWithKey("/api/contacts", body, "together", 201)));

        var answers = await Task.WhenAll(results.Select(r => r.ReadAsTextAsync()));
        Assert.Single(answers.Distinct());
        Assert.Equal(1, await CountStreams());
    }

    [Fact]
    public async Task a_concurrency_failure_at_commit_answers_409_never_500()
    {
        // No key: six new streams with one id. The losers pass validation together and collide at commit.
        var statuses = await Task.WhenAll(Enumerable.Range(0, 6).Select(async i =>
            (await Scenario(x =>
            {
                x.Post.Json(new { slug = "vakmensen", label = $"Vakmensen {i}" }).ToUrl("/api/themes");
                x.IgnoreStatusCode();
            })).Context.Response.StatusCode));

        Assert.Equal(1, statuses.Count(s => s == 201));
        Assert.All(statuses.Where(s => s != 201), s => Assert.Equal(409, s));
        Assert.Equal(1, await CountStreams());
    }

    [Fact]
    public async Task answers_with_secrets_are_not_stored_and_a_replay_says_it_was_done()
    {
        var created = await PostWithKey("/api/users", new { name = "nieuwe.gebruiker", role = "officer" }, "user-1", 201);
        using var credentials = JsonDocument.Parse(await created.ReadAsTextAsync());
        var password = credentials.RootElement.GetProperty("oneTimePassword").GetString()!;
        var token = credentials.RootElement.GetProperty("token").GetString()!;

        var issued = await PostWithKey("/api/users/nieuwe.gebruiker/tokens", new { label = "script" }, "token-1", 201);
        using var second = JsonDocument.Parse(await issued.ReadAsTextAsync());
        var secondToken = second.RootElement.GetProperty("token").GetString()!;

        var raw = string.Join("\n", await RawRecords());
        Assert.Equal(2, (await RawRecords()).Count);
        Assert.DoesNotContain(password, raw);
        Assert.DoesNotContain(token, raw);
        Assert.DoesNotContain(secondToken, raw);

        var replay = await PostWithKey("/api/users", new { name = "nieuwe.gebruiker", role = "officer" }, "user-1", 409);
        var problem = await replay.ReadAsTextAsync();
        Assert.Contains("/api/users/nieuwe.gebruiker", problem);
        Assert.DoesNotContain(password, problem);
        await PostWithKey("/api/users/nieuwe.gebruiker/tokens", new { label = "script" }, "token-1", 409);

        await using var session = Store.QuerySession();
        Assert.Equal(2, await session.Query<global::Campaigns.Accounts.ApiToken>()
            .CountAsync(t => t.UserId == global::Campaigns.Accounts.UserAccount.IdFor("nieuwe.gebruiker")));
    }

    [Fact]
    public async Task expired_records_are_purged()
    {
        var now = DateTimeOffset.UtcNow;
        await using (var session = Store.LightweightSession())
        {
            session.Store(new IdempotencyRecord("a|/api/themes|old", "x", 204, null, null, null, false, now.AddHours(-25)));
            session.Store(new IdempotencyRecord("a|/api/themes|new", "x", 204, null, null, null, false, now.AddHours(-23)));
            await session.SaveChangesAsync();
        }

        await Host.Services.GetRequiredService<IdempotencyPurge>().PurgeExpiredAsync(CancellationToken.None);

        await using var query = Store.QuerySession();
        Assert.Null(await query.LoadAsync<IdempotencyRecord>("a|/api/themes|old"));
        Assert.NotNull(await query.LoadAsync<IdempotencyRecord>("a|/api/themes|new"));
    }

    /// <summary>Fails the commit of the command whose idempotency record has the given key, once: before or after it.</summary>
    private sealed class InjectedFailures : DocumentSessionListenerBase
    {
        public string? BeforeCommitFor { get; set; }
        public string? AfterCommitFor { get; set; }
        public int Thrown;

        public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token) =>
            Fail(BeforeCommitFor, session.PendingChanges.InsertsFor<IdempotencyRecord>(), "before");

        public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token) =>
            Fail(AfterCommitFor, commit.Inserted.OfType<IdempotencyRecord>(), "after");

        private Task Fail(string? key, IEnumerable<IdempotencyRecord> records, string when)
        {
            if (key is not null && records.Any(r => r.Id.EndsWith("|" + key)) && Interlocked.Increment(ref Thrown) == 1)
                throw new InvalidOperationException($"Injected failure {when} the commit");
            return Task.CompletedTask;
        }
    }
}
