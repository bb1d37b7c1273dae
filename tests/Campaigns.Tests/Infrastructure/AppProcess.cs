using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Campaigns.Tests.Infrastructure;

/// <summary>
/// The app as a process of its own (the Campaigns.dll this test run built), for tests that must kill it as a crash
/// would: <see cref="Kill"/> sends SIGKILL, so no shutdown code runs and its database sessions just end.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringWriter _output = new();

    private AppProcess(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    public Uri Url { get; }
    public int Id => _process.Id;
    public string Output => _output.ToString();

    public static async Task<AppProcess> StartAsync(string connectionString, IReadOnlyDictionary<string, string> settings)
    {
        var url = new Uri($"http://127.0.0.1:{FreePort()}");
        var app = typeof(global::Campaigns.Infrastructure.CampaignsHost).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [app, "--urls", url.ToString()])
        {
            WorkingDirectory = Path.GetDirectoryName(app)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ConnectionStrings__Campaigns"] = connectionString;
        start.Environment["Campaigns__SeedDemoDataWhenEmpty"] = "false";
        start.Environment["Campaigns__CreateFirstAdmin"] = "false";
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__")] = value;

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var started = new AppProcess(process, url);
        process.OutputDataReceived += (_, e) => { lock (started._output) started._output.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (started._output) started._output.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"The app exited during start-up:\n{started.Output}");
            try
            {
                if ((await http.GetAsync(new Uri(url, "/health"))).StatusCode == HttpStatusCode.OK) return started;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        started.Kill();
        throw new TimeoutException($"The app did not answer /health within 60 s:\n{started.Output}");
    }

    /// <summary>SIGKILL, as a crash or the OOM killer would: no graceful shutdown.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
