using JasperFx.CommandLine;

namespace Campaigns.Search;

/// <summary><c>dotnet run --project src/Campaigns -- search</c>: writes the search index again from the snapshots.</summary>
[Description("Rebuilds the search index from the current snapshots", Name = "search")]
public sealed class RebuildSearchCommand : JasperFxAsyncCommand<NetCoreInput>
{
    public override async Task<bool> Execute(NetCoreInput input)
    {
        using var host = input.BuildHost();
        var rows = await SearchIndex.RebuildAsync(host.Services.GetRequiredService<IDocumentStore>(), CancellationToken.None);
        Console.WriteLine($"Search index rebuilt: {rows} rows.");
        return true;
    }
}
