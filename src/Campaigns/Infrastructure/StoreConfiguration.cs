using Campaigns.Accounts;
using Campaigns.Infrastructure.Http;
using Campaigns.Campaigns;
using Campaigns.Contacts;
using Campaigns.Demands;
using Campaigns.FollowUps;
using Campaigns.Interactions;
using Campaigns.Privacy;
using Campaigns.Themes;
using Campaigns.Timelines;
using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Weasel.Core;

namespace Campaigns.Infrastructure;

public static class StoreConfiguration
{
    public static void ConfigureCampaignsStore(this StoreOptions options, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(CampaignsHost.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException(
                "No connection string 'Campaigns'. Run ops/db, or set ConnectionStrings__Campaigns.");

        options.Connection(WithAutoPrepare(connectionString));
        options.DatabaseSchemaName = configuration["Campaigns:Schema"] ?? "campaigns";
        options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
        // Marten's own naming: LINQ queries translate member names with the same casing the documents are stored in.
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);

        options.Events.StreamIdentity = StreamIdentity.AsGuid;
        // Quick append with server timestamps: recorded-at comes from PostgreSQL, and appends are about twice as fast as Rich.
        options.Events.AppendMode = EventAppendMode.QuickWithServerTimestamps;
        options.Events.MetadataConfig.UserNameEnabled = true;
        options.Events.MetadataConfig.CorrelationIdEnabled = true;
        options.Events.MetadataConfig.CausationIdEnabled = true;
        options.Events.MetadataConfig.HeadersEnabled = true;
        options.Events.EnableEventTypeIndex = true;
        // The daemon looks for new events every 100 ms: each look fetches a page for every subscription, so being woken
        // by every append (LISTEN/NOTIFY, PollMilliseconds=0) fetched four pages per logged contact moment and made a
        // lone officer wait 25 ms instead of 16 (docs/benchmarks.md). Timelines stay within a few hundred ms of a write.
        var pollMilliseconds = configuration.GetValue("Campaigns:Projections:PollMilliseconds", 100);
        options.Events.UseListenNotifyForEventAppends = pollMilliseconds <= 0;
        if (pollMilliseconds > 0)
        {
            options.Projections.FastPollingTime = TimeSpan.FromMilliseconds(pollMilliseconds);
            options.Projections.SlowPollingTime = TimeSpan.FromMilliseconds(pollMilliseconds);
        }

        options.Listeners.Add(new Commands.CommittedPosition());
        options.Schema.For<IdempotencyRecord>().Identity(r => r.Id).Duplicate(r => r.RecordedAt);
        options.AddAccounts();
        options.AddPersonalDataMasking();

        // Inline snapshots commit with their events: a read straight after a write sees it, and validation can trust them.
        // A handler's [WriteAggregate] snapshot is the starting point of its inline update, not loaded a second time at
        // commit; safe because aggregates are immutable records that handlers never change.
        options.Projections.UseIdentityMapForAggregates = true;
        options.Projections.Snapshot<Theme>(SnapshotLifecycle.Inline, ForRebuilds);
        options.Projections.Snapshot<Contact>(SnapshotLifecycle.Inline, ForRebuilds);
        options.Projections.Snapshot<Campaign>(SnapshotLifecycle.Inline, ForRebuilds);
        options.Projections.Snapshot<Demand>(SnapshotLifecycle.Inline, ForDemandRebuilds);
        options.Projections.Snapshot<Interaction>(SnapshotLifecycle.Inline, ForRebuilds);
        options.Projections.Snapshot<FollowUp>(SnapshotLifecycle.Inline, ForRebuilds);
        options.Projections.Snapshot<Parliament.ParliamentItem>(SnapshotLifecycle.Inline, ForRebuilds);
        options.Schema.For<Parliament.ParliamentItem>().Duplicate(i => i.Soort).Duplicate(i => i.On);
        options.Schema.For<FollowUp>().Duplicate(f => f.Assignee).Duplicate(f => f.DueOn).Duplicate(f => f.CampaignId)
            // The policies look up a campaign's open chasers on every logged contact moment, and a corrected moment's
            // open follow-ups: without these, both scan every follow-up the campaign ever had.
            .Index([f => f.CampaignId!, f => f.Kind, f => f.Status])
            .Index([f => f.OriginInteractionId!, f => f.Status]);
        // No GIN index on the entries: timelines page through timeline_keys (TimelineKeys), and a GIN index over every
        // path of every entry was the costliest part of writing one.
        options.AddTimelineKeys();
        options.Schema.For<TimelineEntry>()
            .Duplicate(e => e.HappenedOn).Duplicate(e => e.RecordedAt).Duplicate(e => e.CampaignId);
        options.Schema.For<Contact>().Duplicate(c => c.Name).Duplicate(c => c.Kind);
        options.Schema.For<Demand>().Duplicate(d => d.CampaignId);
    }

    /// <summary>
    /// Npgsql prepares the statements a connection runs repeatedly (Marten's appends and upserts, Wolverine's envelope
    /// writes), so PostgreSQL parses and plans them once per connection instead of on every command: about 25–40% more
    /// commands per second in <c>ops/bench-profile</c>. A connection string that says anything about auto-preparing wins.
    /// Not <c>plan_cache_mode=force_generic_plan</c>: it spared the subscriptions' event pages their planning, but made
    /// search 3–4 times slower (docs/benchmarks.md).
    /// </summary>
    internal static string WithAutoPrepare(string connectionString)
    {
        if (connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase)) return connectionString;
        return new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 100, AutoPrepareMinUsages = 2 }.ConnectionString;
    }

    /// <summary>
    /// Only a rebuild runs these projections through the daemon, all at once. Larger batches mean fewer round trips;
    /// the batch size keeps seven projections' batches within the memory target.
    /// </summary>
    internal static void ForRebuilds(AsyncOptions options) => options.BatchSize = 1_000;

    /// <summary>A demand is mentioned thousands of times: the cache keeps the hot ones in memory instead of reloading them per batch.</summary>
    private static void ForDemandRebuilds(AsyncOptions options)
    {
        ForRebuilds(options);
        options.CacheLimitPerTenant = 2_000;
    }
}
