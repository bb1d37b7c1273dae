using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Campaigns.Infrastructure.OpenApi;

/// <summary>
/// The API reference: <c>/openapi/v1.json</c> and Scalar at <c>/scalar/v1</c>. Each endpoint names itself
/// (<c>OperationId</c> on its Wolverine attribute, <c>[EndpointSummary]</c>, <c>[EndpointDescription]</c>); the rules
/// here add what follows from the route and policy: the bearer scheme and the ProblemDetails error answers.
/// </summary>
public static class CampaignsOpenApi
{
    public const string BearerScheme = "bearer";
    private const string ProblemJson = "application/problem+json";

    public static IServiceCollection AddCampaignsOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Campaigns API";
                document.Info.Description =
                    "Record contact moments with politicians and officials, follow demands through to adoption and read timelines per theme, contact, campaign or demand. " +
                    "Every call under /api needs a bearer token (`Authorization: Bearer cmp_…`), issued by an admin under /beheer.";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "opaque (cmp_…)",
                    Description = "A personal API token issued by an admin (POST /api/users/{name}/tokens). Send it as `Authorization: Bearer cmp_…`.",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer(ErrorAnswersAndSecurity);
            options.AddSchemaTransformer(SchemaExamples.Apply);
        });

    public static void MapCampaignsOpenApi(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference(options => options
                .WithTitle("Campaigns API")
                .AddPreferredSecuritySchemes(BearerScheme)
                .AddHttpAuthentication(BearerScheme, auth => auth.Token = ""))
            .AllowAnonymous();
    }

    private static async Task ErrorAnswersAndSecurity(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var description = context.Description;
        var path = "/" + (description.RelativePath ?? "").TrimStart('/');
        if (!path.StartsWith("/api/", StringComparison.Ordinal)) return;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var method = description.HttpMethod?.ToUpperInvariant() ?? "GET";
        var hasRouteId = path.Contains('{');
        var hasInput = description.ParameterDescriptions.Count > 0;
        var isCommand = method is "POST" or "PUT" or "DELETE" or "PATCH";

        operation.Responses ??= new OpenApiResponses();
        await SuccessAnswers(operation, context, ct);
        var document = context.Document!;
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (!document.Components.Schemas.ContainsKey(nameof(ProblemDetails)))
            document.AddComponent(nameof(ProblemDetails), await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, ct));
        var problem = new OpenApiSchemaReference(nameof(ProblemDetails), document);

        void Add(int status, string text)
        {
            var key = status.ToString();
            if (operation.Responses.TryGetValue(key, out var existing) && existing.Content?.ContainsKey(ProblemJson) == true) return;
            operation.Responses[key] = new OpenApiResponse
            {
                Description = text,
                Content = new Dictionary<string, OpenApiMediaType> { [ProblemJson] = new() { Schema = problem } },
            };
        }

        if (hasInput || isCommand) Add(StatusCodes.Status400BadRequest, "The request does not validate: the ProblemDetails names each field and what is expected.");
        if (!anonymous)
        {
            Add(StatusCodes.Status401Unauthorized, "No bearer token, or the token is unknown, expired, revoked or its user disabled.");
            Add(StatusCodes.Status403Forbidden, "The token's user lacks the role this operation needs.");
        }
        if (hasRouteId) Add(StatusCodes.Status404NotFound, "Nothing exists under the id or slug in the route.");
        if (isCommand)
        {
            Add(StatusCodes.Status409Conflict, hasRouteId
                ? "The stream changed since the version sent in If-Match, someone else changed it at the same moment, or a retry with the same Idempotency-Key found the first attempt still running."
                : "Someone else changed it at the same moment, or a retry with the same Idempotency-Key found the first attempt still running.");
            Add(StatusCodes.Status422UnprocessableEntity, "The Idempotency-Key was used before for a different request.");
            AddHeader(operation, "Idempotency-Key", "Optional. A retried POST with the same key gets the first answer back and records nothing more.");
            if (hasRouteId) AddHeader(operation, "If-Match", "Optional. The version from the resource's ETag, e.g. \"3\"; the command is refused with 409 when the stream moved on.");
        }

        if (!anonymous)
        {
            operation.Security ??= new List<OpenApiSecurityRequirement>();
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] });
        }
    }

    /// <summary>Commands answer through <c>HttpCommands.AnswerAsync</c>: 201 with Location and the new id when they start a stream, else 204.</summary>
    private static readonly Dictionary<string, Type> Creating = new()
    {
        ["AddTheme"] = typeof(CreatedAnswer), ["FormulateDemand"] = typeof(CreatedAnswer), ["StartCampaign"] = typeof(CreatedAnswer),
        ["RegisterContact"] = typeof(RegisteredContactAnswer), ["ScheduleFollowUp"] = typeof(CreatedAnswer), ["SendLetter"] = typeof(CreatedAnswer),
        ["LogMeeting"] = typeof(CreatedAnswer), ["LogCall"] = typeof(CreatedAnswer), ["LogEmail"] = typeof(CreatedAnswer), ["LogHearing"] = typeof(CreatedAnswer),
        ["RegisterWebhook"] = typeof(Webhooks.RegisteredWebhook),
    };
    private static readonly HashSet<string> Changing =
        ["RenameTheme", "AdoptDemand", "RecordSupport", "RejectDemand", "WithdrawDemand", "CloseCampaign", "ChangeContactRole", "EndContactRole",
         "CorrectContactRoleHistory", "ChangeContactDetails", "InformDataSubject", "CompleteFollowUp", "CancelFollowUp", "RescheduleFollowUp",
         "CorrectInteraction", "RetractInteraction", "ChangeUserRole", "DisableUser", "RevokeToken",
         "DisableWebhook", "ResendWebhookDelivery"];

    private static async Task SuccessAnswers(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var id = operation.OperationId ?? "";
        if (!Creating.ContainsKey(id) && !Changing.Contains(id)) return;
        operation.Responses!.Remove("200");
        var position = new OpenApiHeader
        {
            Description = "When the command appended an event: its log position; pass it as `waitFor` to a timeline read to see your own write.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64" },
        };
        if (Changing.Contains(id))
        {
            operation.Responses["204"] = new OpenApiResponse
            {
                Description = "Recorded.",
                Headers = new Dictionary<string, IOpenApiHeader> { ["Campaigns-Position"] = position },
            };
            return;
        }
        var document = context.Document!;
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        var answer = Creating[id];
        if (!document.Components.Schemas.ContainsKey(answer.Name))
            document.AddComponent(answer.Name, await context.GetOrCreateSchemaAsync(answer, null, ct));
        operation.Responses["201"] = new OpenApiResponse
        {
            Description = "Recorded; Location says where to read it.",
            Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["Location"] = new OpenApiHeader { Description = "Where the new resource reads.", Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                ["Campaigns-Position"] = position,
            },
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = new OpenApiSchemaReference(answer.Name, document) },
            },
        };
    }

    private static void AddHeader(OpenApiOperation operation, string name, string text)
    {
        operation.Parameters ??= new List<IOpenApiParameter>();
        if (operation.Parameters.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))) return;
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = name, In = ParameterLocation.Header, Required = false, Description = text,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
    }
}

/// <summary>The body of a 201: the id of the stream the command started.</summary>
public sealed record CreatedAnswer(Guid Id);

/// <summary>The body of RegisterContact's 201: the new contact's id and contacts whose name is close (registered either way).</summary>
public sealed record RegisteredContactAnswer(Guid Id, IReadOnlyList<Contacts.PossibleDuplicate> PossibleDuplicates);
