using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Alba;
using Campaigns.Tests.Infrastructure;
using Campaigns.Webhooks;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.Tests.Webhooks;

public class webhook_deliveries() : OwnDatabaseTests("campaigns_hooks")
{

    private Task<IAlbaHost> StartAsync(string retryDelays = "1,1") =>
        AppFixture.StartHostAsync(ConnectionString, settings: new Dictionary<string, string>
        {
            ["Campaigns:Webhooks:AllowPrivateAddresses"] = "true",
            ["Campaigns:Webhooks:AllowHttp"] = "true",
            ["Campaigns:Webhooks:RetryDelaySeconds"] = retryDelays,
            ["Campaigns:Webhooks:TimeoutSeconds"] = "5"
        });

    private static async Task<(Guid Id, string Secret)> RegisterAsync(IAlbaHost host, string url)
    {
        var result = await host.Scenario(x =>
        {
            x.Post.Json(new { url, kinds = new[] { WebhookKinds.CampaignStarted }, description = "Intranet" }).ToUrl("/api/webhooks");
            x.StatusCodeShouldBe(201);
        });
        var answer = JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement;
        return (answer.GetProperty("id").GetGuid(), answer.GetProperty("secret").GetString()!);
    }

    private static Task StartCampaignAsync(IAlbaHost host) => host.Scenario(x =>
    {
        x.Post.Json(new { name = "Formatie 2025", goal = "Vakmanschap in het regeerakkoord", startsOn = "2025-11-01" }).ToUrl("/api/campaigns");
        x.StatusCodeShouldBe(201);
    });

