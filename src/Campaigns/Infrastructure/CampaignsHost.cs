using Campaigns.Infrastructure.Http;
using Campaigns.Web;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using Marten;
using Marten.Exceptions;
using Scalar.AspNetCore;
using Serilog;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Http;
using Wolverine.Marten;

namespace Campaigns.Infrastructure;

/// <summary>All wiring of the host lives here so that Program.cs stays a table of contents.</summary>
public static class CampaignsHost
{
    public const string ConnectionStringName = "Campaigns";

    public static void AddCampaigns(this WebApplicationBuilder builder)
    {
        builder.Host.UseSerilog((context, services, logger) => logger
            .ReadFrom.Configuration(context.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}"));

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        builder.Services.ConfigureHttpJsonOptions(o => JsonDefaults.Apply(o.SerializerOptions));
        builder.Services.AddCampaignsAuthentication();

        builder.Services.AddMarten(services =>
            {
                var configuration = services.GetRequiredService<IConfiguration>();
                var options = new StoreOptions();
                options.ConfigureCampaignsStore(configuration);
                return options;
            })
            .UseLightweightSessions()
            .AddAsyncDaemon(DaemonMode.HotCold)
            .IntegrateWithWolverine();

        builder.Host.UseWolverine(opts =>
        {
            opts.ApplicationAssembly = typeof(CampaignsHost).Assembly;
            opts.Policies.AutoApplyTransactions();
            // Cascaded and scheduled messages must survive a crash: local queues are in-memory unless made durable.
            opts.Policies.UseDurableLocalQueues();
            opts.EnableRelayOfUserName = true;

            // Two writers on one stream: retry the whole handler so that no accepted change is lost.
            opts.OnException<JasperFx.ConcurrencyException>().RetryTimes(8);

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
    }

    public static void UseCampaigns(this WebApplication app)
    {
        app.UseSerilogRequestLogging();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<IdempotencyMiddleware>();
        app.UseMiddleware<ConcurrencyRetryMiddleware>();

        app.MapOpenApi();
        app.MapScalarApiReference();
        app.MapHealthChecks("/health");
        app.MapCampaignsWeb();

        app.MapWolverineEndpoints(opts =>
        {
            opts.RequireAuthorizeOnAll();
            opts.ConflictProblemDetailsFactory = ConcurrencyRetryMiddleware.ConflictProblem;
        });
    }
}
