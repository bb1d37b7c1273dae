using System.Net;
using System.Net.Sockets;
using Campaigns.Accounts;
using Campaigns.Tests.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Campaigns.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Wolverine;

namespace Campaigns.Tests.Web;

/// <summary>
/// The app on a real Kestrel port (a browser needs a socket; Alba's TestServer has none), on its own database with the demo
/// data loaded by the app's own start-up seeder, and Debian's Chromium driven by Playwright. One per browser collection.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private WebApplication? _app;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;
    public IDocumentStore Store => _app!.Services.GetRequiredService<IDocumentStore>();
    /// <summary>The app's services, for setting up what no screen does (an import of files, a captured mail).</summary>
    public IServiceProvider Services => _app!.Services;
    private string ConnectionString { get; set; } = "";

    public async Task InitializeAsync()
    {
        if (BrowserFactAttribute.SkipReason is not null) return;

        ConnectionString = await TestDatabase.CreateAsync("campaigns_web");
        var port = FreePort();
        // Program.cs's own two calls, on Kestrel at a free loopback port. (WebApplicationFactory hands its settings to
        // Program as arguments, which the JasperFx command line refuses; building the app here avoids that.)
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Testing",
            ApplicationName = typeof(CampaignsHost).Assembly.GetName().Name,
            ContentRootPath = Path.Combine(Screenshots.RepositoryRoot, "src", "Campaigns")
        });
        builder.Configuration["ConnectionStrings:Campaigns"] = ConnectionString;
        builder.Configuration["Campaigns:SeedDemoDataWhenEmpty"] = "true";
        builder.Configuration["Campaigns:SingleNode"] = "true";
        // Every browser test signs in from 127.0.0.1: the per-IP sign-in limit is for attackers, not for this suite.
        builder.Configuration["Campaigns:Login:AttemptsPerIp"] = "10000";
        // Capture stays off (no mailbox polled); the captured-mail test captures a message itself and needs the
        // mailbox's own address, which is never offered as a new contact.
        builder.Configuration["Campaigns:EmailCapture:Address"] = "vastleggen@metaalunie.nl";
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        builder.AddCampaigns();
        // Campaigns:SingleNode already runs the async daemon in Solo mode. Marten's MartenDaemonModeIsSolo() on top of it left
        // the timeline subscription unstarted (not even a high-water row), so every timeline page stayed empty.
        builder.Services.RunWolverineInSoloMode();
        _app = builder.Build();
        _app.UseCampaigns();
        await _app.StartAsync();
        // The demo data went in at start; its timelines follow through the subscription before any page is read.
        await _app.Services.GetRequiredService<global::Campaigns.Timelines.TimelineProgress>().WaitForEverythingAsync(TimeSpan.FromSeconds(120));
        BaseUrl = $"http://127.0.0.1:{port}";

        // The package's own browser download is never used (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1): Debian's Chromium instead.
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--lang=nl-NL"] // Dutch date inputs (dd-mm-jjjj), as the team sees them
        });
    }

    /// <summary>
    /// A fresh browser context (cookies, locale) signed in as the named team member (an officer unless said) through the real login page: the account
    /// is created with a one-time password, which the first sign-in replaces, as it does for a new team member.
    /// </summary>
    public async Task<IPage> OpenAsync(string user, int width = 1280, int height = 900, string role = Roles.Officer)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = "nl-NL",
            TimezoneId = "Europe/Amsterdam",
            ViewportSize = new ViewportSize { Width = width, Height = height }
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        var users = _app!.Services.GetRequiredService<UserDirectory>();
        var oneTimePassword = (await users.FindAsync(user) is null ? await users.AddAsync(user, role, "browser tests") : null)?.OneTimePassword;
        await page.GotoAsync("/login");
        await page.FillAsync("#userName", user);
        if (oneTimePassword is not null)
        {
            await page.FillAsync("#password", oneTimePassword);
            await page.ClickAsync("button[type=submit]");
            await page.FillAsync("#currentPassword", oneTimePassword);
            await page.FillAsync("#newPassword", PasswordFor(user));
            await page.FillAsync("#confirmation", PasswordFor(user));
        }
        else
        {
            await page.FillAsync("#password", PasswordFor(user));
        }
        await page.ClickAsync("button[type=submit]");
        // Signed in once the browser has left the login pages; the first page's own loading is the test's business. The URL is
        // read, not awaited through WaitForURLAsync: when the redirect has already landed, that call waits for a load event
        // instead, and twice in CI it waited out its timeout on a page that was there. A test that imported the Kamer's data
        // just before has the app projecting thousands of events meanwhile, so the wait is long.
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (new Uri(page.Url).AbsolutePath.StartsWith("/login", StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline)
                // Say what the browser shows instead: a refusal on the form, an error page, or the login form again.
                throw new TimeoutException($"Signing in as {user} stayed on {page.Url}, which shows: {await page.InnerTextAsync("body")}");
            await Task.Delay(100);
        }
        return page;
    }

    public async Task DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.CloseAsync();
            _playwright.Dispose();
        }
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            await TestDatabase.DropAsync(ConnectionString);
        }
    }

    private static string PasswordFor(string user) => $"Proef-{user}-wachtwoord-2025";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>A browser test: skipped, saying why, on a machine without Debian's Chromium (ops/test installs it).</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public static string? SkipReason { get; } = File.Exists(BrowserFixture.Chromium)
        ? null
        : $"{BrowserFixture.Chromium} is missing: install Debian's chromium package (ops/test does this when run as root).";

    public BrowserFactAttribute()
    {
        if (SkipReason is not null) Skip = SkipReason;
    }
}
