using Campaigns.Accounts;
using Campaigns.Infrastructure.Commands;
using Campaigns.Infrastructure.Http;
using Campaigns.Web;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using Marten;
using Marten.Exceptions;
using Campaigns.Infrastructure.OpenApi;
using Serilog;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Middleware;

namespace Campaigns.Infrastructure;

/// <summary>All wiring of the host lives here so that Program.cs stays a table of contents.</summary>
public static class CampaignsHost
{
    public const string ConnectionStringName = "Campaigns";
    public const long MaxRequestBodyBytes = 1024 * 1024;

    public static void AddCampaigns(this WebApplicationBuilder builder)
    {
        builder.Host.UseSerilog((context, services, logger) => logger
            .ReadFrom.Configuration(context.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}"));

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = QueryValueProblems.InDutch);
        // Kestrel's own refusals (a body over the limit: 413) answer their status, not 500 (BadRequestExceptions).
        builder.Services.AddExceptionHandler<BadRequestExceptions>();
        builder.Services.AddCampaignsOpenApi();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        builder.Services.ConfigureHttpJsonOptions(o => JsonDefaults.Apply(o.SerializerOptions));
        builder.AddCampaignsAccounts();

        // Request size limits: JSON commands are small. The Kamerleden upload raises its own limit (ImportTk, ImportKamerleden).
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
        });
        builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o =>
        {
            o.MultipartBodyLengthLimit = MaxRequestBodyBytes;
            // One field may fill the whole body: a page's own rules then refuse a pasted long text in Dutch, text kept.
            o.ValueLengthLimit = (int)MaxRequestBodyBytes;
            o.ValueCountLimit = 100;
        });
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));

        // One node that runs everything itself (tests, a single process): Marten's own daemon in Solo mode. Otherwise
        // Wolverine's leader assigns the timeline subscription to one node and moves it when that node dies.
        var singleNode = builder.Configuration.GetValue<bool>("Campaigns:SingleNode");
        var marten = builder.Services.AddMarten(services =>
            {
                var configuration = services.GetRequiredService<IConfiguration>();
                var options = new StoreOptions();
                options.ConfigureCampaignsStore(configuration);
                return options;
            })
            .UseLightweightSessions()
            .IntegrateWithWolverine(integration => integration.UseWolverineManagedEventSubscriptionDistribution = !singleNode)
            // Timelines are projected off the command path.
            .SubscribeToEvents(new Timelines.TimelineSubscription());
        if (singleNode) marten.AddAsyncDaemon(DaemonMode.Solo);
        builder.Services.AddSingleton<Timelines.TimelineProgress>();

        builder.Host.UseWolverine(opts =>
        {
            opts.ApplicationAssembly = typeof(CampaignsHost).Assembly;
            opts.Policies.AutoApplyTransactions();
            // Cascaded and scheduled messages must survive a crash: local queues are in-memory unless made durable.
            opts.Policies.UseDurableLocalQueues();
            // Mentions of a demand are appended one at a time, so busy demands never race their own mentions.
            opts.LocalQueue(Demands.RaiseDemandHandler.Queue).Sequential();
            opts.PublishMessage<Demands.RaiseDemand>().ToLocalQueue(Demands.RaiseDemandHandler.Queue);
            opts.PublishMessage<Demands.WithdrawDemandMention>().ToLocalQueue(Demands.RaiseDemandHandler.Queue);
            opts.PublishMessage<Demands.RedateDemandMention>().ToLocalQueue(Demands.RaiseDemandHandler.Queue);
            opts.EnableRelayOfUserName = true;
            // How soon a node that died without a goodbye (kill -9, a lost machine) is ejected and its subscriptions move to
            // another: each node writes a health check every few seconds, and one silent for longer than the stale timeout
            // is ejected at the leader's next checks. Wolverine's defaults (10 s, 1 minute) left the timelines still for ~46 s.
            opts.Durability.HealthCheckPollingTime = TimeSpan.FromSeconds(builder.Configuration.GetValue("Campaigns:Cluster:HealthCheckSeconds", 5.0));
            opts.Durability.StaleNodeTimeout = TimeSpan.FromSeconds(builder.Configuration.GetValue("Campaigns:Cluster:StaleNodeSeconds", 20.0));
            // Pages and endpoints invoke the same handlers; a handler's refusal is answered to them as a CommandResult.
            opts.CodeGeneration.AddContinuationStrategy<RefuseInvokedCommands>();
            // A command sent with an Idempotency-Key stores its answer in its own transaction.
            opts.Policies.AddMiddleware(typeof(IdempotentCommands), IdempotentCommands.Applies);

            // Two writers on one stream, or two handlers starting the same stream: retry the whole handler, which then
            // decides on what the winner wrote, so that no accepted change is lost (nor dead-lettered).
            opts.OnException(Commands.CommandBus.IsLostRace, "a lost race on a stream").RetryTimes(8);

#if RELEASE
            // Production start-up loads the code written by `dotnet run -- codegen write`; no Roslyn at run time.
            opts.CodeGeneration.TypeLoadMode = TypeLoadMode.Static;
#else
            opts.UseRuntimeCompilation();
#endif
        });

        builder.Services.AddWolverineHttp();
        builder.Services.AddCampaignsFeatures(builder.Configuration);
        builder.Services.AddCampaignsWeb(builder.Environment);
        FormReadFailuresPassThrough.Register(builder.Services);
    }

    public static void UseCampaigns(this WebApplication app)
    {
        // A POST with a Content-Type its route does not take must reach the route to be told 415 (JsonBodyMiddleware).
        app.Use(JsonBodyMiddleware.RouteAsJson);
        app.UseRouting();
        app.UseSerilogRequestLogging();
        // ProblemDetails only: no stack trace leaves the server outside Development.
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<SecurityHeaders>();
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseCampaignsAccounts();
        app.UseMiddleware<RouteValueRanges>();
        app.UseMiddleware<JsonBodyMiddleware>();
        app.UseMiddleware<IdempotencyMiddleware>();

        app.MapCampaignsOpenApi();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapCampaignsLogin();
        app.MapOrganisationSignIn();
        app.MapCampaignsWeb();

        app.MapWolverineEndpoints(opts =>
        {
            opts.RequireAuthorizeOnAll();
            // A query value that does not parse is a 400 naming it, never a silent default.
            opts.RejectUnparseableQueryValues = true;
        });
    }
}
