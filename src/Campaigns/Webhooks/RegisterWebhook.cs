using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Campaigns.Accounts;
using Campaigns.Infrastructure.Commands;
using Campaigns.Infrastructure.Validation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Campaigns.Webhooks;

public record RegisterWebhook(string Url, IReadOnlyList<string>? Kinds, string? Description);

/// <summary>The answer to a registration: the secret, shown this once.</summary>
public record RegisteredWebhook(Guid Id, string Secret) : IShownOnce;

public static class RegisterWebhookHandler
{
    public static async Task<ProblemDetails> ValidateAsync(RegisterWebhook command, IOptions<WebhookOptions> options,
        IHostEnvironment environment, CancellationToken ct)
    {
        var check = new Check()
            .Required("url", command.Url, 2000)
            .NotEmpty("kinds", command.Kinds)
            .MaxLength("description", command.Description, Check.ShortText);
        foreach (var kind in command.Kinds ?? [])
            check.That(WebhookKinds.All.Contains(kind), "kinds", $"Onbekende soort '{kind}'. Kies uit: {string.Join(", ", WebhookKinds.All)}.");
        if (!check.IsValid) return check.ToProblem();

        if (!Uri.TryCreate(command.Url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            return check.Add("url", "Geef een volledige https-URL.").ToProblem();
        if (uri.Scheme != "https" && !environment.IsDevelopment() && !options.Value.AllowHttp)
            return check.Add("url", "Alleen https-URL's zijn toegestaan.").ToProblem();
        if (!options.Value.AllowPrivateAddresses && await IsPrivateAsync(uri, ct))
            return check.Add("url", "Dit adres is privé of lokaal; dat is niet toegestaan.").ToProblem();
        return check.ToProblem();
    }

    public static (CommandResult, IStartStream) Handle(RegisterWebhook command)
    {
        var id = Guid.CreateVersion7();
        var secret = "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var registered = new WebhookRegistered(id, command.Url.Trim(), command.Kinds!.Distinct().ToList(), command.Description?.Trim(), secret);
        return (CommandResult.Started(id, $"/api/webhooks/{id}", new RegisteredWebhook(id, secret)),
            MartenOps.StartStream<Webhook>(id, registered));
    }

    /// <summary>Loopback, private, link-local or unresolvable hosts: a webhook must not reach into the server's own network.</summary>
    public static async Task<bool> IsPrivateAsync(Uri uri, CancellationToken ct)
    {
        if (uri.IsLoopback) return true;
        IPAddress[] addresses;
        try
        {
            addresses = await AddressesAsync(uri.IdnHost, ct);
        }
        catch (SocketException)
        {
            return true;
        }
        return addresses.Length == 0 || addresses.Any(IsPrivate);
    }

    /// <summary>The addresses a host name stands for; an address literal (also in brackets) stands for itself.</summary>
    public static async Task<IPAddress[]> AddressesAsync(string host, CancellationToken ct) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);

    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)) return true;
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal;
        var b = address.GetAddressBytes();
        return b[0] == 10 || b[0] == 127 || b[0] == 0 || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168)
               || (b[0] == 169 && b[1] == 254) || (b[0] == 100 && b[1] >= 64 && b[1] <= 127);
    }
}

public static class RegisterWebhookEndpoint
{
    [WolverinePost("/api/webhooks", OperationId = "RegisterWebhook"), Tags("Webhooks"), Authorize(Policy = Policies.Admin)]
    [EndpointSummary("Register a webhook receiver")]
    [EndpointDescription("Records a webhook subscription for the given event kinds and answers its signing secret, once.")]
    public static Task<IResult> Post(RegisterWebhook command, HttpContext http, IMessageBus bus, CancellationToken ct) =>
        bus.AnswerAsync(command, http.User, ct);
}

/// <summary>The webhook comes from the route.</summary>
public record DisableWebhook
{
    public Guid WebhookId { get; init; }
}

public static class DisableWebhookHandler
{
    public static ProblemDetails Validate(DisableWebhook command, IEventStream<Webhook> stream)
    {
        if (stream.Aggregate is not { } webhook) return Problems.NotFound("Deze webhook bestaat niet.");
        return webhook.Active ? Wolverine.Http.WolverineContinue.NoProblems : Problems.Conflict("Deze webhook is al uitgeschakeld.");
    }

    public static (CommandResult, Events) Handle(DisableWebhook command, [WriteAggregate] IEventStream<Webhook> stream) =>
        (CommandResult.Changed(command.WebhookId), [new WebhookDisabled(command.WebhookId)]);
}

public static class DisableWebhookEndpoint
{
    [WolverinePost("/api/webhooks/{id}/disable", OperationId = "DisableWebhook"), Tags("Webhooks"), Authorize(Policy = Policies.Admin)]
    [EndpointSummary("Disable a webhook")]
    [EndpointDescription("Records that the webhook receives no further deliveries.")]
    public static Task<IResult> Post(Guid id, HttpContext http, IMessageBus bus, CancellationToken ct) =>
        bus.AnswerAsync(new DisableWebhook { WebhookId = id }, http.User, ct);
}

public static class WebhookQueries
{
    [WolverineGet("/api/webhooks", OperationId = "ListWebhooks"), Tags("Webhooks"), Authorize(Policy = Policies.Admin)]
    [EndpointSummary("List webhooks")]
    [EndpointDescription("Returns every registered webhook, without secrets.")]
    public static async Task<IReadOnlyList<WebhookView>> List(IQuerySession session, CancellationToken ct) =>
        (await session.Query<Webhook>().OrderBy(w => w.RegisteredAt).ToListAsync(ct)).Select(w => w.ToView()).ToList();

    [WolverineGet("/api/webhooks/deliveries", OperationId = "ListWebhookDeliveries"), Tags("Webhooks"), Authorize(Policy = Policies.Admin)]
    [EndpointSummary("List recent webhook deliveries")]
    [EndpointDescription("Returns the latest deliveries with their outcome, failed ones first.")]
    public static Task<IReadOnlyList<WebhookDelivery>> Deliveries(IQuerySession session, CancellationToken ct) =>
        session.Query<WebhookDelivery>().OrderByDescending(d => d.CreatedAt).Take(200).ToListAsync(ct);
}
