using Campaigns.Accounts;
using Campaigns.Infrastructure.Commands;
using Campaigns.Infrastructure.Validation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;

namespace Campaigns.Webhooks;

/// <summary>An admin sends a failed delivery again, with the same delivery id, so a receiver that got it after all drops it.</summary>
public record ResendWebhookDelivery
{
    public Guid DeliveryId { get; init; }
}

public static class ResendWebhookDeliveryHandler
{
    public static async Task<ProblemDetails> ValidateAsync(ResendWebhookDelivery command, IQuerySession session, CancellationToken ct)
    {
        if (await session.LoadAsync<WebhookDelivery>(command.DeliveryId, ct) is not { } delivery) return Problems.NotFound("Deze levering bestaat niet.");
        if (delivery.Status == DeliveryStatus.Delivered) return Problems.Conflict("Deze levering is al afgeleverd.");
        if (await session.LoadAsync<Webhook>(delivery.WebhookId, ct) is not { Active: true }) return Problems.Conflict("Deze webhook is uitgeschakeld.");
        return WolverineContinue.NoProblems;
    }

    public static async Task<(CommandResult, OutgoingMessages)> Handle(ResendWebhookDelivery command, IDocumentSession session, CancellationToken ct)
    {
        var delivery = (await session.LoadAsync<WebhookDelivery>(command.DeliveryId, ct))!;
        delivery.Status = DeliveryStatus.Pending;
        session.Store(delivery);
        return (CommandResult.Changed(delivery.Id), [new DeliverWebhook(delivery.Id)]);
    }
}

public static class ResendWebhookDeliveryEndpoint
{
    [WolverinePost("/api/webhooks/deliveries/{id}/resend", OperationId = "ResendWebhookDelivery"), Tags("Webhooks"), Authorize(Policy = Policies.Admin)]
    [EndpointSummary("Resend a webhook delivery")]
    [EndpointDescription("Sends a failed or dead-lettered delivery again, with the same delivery id.")]
    public static Task<IResult> Post(Guid id, HttpContext http, IMessageBus bus, CancellationToken ct) =>
        bus.AnswerAsync(new ResendWebhookDelivery { DeliveryId = id }, http.User, ct);
}
