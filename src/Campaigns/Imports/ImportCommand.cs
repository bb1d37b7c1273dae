using JasperFx.CommandLine;

namespace Campaigns.Imports;

public sealed class ImportInput : NetCoreInput
{
    [Description("What to import: 'tk' (Kamerleden and the Kamer's zaken, besluiten, stemmingen, activiteiten and toezeggingen from Tweede Kamer open data) or 'events' (an export of GET /api/export)")]
    public string Kind { get; set; } = "";

    [Description("tk: a folder of OData JSON files, a .zip of them, or one .json file; events: the .jsonl export")]
    public string Path { get; set; } = "";

    [Description("The user name the imported Kamerleden's events are recorded under (tk only)")]
    public string UserFlag { get; set; } = "tk-import";
}

/// <summary>
/// <c>dotnet run --project src/Campaigns -- import tk &lt;folder or file&gt;</c> and
/// <c>dotnet run --project src/Campaigns -- import events &lt;file&gt;</c>. Nothing is stored when the input is refused.
/// </summary>
[Description("Imports Kamerleden and Kamer items from Tweede Kamer open data ('import tk <path>') or an event log export into an empty store ('import events <file>')", Name = "import")]
public sealed class ImportCommand : JasperFxAsyncCommand<ImportInput>
{
    public override async Task<bool> Execute(ImportInput input)
    {
        if (input.Kind is not ("tk" or "events"))
        {
            Console.Error.WriteLine("Usage: import tk <folder|file.json|file.zip> [--user <name>]  |  import events <export.jsonl>");
            return false;
        }
        input.Path = Resolve(input.Path);
        if (string.IsNullOrWhiteSpace(input.Path) || !(File.Exists(input.Path) || (input.Kind == "tk" && Directory.Exists(input.Path))))
        {
            Console.Error.WriteLine($"Not found: '{input.Path}'.");
            return false;
        }

        // Built, not started: nothing listens and no hosted service runs; only the store is needed.
        using var host = input.BuildHost();
        if (input.Kind == "tk")
        {
            var outcome = await host.Services.GetRequiredService<TkImporter>().ImportAsync(TkDataSet.FromPath(input.Path), input.UserFlag);
            return Report(outcome.Result, outcome.Problems.Select(p => p.ToString()).ToList());
        }

        await using var file = File.OpenRead(input.Path);
        var restored = await host.Services.GetRequiredService<EventLog>().ImportAsync(file, CancellationToken.None);
        return Report(restored.Result, restored.Problems);
    }

    /// <summary>
    /// <c>dotnet run --project src/Campaigns</c> runs the app in the project's folder; a relative path is meant
    /// from where the command was typed, which the shell passes on as PWD.
    /// </summary>
    private static string Resolve(string path)
    {
        if (string.IsNullOrWhiteSpace(path) || Path.IsPathRooted(path) || File.Exists(path) || Directory.Exists(path)) return path;
        return Environment.GetEnvironmentVariable("PWD") is { Length: > 0 } typedIn ? Path.GetFullPath(Path.Combine(typedIn, path)) : path;
    }

    private static bool Report(object? result, IReadOnlyList<string> problems)
    {
        if (result is not null)
        {
            Console.WriteLine(result);
            return true;
        }
        Console.Error.WriteLine("Refused; nothing was stored:");
        foreach (var problem in problems) Console.Error.WriteLine("  " + problem);
        return false;
    }
}
