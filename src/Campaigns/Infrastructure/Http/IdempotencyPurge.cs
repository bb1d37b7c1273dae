using Marten;
using Microsoft.Extensions.Options;

namespace Campaigns.Infrastructure.Http;

/// <summary><c>Campaigns:Idempotency</c>: how long stored answers are kept, and how often the expired ones are deleted.</summary>
public sealed class IdempotencyOptions
{
    public const string Section = "Campaigns:Idempotency";

    /// <summary>A retry with the same key within this many hours gets the first answer; later it counts as a new request.</summary>
    public double RetentionHours { get; set; } = 24;

    public double PurgeIntervalMinutes { get; set; } = 60;

    public TimeSpan Retention => TimeSpan.FromHours(RetentionHours);
}

/// <summary>
/// Deletes stored answers older than the retention, at start-up and then on a timer. Every node may run it: the
/// delete is one statement, and running it twice deletes nothing more.
/// </summary>
public sealed class IdempotencyPurge(IDocumentStore store, IOptions<IdempotencyOptions> options, TimeProvider clock,
    ILogger<IdempotencyPurge> logger) : BackgroundService
{
    public async Task PurgeExpiredAsync(CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow() - options.Value.Retention;
        await using var session = store.LightweightSession();
        session.DeleteWhere<IdempotencyRecord>(r => r.RecordedAt < cutoff);
        await session.SaveChangesAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, options.Value.PurgeIntervalMinutes)), clock);
        do
        {
            try
            {
                await PurgeExpiredAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not purge expired idempotency records; trying again at the next interval");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
