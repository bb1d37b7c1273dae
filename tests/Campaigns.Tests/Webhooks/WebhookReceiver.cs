using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Campaigns.Tests.Webhooks;

/// <summary>A real HTTP receiver on a loopback port: records each request and answers the status <see cref="Answer"/> says.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public sealed record Received(string Body, string? Signature, string? DeliveryId);

    public ConcurrentQueue<Received> Requests { get; } = new();
    /// <summary>The status for the n-th request (0-based).</summary>
    public Func<int, int> Answer { get; set; } = _ => 200;
    public int Port { get; }
    public string Url => $"http://127.0.0.1:{Port}/hook";

    public WebhookReceiver()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch { return; }
            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            var n = Requests.Count;
            Requests.Enqueue(new Received(body, context.Request.Headers["Campaigns-Signature"], context.Request.Headers["Campaigns-Delivery"]));
            context.Response.StatusCode = Answer(n);
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}
