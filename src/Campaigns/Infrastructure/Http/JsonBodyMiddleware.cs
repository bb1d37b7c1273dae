using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Campaigns.Infrastructure.Validation;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Campaigns.Infrastructure.Http;

/// <summary>
/// The request body of a POST to a route that takes JSON (its <see cref="IAcceptsMetadata"/>), checked before the
/// endpoint reads it, so that a client learns in Dutch which field to fix:
/// <list type="bullet">
/// <item>a Content-Type that is not JSON is a 415 (routing would answer 404, see <see cref="RestoreContentType"/>);</item>
/// <item>the literal <c>null</c> bound a null command, which no Validate step expects (it answered 500): a 400 naming the body;</item>
/// <item>a value the reader cannot convert (a date "gisteren", a venue "motie", a string for a list): Wolverine answered an
/// English "Invalid JSON format" with .NET type names and logged it as an error; now a 400 naming the JSON field.</item>
/// </list>
/// The body is buffered and rewound, so the endpoint reads it again; it is at most 1 MB. A body over the limit throws
/// Kestrel's 413, answered by <see cref="BadRequestExceptions"/>.
/// </summary>
public sealed class JsonBodyMiddleware(RequestDelegate next, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
{
    private const string OriginalContentType = "campaigns.original-content-type";

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var original = RestoreContentType(context);
        if (!HttpMethods.IsPost(request.Method) || JsonRequestType(context) is not { } type)
        {
            await next(context);
            return;
        }

        if (original is not null)
        {
            await Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Ongeldig Content-Type",
                detail: $"Deze route neemt JSON aan (Content-Type: application/json), geen {original}.").ExecuteAsync(context);
            return;
        }
        // No Content-Type at all is read as JSON, as Wolverine does.
        if (!string.IsNullOrEmpty(request.ContentType) && !request.HasJsonContentType())
        {
            await next(context);
            return;
        }

        request.EnableBuffering();
        if (await StartsWithNull(request))
        {
            await Results.Problem(new Check().Add("body", "Verwacht een JSON-object.").ToProblem()).ExecuteAsync(context);
            return;
        }
        if (await UnreadableValue(request, type) is { } problem)
        {
            await Results.Problem(problem.ToProblem()).ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    /// <summary>
    /// Routing matches a POST on its Content-Type, and a route that takes only JSON did not match <c>text/plain</c> at
    /// all: the client got 404 for a route that exists. So an API POST with another Content-Type is routed as JSON
    /// (<see cref="RouteAsJson"/>, before routing) and gets its own type back here, after routing; a route that takes
    /// JSON then answers 415, any other (an upload) reads the body as sent.
    /// </summary>
    private static string? RestoreContentType(HttpContext context)
    {
        if (context.Items[OriginalContentType] is not string original) return null;
        context.Request.ContentType = original;
        return original;
    }

    /// <summary>Before routing: see <see cref="RestoreContentType"/>.</summary>
    public static Task RouteAsJson(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments("/api")
            && !string.IsNullOrEmpty(request.ContentType) && !request.HasJsonContentType() && !request.HasFormContentType)
        {
            context.Items[OriginalContentType] = request.ContentType;
            request.ContentType = "application/json";
        }
        return next(context);
    }

    /// <summary>The command type of a route whose body is JSON only; null for other routes (forms, uploads, no body).</summary>
    private static Type? JsonRequestType(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>() is { RequestType: { } type } accepts
        && accepts.ContentTypes.Count > 0 && accepts.ContentTypes.All(c => c.Contains("json", StringComparison.OrdinalIgnoreCase))
            ? type
            : null;

    /// <summary>Only the first non-blank byte is read: a JSON document that starts with <c>n</c> is <c>null</c> or not JSON.</summary>
    private static async Task<bool> StartsWithNull(HttpRequest request)
    {
        var buffer = new byte[256];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0)
            {
                foreach (var b in buffer.AsSpan(0, read))
                {
                    // Blanks, and a UTF-8 byte-order mark, which the JSON reader skips too.
                    if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF) continue;
                    return b == (byte)'n';
                }
            }
            return false;
        }
        finally
        {
            request.Body.Position = 0;
        }
    }

    /// <summary>Reads the body as the endpoint will, with the same options; a value it cannot convert is named by its JSON path.</summary>
    private async Task<Check?> UnreadableValue(HttpRequest request, Type type)
    {
        try
        {
            await JsonSerializer.DeserializeAsync(request.Body, type, json.Value.SerializerOptions, request.HttpContext.RequestAborted);
            return null;
        }
        catch (JsonException e)
        {
            var field = e.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "body";
            // The reader's own failures (not JSON at all, a missing quote) come wrapped; the converters' come bare or with
            // no reader failure inside.
            var notJson = e.InnerException?.GetType().Name == "JsonReaderException" || e.GetType().Name == "JsonReaderException";
            var message = notJson
                ? $"Geen geldige JSON (regel {e.LineNumber + 1}, positie {e.BytePositionInLine + 1})."
                : MessageFor(TypeAt(type, field));
            return new Check().Add(field, message);
        }
        finally
        {
            request.Body.Position = 0;
        }
    }

    private string MessageFor(Type? type)
    {
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        if (type is null) return "Geen geldige waarde.";
        if (type.IsEnum)
        {
            var naming = json.Value.SerializerOptions.Converters.OfType<JsonStringEnumConverter>().Any() ? JsonNamingPolicy.KebabCaseLower : null;
            return "Kies uit: " + string.Join(", ", Enum.GetNames(type).Select(n => naming?.ConvertName(n) ?? n)) + ".";
        }
        if (type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset)) return "Geen geldige datum (jjjj-mm-dd).";
        if (type == typeof(Guid)) return "Geen geldig id.";
        if (type == typeof(int) || type == typeof(long) || type == typeof(decimal) || type == typeof(double)) return "Vul een getal in.";
        if (type == typeof(bool)) return "Kies true of false.";
        return "Geen geldige waarde.";
    }

    /// <summary>The .NET type at a JSON path such as <c>contactIds[1]</c> or <c>changes.heldOn</c>; null when it cannot be followed.</summary>
    private static Type? TypeAt(Type root, string path)
    {
        Type? current = root;
        foreach (var part in path.Replace("[", ".[").Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            if (current is null) return null;
            current = Nullable.GetUnderlyingType(current) ?? current;
            if (part.StartsWith('['))
            {
                current = current.IsArray ? current.GetElementType()
                    : current.GetInterfaces().Append(current).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
                        ?.GetGenericArguments()[0];
                continue;
            }
            current = current.GetProperties(BindingFlags.Public | BindingFlags.Instance).FirstOrDefault(p =>
                string.Equals(p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? p.Name, part, StringComparison.OrdinalIgnoreCase))?.PropertyType;
        }
        return current == root ? null : current;
    }
}
