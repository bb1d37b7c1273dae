// Namespaces nearly every slice uses: the store, the bus, HTTP endpoints and the house validation.
global using Campaigns.Accounts;
global using Campaigns.Infrastructure.Commands;
global using Campaigns.Infrastructure.Validation;
global using Marten;
global using JasperFx.Events;
global using Microsoft.AspNetCore.Authorization;
global using Microsoft.AspNetCore.Mvc;
global using Wolverine;
global using Wolverine.Http;
global using Wolverine.Marten;
