namespace Campaigns.Accounts;

/// <summary>
/// On an empty store, creates the first admin and prints its one-time password and API token once, to the console
/// (stdout, not the log). There is no default password anywhere: whoever starts the app first sees the credentials.
/// Off with <c>Campaigns:CreateFirstAdmin=false</c>; then use <c>dotnet run -- users add --name … --role admin</c>.
/// </summary>
public sealed class FirstAdminOnStartup(IConfiguration configuration, UserDirectory users, ILogger<FirstAdminOnStartup> logger) : IHostedService
{
    public const string Setting = "Campaigns:CreateFirstAdmin";
    public const string NameSetting = "Campaigns:FirstAdminName";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue(Setting, true)) return;
        if (await users.AnyUsersAsync(cancellationToken)) return;

        var name = configuration[NameSetting] is { Length: > 0 } configured ? configured : "admin";
        try
        {
            var credentials = await users.AddAsync(name, Roles.Admin, "first start-up", cancellationToken);
            UsersCommand.Print(credentials, "First start on an empty store: an admin account was created.");
            logger.LogWarning("Created the first admin account {UserName}; its credentials were printed to the console once", credentials.Name);
            foreach (var demo in await DemoData.DemoAccounts.CreateAsync(configuration, users, cancellationToken))
                UsersCommand.Print(demo, "Demo data is on: a demo account was created beside the admin.");
        }
        catch (JasperFx.DocumentAlreadyExistsException)
        {
            // Another node created it at the same moment; it printed the credentials.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
