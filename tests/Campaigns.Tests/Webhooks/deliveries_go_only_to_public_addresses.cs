using System.Net;
using System.Net.Sockets;
using Campaigns.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.Tests.Webhooks;

/// <summary>
/// A webhook's host is checked at registration, and again at every delivery, on the addresses the delivery connects to:
/// a name that pointed at a public address when it was registered may point into the server's own network later.
/// </summary>
public class deliveries_go_only_to_public_addresses
{
    [Fact]
    public async Task a_delivery_to_a_private_address_is_refused_before_it_connects()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/hook";

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => Client(allowPrivate: false).PostAsync(url, new StringContent("{}"), timeout.Token));
        Assert.Contains("wijst naar een privé of lokaal adres", refused.Message);
        Assert.False(listener.Pending()); // no connection was made

        // Allowed (as for a receiver on the same machine in development), the same client reaches it.
        var accepted = listener.AcceptTcpClientAsync();
        var sent = Client(allowPrivate: true).PostAsync(url, new StringContent("{}"), timeout.Token);
        using var connection = await accepted.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(connection.Connected);
        connection.Close();
        await Assert.ThrowsAnyAsync<Exception>(() => sent);
    }

    private static HttpClient Client(bool allowPrivate)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{WebhookOptions.Section}:AllowPrivateAddresses"] = allowPrivate.ToString()
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddCampaignsWebhooks(configuration);
        return services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>().CreateClient(WebhookOptions.HttpClientName);
    }
}
