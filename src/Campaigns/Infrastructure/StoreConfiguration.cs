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

        options.Connection(connectionString);
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

        options.Schema.For<IdempotencyRecord>().Identity(r => r.Id);
        options.AddAccounts();
        options.AddPersonalDataMasking();

        // Inline snapshots commit with their events: a read straight after a write sees it, and validation can trust them.
        options.Projections.Snapshot<Theme>(SnapshotLifecycle.Inline);
        options.Projections.Snapshot<Contact>(SnapshotLifecycle.Inline);
        options.Projections.Snapshot<Campaign>(SnapshotLifecycle.Inline);
        options.Projections.Snapshot<Demand>(SnapshotLifecycle.Inline);
        options.Projections.Snapshot<Interaction>(SnapshotLifecycle.Inline);
        options.Projections.Snapshot<FollowUp>(SnapshotLifecycle.Inline);
        options.Schema.For<FollowUp>().Duplicate(f => f.Assignee).Duplicate(f => f.DueOn).Duplicate(f => f.CampaignId);
        options.Projections.Add<TimelineProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<TimelineEntry>()
            .Duplicate(e => e.HappenedOn).Duplicate(e => e.RecordedAt).Duplicate(e => e.CampaignId)
            .GinIndexJsonData();
        options.Schema.For<Contact>().Duplicate(c => c.Name).Duplicate(c => c.Kind);
        options.Schema.For<Demand>().Duplicate(d => d.CampaignId);
    }
}
