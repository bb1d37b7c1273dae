using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Wolverine;
using Wolverine.Marten.Subscriptions;

namespace Campaigns.Search;

/// <summary>
/// Keeps the search index in step with the event log, off the command path, like the timelines: a subscription of
/// Marten's async daemon on one node at a time, writing through the page's own operations so the rows commit with the
/// subscription's progress.
/// </summary>
public sealed class SearchSubscription : BatchSubscription
{
    public const string Name = "search";
    public const string ProgressName = Name + ":All";

    public SearchSubscription() : base(Name)
    {
        foreach (var type in SearchIndex.EventTypes) IncludeType(type);
        Options.BatchSize = 1_000;
    }

    public override async Task ProcessEventsAsync(EventRange page, ISubscriptionController controller,
        IDocumentOperations operations, IMessageBus bus, CancellationToken cancellationToken)
    {
        await SearchIndex.EnsureAsync(operations.DocumentStore, cancellationToken);
        await SearchIndex.ApplyAsync(page.Events, operations, cancellationToken);
    }
}

public static class SearchSetup
{
    public static void AddCampaignsSearch(this IServiceCollection services)
    {
        services.ConfigureMarten(options => options.AddSearchIndex());
        services.SubscribeToEvents(new SearchSubscription());
        services.AddHostedService<SearchIndexOnStartup>();
    }
}

/// <summary>The index table exists before the first search, also on a store that has no events yet.</summary>
public sealed class SearchIndexOnStartup(IDocumentStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => SearchIndex.EnsureAsync(store, cancellationToken).AsTask();
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
