using JasperFx.CommandLine;

namespace Campaigns.DemoData;

/// <summary><c>dotnet run --project src/Campaigns -- seed</c>: loads the demo set now, whatever the setting says.</summary>
[Description("Loads the demo data set (Koninklijke Metaalunie campaigns) unless it is already present", Name = "seed")]
public sealed class SeedCommand : JasperFxAsyncCommand<NetCoreInput>
{
    public override async Task<bool> Execute(NetCoreInput input)
    {
        // Built, not started: nothing listens and no hosted service runs; only the store is needed.
        using var host = input.BuildHost();
        var services = host.Services;
        var seeder = services.GetRequiredService<DemoDataSeeder>();

        var result = await seeder.SeedAsync();
        Console.WriteLine(result);
        return true;
    }
}
