using System.Reflection;
using System.Text.Json;
using Campaigns.Tests.Infrastructure;
using Campaigns.Timelines;
using Microsoft.AspNetCore.TestHost;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.Extensions.DependencyInjection;
using NSwag;
using NSwag.CodeGeneration.CSharp;

namespace Campaigns.Tests.Foundation;

/// <summary>
/// The OpenAPI document is something a developer at the association builds on: every operation names itself, says
/// what it does and documents its error answers, and a generated client works against the app.
/// </summary>
public class the_api_reference(AppFixture fixture) : FormationContext(fixture)
{
    /// <summary>Operations that answer without a bearer token.</summary>
    private static readonly HashSet<string> Anonymous = ["GetFollowUpCalendar"];

    private async Task<string> DocumentAsync()
    {
        var result = await Scenario(x => { x.Get.Url("/openapi/v1.json"); x.Anonymous(); x.StatusCodeShouldBe(200); });
        return await result.ReadAsTextAsync();
    }

    [Fact]
    public async Task every_operation_has_an_operation_id_a_summary_a_description_and_documented_error_answers()
    {
        using var document = JsonDocument.Parse(await DocumentAsync());
        var root = document.RootElement;

        var bearer = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
        Assert.Equal("http", bearer.GetProperty("type").GetString());
        Assert.Equal("bearer", bearer.GetProperty("scheme").GetString());

        var problems = new List<string>();
        var ids = new List<string>();
        var count = 0;
        foreach (var path in root.GetProperty("paths").EnumerateObject())
        foreach (var operation in path.Value.EnumerateObject())
        {
            if (operation.Name is "parameters" or "summary" or "description" or "servers") continue;
            count++;
            var name = $"{operation.Name.ToUpperInvariant()} {path.Name}";
            var op = operation.Value;
            var id = op.TryGetProperty("operationId", out var o) ? o.GetString() : null;
            if (string.IsNullOrWhiteSpace(id) || id.Contains('_') || !char.IsUpper(id[0])) problems.Add($"{name}: operationId '{id}' is missing or generated");
            else ids.Add(id);
            if (!op.TryGetProperty("summary", out var s) || string.IsNullOrWhiteSpace(s.GetString())) problems.Add($"{name}: no summary");
            if (!op.TryGetProperty("description", out var d) || string.IsNullOrWhiteSpace(d.GetString())) problems.Add($"{name}: no description");

            var responses = op.GetProperty("responses");
            var protectedOp = op.TryGetProperty("security", out var security) && security.GetArrayLength() > 0;
            if (!protectedOp && !Anonymous.Contains(id ?? "")) problems.Add($"{name}: no bearer security requirement");
            if (protectedOp)
                foreach (var status in new[] { "401", "403" })
                    if (!HasProblem(responses, status)) problems.Add($"{name}: {status} not documented with ProblemDetails");
            var errors = responses.EnumerateObject().Where(r => r.Name.StartsWith('4')).ToList();
            if (!errors.Any(r => HasProblem(responses, r.Name))) problems.Add($"{name}: no 4xx answer with ProblemDetails");
            if (path.Name.Contains('{') && !HasProblem(responses, "404")) problems.Add($"{name}: route has an id but no 404");
            if (operation.Name == "post" && !HasProblem(responses, "409")) problems.Add($"{name}: command without 409");
        }

        Assert.True(count >= 55, $"only {count} operations");
        Assert.Empty(problems);
        Assert.Empty(ids.GroupBy(i => i).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Contains("LogMeeting", ids);
        Assert.Contains("GetThemeTimeline", ids);
        Assert.Contains("AdoptDemand", ids);
    }

    private static bool HasProblem(JsonElement responses, string status) =>
        responses.TryGetProperty(status, out var response)
        && response.TryGetProperty("content", out var content)
        && content.EnumerateObject().Any(c => c.Value.TryGetProperty("schema", out var schema)
            && schema.TryGetProperty("$ref", out var reference) && reference.GetString()!.EndsWith("/ProblemDetails"));

    [Fact]
    public async Task request_schemas_carry_descriptions_and_examples_shaped_like_the_seeds()
    {
        using var document = JsonDocument.Parse(await DocumentAsync());
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        var meeting = schemas.GetProperty("LogMeeting");
        Assert.False(string.IsNullOrWhiteSpace(meeting.GetProperty("description").GetString()));
        Assert.Contains("Kamerlid", meeting.GetProperty("example").GetProperty("subject").GetString());
        Assert.Equal("coalition-agreement", schemas.GetProperty("AdoptDemand").GetProperty("example").GetProperty("venue").GetString());
        Assert.True(schemas.TryGetProperty("RegisteredContactAnswer", out _));
        Assert.Contains("informateurs", schemas.GetProperty("SendLetter").GetProperty("example").GetProperty("subject").GetString());
    }

    [Fact]
    public async Task a_client_generated_from_the_document_logs_a_meeting_and_reads_the_theme_timeline()
    {
        var openApi = await OpenApiDocument.FromJsonAsync(await DocumentAsync());
        var code = new CSharpClientGenerator(openApi, new CSharpClientGeneratorSettings
        {
            ClassName = "CampaignsClient",
            CSharpGeneratorSettings = { Namespace = "Generated", JsonLibrary = NJsonSchema.CodeGeneration.CSharp.CSharpJsonLibrary.SystemTextJson, DateType = "System.DateOnly" },
            GenerateClientInterfaces = false,
            UseBaseUrl = false,
        }).GenerateFile();
        Assert.Contains("LogMeetingAsync", code);
        Assert.DoesNotContain("POST_api", code);

        var client = Compile(code).GetType("Generated.CampaignsClient")!;
        var http = Host.Server.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", await Fixture.TokenForAsync(AppFixture.Officer));
        var api = Activator.CreateInstance(client, http)!;

        var assembly = client.Assembly;
        var command = Activator.CreateInstance(assembly.GetType("Generated.LogMeeting")!)!;
        Set(command, "CampaignId", _formation.CampaignId);
        Set(command, "ContactIds", new List<Guid> { _formation.VanZwol });
        Set(command, "Themes", new List<string> { "netcongestie" });
        Set(command, "Subject", "Gesprek met Kamerlid over netcongestie bij mkb-maakbedrijven");
        Set(command, "Outcome", "Stelt schriftelijke vragen");
        Set(command, "HeldOn", new DateOnly(2025, 11, 20));
        await Invoke(api, "LogMeetingAsync", p => p.ParameterType == command.GetType() ? command : null);

        await Host.Services.GetRequiredService<TimelineProgress>().WaitForEverythingAsync(TimeSpan.FromSeconds(30));
        var reading = Invoke(api, "GetThemeTimelineAsync", p => p.Name == "slug" ? "netcongestie" : null);
        await reading;
        var page = reading.GetType().GetProperty("Result")!.GetValue(reading)!;
        var items = (System.Collections.IEnumerable)page.GetType().GetProperty("Items")!.GetValue(page)!;
        Assert.Contains(items.Cast<object>(), e => (string)e.GetType().GetProperty("Summary")!.GetValue(e)! is var s
            && s.Contains("Gesprek met Kamerlid over netcongestie"));
    }

    private static void Set(object target, string property, object? value)
    {
        var info = target.GetType().GetProperty(property) ?? throw new InvalidOperationException($"no property {property}");
        info.SetValue(target, value);
    }

    /// <summary>Calls a generated operation without its CancellationToken overload; parameters not given stay null.</summary>
    private static Task Invoke(object api, string method, Func<System.Reflection.ParameterInfo, object?> argument)
    {
        var info = api.GetType().GetMethods().First(m => m.Name == method && m.GetParameters().All(p => p.ParameterType != typeof(CancellationToken)));
        return (Task)info.Invoke(api, info.GetParameters().Select(argument).ToArray())!;
    }

    private static Assembly Compile(string code)
    {
        // The framework's own assemblies, as the app runs on them: nothing is downloaded.
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.") || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create("Generated.CampaignsClient." + Guid.NewGuid().ToString("N"),
            [CSharpSyntaxTree.ParseText(code)], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var stream = new MemoryStream();
        var emitted = compilation.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20)));
        return Assembly.Load(stream.ToArray());
    }
}
