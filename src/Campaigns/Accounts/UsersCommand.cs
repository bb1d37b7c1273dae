using JasperFx.CommandLine;

namespace Campaigns.Accounts;

public sealed class UsersInput : NetCoreInput
{
    [Description("What to do: add")]
    public string Action { get; set; } = "add";

    [Description("User name, e.g. jan.devries")]
    public string NameFlag { get; set; } = "";

    [Description("Role: officer, manager or admin")]
    public string RoleFlag { get; set; } = Roles.Officer;
}

/// <summary>
/// <c>dotnet run --project src/Campaigns -- users add --name jan.devries --role officer</c>: creates an account and
/// prints its one-time password and an API token. They are shown once and stored only as hashes.
/// </summary>
[Description("Manages user accounts: 'users add --name <name> --role <officer|manager|admin>'", Name = "users")]
public sealed class UsersCommand : JasperFxAsyncCommand<UsersInput>
{
    public override async Task<bool> Execute(UsersInput input)
    {
        if (!string.Equals(input.Action, "add", StringComparison.OrdinalIgnoreCase))
        {
            Console.Error.WriteLine($"Unknown action '{input.Action}'. Use: users add --name <name> --role <officer|manager|admin>");
            return false;
        }
        if (!Secrets.IsValidUserName(input.NameFlag))
        {
            Console.Error.WriteLine("--name: 2 to 60 letters, digits, dots, dashes or underscores, e.g. jan.devries");
            return false;
        }
        if (!Roles.IsKnown(input.RoleFlag))
        {
            Console.Error.WriteLine($"--role: one of {string.Join(", ", Roles.All)}");
            return false;
        }

        // Built, not started: nothing listens and no hosted service runs; only the store is needed.
        using var host = input.BuildHost();
        var users = host.Services.GetRequiredService<UserDirectory>();
        if (await users.FindAsync(input.NameFlag) is not null)
        {
            Console.Error.WriteLine($"User '{input.NameFlag}' exists already.");
            return false;
        }
        await host.Services.GetRequiredService<Marten.IDocumentStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        Print(await users.AddAsync(input.NameFlag, input.RoleFlag, "users command"), "Account created.");
        return true;
    }

    /// <summary>Straight to stdout, never through the logger: the secrets must not end up in log files.</summary>
    public static void Print(NewCredentials credentials, string heading) => Console.WriteLine(Format(credentials, heading));

    public static string Format(NewCredentials credentials, string heading) => $"""

        ==== {heading} Shown once; store them safely. ====
          user name           {credentials.Name} ({credentials.Role})
          one-time password   {credentials.OneTimePassword}   (sign in at /login; you choose a new one)
          API token           {credentials.Token}   (Authorization: Bearer …; revoke with POST /api/tokens/{credentials.TokenId}/revocation)

        """;
}