    private static async Task Eventually(Func<Task<bool>> condition, string what, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Not within {seconds}s: {what}");
            await Task.Delay(200);
        }
    }

    private static async Task<WebhookDelivery?> DeliveryAsync(IAlbaHost host)
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return (await session.Query<WebhookDelivery>().ToListAsync()).SingleOrDefault();
    }

    /// <summary>The README's verifier.</summary>
    private static bool Verify(string secret, string header, string body)
    {
        var parts = header.Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{parts["t"]}.{body}"));
        return CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(parts["v1"]));
    }

    [Fact]
    public async Task a_registration_refuses_what_is_not_a_web_url_and_never_shows_the_secret_again()
    {
        await using var owned = new OwnedHost(await StartAsync());
        var host = owned.Host;
        await host.Scenario(x =>
        {
            x.Post.Json(new { url = "ftp://example.org/x", kinds = new[] { WebhookKinds.CampaignStarted } }).ToUrl("/api/webhooks");
            x.StatusCodeShouldBe(400);
            x.ContentShouldContain("url");
        });
        await host.Scenario(x =>
        {
            x.Post.Json(new { url = "https://example.org/x", kinds = new[] { "everything" } }).ToUrl("/api/webhooks");
            x.StatusCodeShouldBe(400);
            x.ContentShouldContain("kinds");
        });
        var (_, secret) = await RegisterAsync(host, "https://example.org/hook");
        var list = await host.Scenario(x => x.Get.Url("/api/webhooks"));
        var text = await list.ReadAsTextAsync();
        Assert.Contains("example.org/hook", text);
        Assert.DoesNotContain(secret, text);
    }

    [Fact]
    public void private_and_loopback_addresses_are_recognised()
    {
        Assert.True(RegisterWebhookHandler.IsPrivate(System.Net.IPAddress.Parse("127.0.0.1")));
        Assert.True(RegisterWebhookHandler.IsPrivate(System.Net.IPAddress.Parse("10.1.2.3")));
        Assert.True(RegisterWebhookHandler.IsPrivate(System.Net.IPAddress.Parse("192.168.1.1")));
        Assert.True(RegisterWebhookHandler.IsPrivate(System.Net.IPAddress.Parse("::1")));
        Assert.False(RegisterWebhookHandler.IsPrivate(System.Net.IPAddress.Parse("93.184.216.34")));
    }

    [Fact]
    public async Task a_delivery_is_signed_and_sent_once_after_a_success()
    {
        await using var receiver = new WebhookReceiver();
        await using var owned = new OwnedHost(await StartAsync());
        var host = owned.Host;
        var (webhookId, secret) = await RegisterAsync(host, receiver.Url);

        await StartCampaignAsync(host);
        await Eventually(async () => (await DeliveryAsync(host))?.Status == DeliveryStatus.Delivered, "delivered");

        var request = Assert.Single(receiver.Requests);
        Assert.True(Verify(secret, request.Signature!, request.Body));
        Assert.False(Verify("whsec_other", request.Signature!, request.Body));
        var body = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal(request.DeliveryId, body.GetProperty("id").GetString());
        Assert.Equal(WebhookKinds.CampaignStarted, body.GetProperty("kind").GetString());
        Assert.StartsWith("/api/campaigns/", body.GetProperty("resource").GetString());
        Assert.True(body.GetProperty("data").TryGetProperty("campaignId", out _));

        await Task.Delay(TimeSpan.FromSeconds(4));
        Assert.Single(receiver.Requests);
        Assert.Equal(webhookId, (await DeliveryAsync(host))!.WebhookId);
    }

    [Fact]
    public async Task a_replay_of_the_log_sends_nothing_twice()
    {
        await using var receiver = new WebhookReceiver();
        await using var owned = new OwnedHost(await StartAsync());
        var host = owned.Host;
        await RegisterAsync(host, receiver.Url);
        await StartCampaignAsync(host);
        await Eventually(async () => (await DeliveryAsync(host))?.Status == DeliveryStatus.Delivered, "delivered");

        // What `projections rebuild` or a page processed again after a crash does: the whole log through the fan-out again.
        var store = host.Services.GetRequiredService<IDocumentStore>();
        await using (var scope = host.Services.CreateAsyncScope())
        await using (var session = store.LightweightSession())
        {
            var all = await session.Events.QueryAllRawEvents().OrderBy(e => e.Sequence).ToListAsync();
            await WebhookSubscription.FanOutAsync(all, session, scope.ServiceProvider.GetRequiredService<Wolverine.IMessageBus>(), CancellationToken.None);
            await session.SaveChangesAsync();
        }

        await Task.Delay(TimeSpan.FromSeconds(4));
        Assert.Single(receiver.Requests);
        Assert.Equal(DeliveryStatus.Delivered, (await DeliveryAsync(host))!.Status);
    }

    [Fact]
    public async Task a_delivery_is_retried_while_the_receiver_answers_500()
    {
        await using var receiver = new WebhookReceiver { Answer = n => n < 2 ? 500 : 200 };
        await using var owned = new OwnedHost(await StartAsync("1,1,1"));
        var host = owned.Host;
        await RegisterAsync(host, receiver.Url);

        await StartCampaignAsync(host);
        await Eventually(async () => (await DeliveryAsync(host))?.Status == DeliveryStatus.Delivered, "delivered after retries");

        Assert.Equal(3, receiver.Requests.Count);
        Assert.Single(receiver.Requests.Select(r => r.DeliveryId).Distinct());
        Assert.Equal(3, (await DeliveryAsync(host))!.Attempts);
    }

    [Fact]
    public async Task a_delivery_is_dead_lettered_after_its_retries_and_an_admin_can_send_it_again()
    {
        await using var receiver = new WebhookReceiver { Answer = _ => 500 };
        await using var owned = new OwnedHost(await StartAsync("1"));
        var host = owned.Host;
        await RegisterAsync(host, receiver.Url);

        await StartCampaignAsync(host);
        await Eventually(async () => (await DeliveryAsync(host))?.Status == DeliveryStatus.DeadLettered, "dead-lettered");
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(2, receiver.Requests.Count);
        var failed = (await DeliveryAsync(host))!;
        Assert.Contains("500", failed.LastError);
        var page = await (await host.Scenario(x => x.Get.Url("/beheer/webhooks"))).ReadAsTextAsync();
        Assert.Contains($"levering-{failed.Id}", page);
        Assert.Contains("Opnieuw versturen", page);

        receiver.Answer = _ => 200;
        await host.Scenario(x =>
        {
            x.Post.Url($"/api/webhooks/deliveries/{failed.Id}/resend");
            x.StatusCodeShouldBe(204);
        });
        await Eventually(async () => (await DeliveryAsync(host))?.Status == DeliveryStatus.Delivered, "delivered on resend");
        Assert.Equal(3, receiver.Requests.Count);
        Assert.Single(receiver.Requests.Select(r => r.DeliveryId).Distinct());
        Assert.Equal(failed.Id.ToString(), receiver.Requests.Last().DeliveryId);
    }

    [Fact]
    public async Task a_retry_that_was_waiting_is_delivered_after_a_restart()
    {
        await using var receiver = new WebhookReceiver { Answer = n => n == 0 ? 500 : 200 };
        await using (var first = await StartAsync("4,4"))
        {
            await RegisterAsync(first, receiver.Url);
            await StartCampaignAsync(first);
            await Eventually(async () => (await DeliveryAsync(first))?.Status == DeliveryStatus.Failing, "first attempt failed");
        }
        Assert.Single(receiver.Requests);

        await using var second = await StartAsync("4,4");
        await Eventually(async () => (await DeliveryAsync(second))?.Status == DeliveryStatus.Delivered, "delivered by the restarted app", 90);
        Assert.Equal(2, receiver.Requests.Count);
        Assert.Single(receiver.Requests.Select(r => r.DeliveryId).Distinct());
    }

    [Fact]
    public async Task loopback_addresses_are_refused_unless_allowed_and_only_admins_register()
    {
        await using var owned = new OwnedHost(await AppFixture.StartHostAsync(ConnectionString, settings: new Dictionary<string, string>
        {
            ["Campaigns:Webhooks:AllowHttp"] = "true"
        }));
        var host = owned.Host;
        await host.Scenario(x =>
        {
            x.Post.Json(new { url = "http://127.0.0.1:9/hook", kinds = new[] { WebhookKinds.CampaignStarted } }).ToUrl("/api/webhooks");
            x.StatusCodeShouldBe(400);
            x.ContentShouldContain("url");
        });
        var officer = await new TestUsers(host.Services.GetRequiredService<IDocumentStore>()).TokenForAsync("olga.officer", global::Campaigns.Accounts.Roles.Manager);
        await host.Scenario(x =>
        {
            x.WithRequestHeader("Authorization", "Bearer " + officer);
            x.Post.Json(new { url = "https://example.org/hook", kinds = new[] { WebhookKinds.CampaignStarted } }).ToUrl("/api/webhooks");
            x.StatusCodeShouldBe(403);
        });
    }
}
