using System.Text.Json.Nodes;
using Campaigns.Demands;
using Campaigns.Interactions;
using Campaigns.Timelines;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Campaigns.Infrastructure.OpenApi;

/// <summary>
/// Descriptions and examples for the request and response schemas, keyed by type, shaped like the first user's own
/// material: the formation letter of Metaalunie and MKB-Nederland, a meeting with a Kamerlid, an adoption in the
/// coalition agreement.
/// </summary>
public static class SchemaExamples
{
    private static readonly Dictionary<Type, (string Description, Func<JsonNode> Example)> ByType = new()
    {
        [typeof(SendLetter)] = ("A letter sent to contacts, e.g. to the informateurs during a cabinet formation.", () => new JsonObject
        {
            ["campaignId"] = "0b7f2a52-3c1e-4d8a-9f6b-2d1c5e7a9b10",
            ["contactIds"] = new JsonArray("5a3c9e1f-7b2d-4c6e-8a0f-1e2d3c4b5a69"),
            ["themes"] = new JsonArray("netcongestie"),
            ["subject"] = "Brief aan de informateurs: inbreng mkb-maakindustrie voor de formatie",
            ["summary"] = "Metaalunie en MKB-Nederland vragen de informateurs om netcongestie en vakmanschap in het coalitieakkoord op te nemen.",
            ["sentOn"] = "2025-11-12",
            ["documentRef"] = "https://www.metaalunie.nl/brief-informateurs",
            ["ourSide"] = new JsonArray("directeur public affairs"),
        }),
        [typeof(LogMeeting)] = ("A meeting held with contacts, e.g. a Kamerlid or a ministry official.", () => new JsonObject
        {
            ["campaignId"] = "0b7f2a52-3c1e-4d8a-9f6b-2d1c5e7a9b10",
            ["contactIds"] = new JsonArray("5a3c9e1f-7b2d-4c6e-8a0f-1e2d3c4b5a69"),
            ["themes"] = new JsonArray("netcongestie"),
            ["subject"] = "Gesprek met Kamerlid over netcongestie bij mkb-maakbedrijven",
            ["summary"] = "Voorbeelden gedeeld van leden die niet kunnen uitbreiden door wachtrijen bij de netbeheerder.",
            ["outcome"] = "Kamerlid overweegt schriftelijke vragen aan de minister van Klimaat en Groene Groei.",
            ["heldOn"] = "2025-11-20",
            ["location"] = "Tweede Kamer, Den Haag",
            ["ourSide"] = new JsonArray("beleidsadviseur energie"),
        }),
        [typeof(AdoptDemand)] = ("Records that a demand was adopted, and where: in the coalition agreement, a motion, a budget, a law or a policy.", () => new JsonObject
        {
            ["venue"] = "coalition-agreement",
            ["reference"] = "Coalitieakkoord, hoofdstuk Economie: netcongestie",
            ["partial"] = false,
            ["occurredOn"] = "2026-01-15",
            ["note"] = "Voorrang voor mkb-maakbedrijven bij netaansluitingen staat letterlijk in het akkoord.",
            ["creditedInteractionIds"] = new JsonArray("9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f"),
            ["creditedContactIds"] = new JsonArray("5a3c9e1f-7b2d-4c6e-8a0f-1e2d3c4b5a69"),
        }),
        [typeof(TimelineEntry)] = ("One line on a timeline: a contact moment with its corrections folded in, or a lifecycle fact of a demand, contact or campaign.", () => new JsonObject
        {
            ["id"] = "9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f",
            ["eventType"] = "meeting-held",
            ["actingUser"] = "officer",
            ["interactionId"] = "9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f",
            ["happenedOn"] = "2025-11-20",
            ["summary"] = "Gesprek met Kamerlid over netcongestie bij mkb-maakbedrijven",
            ["themes"] = new JsonArray("netcongestie"),
            ["retracted"] = false,
        }),
        [typeof(TimelinePage)] = ("A page of timeline entries, newest first; `next` is the cursor for the following page, null on the last.", () => new JsonObject
        {
            ["items"] = new JsonArray(new JsonObject
            {
                ["eventType"] = "meeting-held",
                ["happenedOn"] = "2025-11-20",
                ["summary"] = "Gesprek met Kamerlid over netcongestie bij mkb-maakbedrijven",
                ["themes"] = new JsonArray("netcongestie"),
            }),
            ["next"] = null,
        }),
        [typeof(Microsoft.AspNetCore.Mvc.ProblemDetails)] = ("An error answer (RFC 9457). For a 400, `errors` names each field and what is expected.", () => new JsonObject
        {
            ["type"] = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
            ["title"] = "One or more validation errors occurred.",
            ["status"] = 400,
            ["errors"] = new JsonObject { ["heldOn"] = new JsonArray("Vul een datum in, niet in de toekomst.") },
        }),
    };

    public static Task Apply(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken _)
    {
        if (context.JsonPropertyInfo is null && ByType.TryGetValue(context.JsonTypeInfo.Type, out var known))
        {
            schema.Description ??= known.Description;
            schema.Example ??= known.Example();
        }
        return Task.CompletedTask;
    }
}
