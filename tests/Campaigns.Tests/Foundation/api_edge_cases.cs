using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Campaigns.Accounts;
using Campaigns.Infrastructure;
using Campaigns.Tests.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;
using Wolverine;

namespace Campaigns.Tests.Foundation;

/// <summary>
/// What the edges of the HTTP surface answered: a body over the 1 MB limit was a 500 with a stack trace in the log (and a
/// too-big page form claimed the sign-in was stale), a body that is not JSON got a 404, and a JSON value the reader could
/// not convert (a date "gisteren", a venue "motie") got an English "Invalid JSON format" with .NET type names, logged as an
/// error. Run on a real Kestrel port: the body limit is Kestrel's, which Alba's TestServer does not enforce.
/// </summary>
public class api_edge_cases(EdgeHost app) : IClassFixture<EdgeHost>
{
    private static readonly string Big = new('x', 1_100_000);

    public static TheoryData<string> JsonRoutes() => new() { "/api/campaigns", "/api/meetings", "/api/follow-ups", "/api/themes" };

    [Theory]
    [MemberData(nameof(JsonRoutes))]
    public async Task a_json_body_over_1_mb_is_a_413_problem_in_dutch_and_nothing_is_stored(string route)
    {
        var before = await app.CountEvents();
        var response = await app.Send(HttpMethod.Post, route, Json($$"""{ "name": "{{Big}}", "slug": "x", "label": "x" }"""));

        var problem = await ProblemOf(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("Het verzoek is te groot (maximaal 1 MB).", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await app.CountEvents());
        app.AssertNoErrorLogged();
    }

    [Fact]
    public async Task a_chunked_json_body_over_1_mb_is_a_413_too()
    {
        var before = await app.CountEvents();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/themes")
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes($$"""{ "slug": "groot", "label": "{{Big}}" }""")))
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TransferEncodingChunked = true;
        var response = await app.Send(request);

        var problem = await ProblemOf(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("Het verzoek is te groot (maximaal 1 MB).", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await app.CountEvents());
        app.AssertNoErrorLogged();
    }

