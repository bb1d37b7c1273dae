using Campaigns.Infrastructure;
using JasperFx;

var builder = WebApplication.CreateBuilder(args);
builder.AddCampaigns();

var app = builder.Build();
app.UseCampaigns();

// A rebuild refuses while an app serves the same store (StoreInUse).
if (!await StoreInUse.MayRebuildAsync(app.Configuration, args)) return 1;

// JasperFx commands: `run` (default), `codegen write`, `projections --rebuild`, `db-apply`, plus our own (`seed`).
return await app.RunJasperFxCommands(args);

public partial class Program;
