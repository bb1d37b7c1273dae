namespace Campaigns.DemoData;

/// <summary>
/// With <c>Campaigns:SeedDemoDataWhenEmpty</c> on (Development), loads the demo set at start-up into an empty store.
/// A failure is logged and the app starts without demo data: it is a convenience, not a dependency.
/// </summary>
public sealed class DemoDataOnStartup(
    IConfiguration configuration, DemoDataSeeder seeder, IServiceScopeFactory scopes, ILoggerFactory loggers) : IHostedService
{
    public const string Setting = "Campaigns:SeedDemoDataWhenEmpty";

    private readonly ILogger _logger = loggers.CreateLogger<DemoDataOnStartup>();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue<bool>(Setting)) return;
        try
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var result = await seeder.SeedAsync(cancellationToken);
            var seconds = watch.Elapsed.TotalSeconds;
            if (result.AlreadyPresent)
                _logger.LogInformation("Demo data already present; nothing seeded");
            else if (result.RefusedNotEmpty)
                _logger.LogWarning("The store already holds data; demo data is only loaded into an empty store");
            else
            {
                _logger.LogInformation(
                    "Demo data seeded in {Seconds:0.0} s: {Themes} themes, {Contacts} contacts, {Campaigns} campaigns, {Demands} demands, {Interactions} interactions, {Events} events",
                    seconds, result.Themes, result.Contacts, result.Campaigns, result.Demands, result.Interactions, result.Events);
                // The bus is scoped: a hosted service takes it from a scope of its own.
                using var scope = scopes.CreateScope();
                var reminders = await seeder.ScheduleRemindersAsync(scope.ServiceProvider.GetRequiredService<IMessageBus>(), cancellationToken);
                _logger.LogInformation("Reminders scheduled for the demo's {Count} open follow-ups due today or later", reminders);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.LogError(e, "Demo data could not be seeded; the app starts without it");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
