namespace Campaigns.Accounts;

/// <summary>
/// On an empty store, creates the first admin and prints its one-time password and API token once, to the console
/// (stdout, not the log). There is no default password anywhere: whoever starts the app first sees the credentials.
/// Off with <c>Campaigns:CreateFirstAdmin=false</c>; then use <c>dotnet run -- users add --name … --role admin</c>.
/// With <c>Campaigns:FirstAdminSecretsFile</c> set, they go to that file instead (mode 0600, only the app's user may
/// read it), so that nothing reaches stdout, which containers keep in their logs.
/// </summary>
public sealed class FirstAdminOnStartup(IConfiguration configuration, UserDirectory users, ILogger<FirstAdminOnStartup> logger) : IHostedService
{
    public const string Setting = "Campaigns:CreateFirstAdmin";
    public const string NameSetting = "Campaigns:FirstAdminName";
    public const string SecretsFileSetting = "Campaigns:FirstAdminSecretsFile";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue(Setting, true)) return;
        if (await users.AnyUsersAsync(cancellationToken)) return;

        var name = configuration[NameSetting] is { Length: > 0 } configured ? configured : "admin";
        try
        {
            var credentials = await users.AddAsync(name, Roles.Admin, "eerste start", cancellationToken);
            var text = UsersCommand.Format(credentials, "First start on an empty store: an admin account was created.");
            if (configuration[SecretsFileSetting] is { Length: > 0 } file)
            {
                await WriteOwnerOnlyAsync(file, text, cancellationToken);
                logger.LogWarning("Created the first admin account {UserName}; its credentials were written to {File} (read it, then delete it)",
                    credentials.Name, file);
            }
            else
            {
                Console.WriteLine(text);
                logger.LogWarning("Created the first admin account {UserName}; its credentials were printed to the console once", credentials.Name);
            }
            foreach (var demo in await DemoData.DemoAccounts.CreateAsync(configuration, users, cancellationToken))
                UsersCommand.Print(demo, "Demo data is on: a demo account was created beside the admin.");
        }
        catch (JasperFx.DocumentAlreadyExistsException)
        {
            // Another node created it at the same moment; it printed the credentials.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A new file readable and writable by this process's user only (an old one is replaced, not reused with its mode).</summary>
    public static async Task WriteOwnerOnlyAsync(string path, string text, CancellationToken ct)
    {
        File.Delete(path);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using var stream = new FileStream(path, options);
        await using var writer = new StreamWriter(stream);
        await writer.WriteAsync(text.AsMemory(), ct);
    }
}