    [Fact]
    public async Task a_page_form_over_1_mb_says_the_form_is_too_big()
    {
        var (token, cookie) = await app.ReadForm("/campagnes/nieuw");
        var before = await app.CountEvents();
        var request = new HttpRequestMessage(HttpMethod.Post, "/campagnes/nieuw")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Name"] = "Te groot", ["Goal"] = Big, ["StartsOn"] = "2025-11-01"
            })
        };
        request.Headers.Add("Cookie", cookie);
        var response = await app.Send(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Formulier niet opgeslagen", html);
        Assert.Contains("Het formulier is te groot", html);
        Assert.DoesNotContain("hoort niet meer bij je aanmelding", html);
        Assert.Equal(before, await app.CountEvents());
        app.AssertNoErrorLogged();
    }

    [Fact]
    public async Task a_body_that_is_not_json_is_a_415_problem()
    {
        var before = await app.CountEvents();
        var response = await app.Send(HttpMethod.Post, "/api/campaigns",
            new StringContent("""{ "name": "Tekst", "goal": "x", "startsOn": "2025-11-01", "themes": ["vakmensen"] }""", Encoding.UTF8, "text/plain"));

        await ProblemOf(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(before, await app.CountEvents());
    }

    public static TheoryData<string, string, string, string> UnreadableValues() => new()
    {
        // route ({demand} filled in), body, JSON field named under errors, its Dutch message
        { "/api/demands/{demand}/adoption", """{ "venue": "motie", "partial": false, "occurredOn": "2025-12-01" }""", "venue",
            "Kies uit: coalition-agreement, party-programme, motion, budget, law, policy, other." },
        { "/api/demands/{demand}/adoption", """{ "venue": "motion", "partial": false, "occurredOn": "gisteren" }""", "occurredOn",
            "Geen geldige datum (jjjj-mm-dd)." },
        { "/api/demands/{demand}/support", """{ "contactId": "{contact}", "stance": "supportive", "occurredOn": "2025-12-01" }""", "stance",
            "Kies uit: supports, neutral, opposes." },
        { "/api/campaigns", """{ "name": "Lijst", "goal": "x", "startsOn": "2025-11-01", "themes": "vakmensen" }""", "themes",
            "Geen geldige waarde." },
        { "/api/meetings", """{ "campaignId": "{demand}", "contactIds": ["{contact}", "geen-id"], "subject": "x", "heldOn": "2025-11-10" }""",
            "contactIds[1]", "Geen geldig id." },
    };

    [Theory]
    [MemberData(nameof(UnreadableValues))]
    public async Task an_unreadable_json_value_is_a_400_naming_the_field_in_dutch(string route, string body, string field, string message)
    {
        var (demand, contact) = await app.DemandAndContact();
        string Fill(string text) => text.Replace("{demand}", demand.ToString()).Replace("{contact}", contact.ToString());
        var before = await app.CountEvents();

        var response = await app.Send(HttpMethod.Post, Fill(route), Json(Fill(body)));

        var problem = await ProblemOf(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"no error for '{field}' in {problem}");
        Assert.Equal(message, messages[0].GetString());
        Assert.DoesNotContain("System.", problem.ToString());
        Assert.DoesNotContain("Campaigns.", problem.ToString());
        Assert.Equal(before, await app.CountEvents());
        app.AssertNoErrorLogged();
    }

    [Theory]
    [InlineData("/api/timelines/themes/vakmensen?campaignId=verkiezingen", "campaignId", "Geen geldig id.")]
    [InlineData("/api/timelines/themes/vakmensen?limit=veel", "limit", "Vul een getal in.")]
    public async Task an_unreadable_query_value_is_a_400_naming_the_parameter_in_dutch(string url, string parameter, string message)
    {
        await app.DemandAndContact();
        var response = await app.Send(HttpMethod.Get, url);

        var problem = await ProblemOf(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out var messages), $"no error for '{parameter}' in {problem}");
        Assert.Equal(message, messages[0].GetString());
        Assert.DoesNotContain("System.", problem.ToString());
        app.AssertNoErrorLogged();
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ProblemOf(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}

/// <summary>The app on a free loopback Kestrel port, its own database, and every log event it writes kept for the asserts.</summary>
public sealed class EdgeHost : IAsyncLifetime, ILogEventSink
{
    private WebApplication? _app;
    private HttpClient _http = null!;
    private string _connectionString = "";
    private readonly ConcurrentQueue<LogEvent> _log = new();
    private (Guid Demand, Guid Contact)? _formation;

    public async Task InitializeAsync()
    {
        _connectionString = await TestDatabase.CreateAsync("campaigns_edge");
        var port = FreePort();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Testing",
            ApplicationName = typeof(CampaignsHost).Assembly.GetName().Name,
            ContentRootPath = Path.Combine(Web.Screenshots.RepositoryRoot, "src", "Campaigns")
        });
        builder.Configuration["ConnectionStrings:Campaigns"] = _connectionString;
        builder.Configuration["Campaigns:SeedDemoDataWhenEmpty"] = "false";
        builder.Configuration["Campaigns:CreateFirstAdmin"] = "false";
        builder.Configuration["Campaigns:SingleNode"] = "true";
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        builder.AddCampaigns();
        builder.Services.RunWolverineInSoloMode();
        // Serilog's ReadFrom.Services picks up sinks registered as services.
        builder.Services.AddSingleton<ILogEventSink>(this);
        _app = builder.Build();
        _app.UseCampaigns();
        await _app.StartAsync();

        var token = await new TestUsers(_app.Services.GetRequiredService<IDocumentStore>()).TokenForAsync(AppFixture.Officer, Roles.Admin);
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public void Emit(LogEvent logEvent) => _log.Enqueue(logEvent);

    /// <summary>Sends one request with the log emptied first, so that the asserts see only what this request logged.</summary>
    public Task<HttpResponseMessage> Send(HttpMethod method, string url, HttpContent? content = null) =>
        Send(new HttpRequestMessage(method, url) { Content = content });

    public async Task<HttpResponseMessage> Send(HttpRequestMessage request)
    {
        _log.Clear();
        return await _http.SendAsync(request);
    }

    /// <summary>A refused request is the client's mistake: no error, and no stack trace at any level.</summary>
    public void AssertNoErrorLogged()
    {
        var bad = _log.Where(e => e.Level >= LogEventLevel.Error || e.Exception is not null).ToList();
        Assert.True(bad.Count == 0, string.Join("\n", bad.Select(e => $"{e.Level}: {e.RenderMessage()}\n{e.Exception}")));
    }

    public async Task<long> CountEvents()
    {
        await using var session = _app!.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Events.QueryAllRawEvents().Where(e => e.EventTypeName != "tombstone").LongCountAsync();
    }

    /// <summary>A theme, a campaign with one demand, and a contact, made once for the class.</summary>
    public async Task<(Guid Demand, Guid Contact)> DemandAndContact()
    {
        if (_formation is { } made) return made;
        await Created("/api/themes", """{ "slug": "vakmensen", "label": "Vakmensen" }""");
        var campaign = await Created("/api/campaigns", """{ "name": "Formatie", "goal": "Vakmensen in het akkoord", "startsOn": "2025-11-01", "themes": ["vakmensen"] }""");
        var demand = await Created($"/api/campaigns/{campaign}/demands", """{ "theme": "vakmensen", "text": "Meer vakmensen" }""");
        var contact = await Created("/api/contacts", """{ "name": "Van Zwol", "kind": "informateur", "organisation": "Kabinetsformatie" }""");
        _formation = (demand, contact);
        return (demand, contact);
    }

    /// <summary>The page's antiforgery token and cookie, read as a browser would.</summary>
    public async Task<(string Token, string Cookie)> ReadForm(string url)
    {
        var page = await _http.GetAsync(url);
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.IsSuccessStatusCode, html);
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var cookie = string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        return (token, cookie);
    }

    private async Task<Guid> Created(string url, string json)
    {
        var response = await _http.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        await TestDatabase.DropAsync(_connectionString);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
