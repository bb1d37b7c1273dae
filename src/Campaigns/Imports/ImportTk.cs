using Campaigns.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Campaigns.Imports;

/// <summary>
/// <c>POST /api/imports/tk</c> (manager): Kamerleden from the Tweede Kamer's open data. Send the OData JSON files as
/// multipart form files (any field name; .json files or a .zip of them), or one file as the body with
/// <c>Content-Type: application/json</c> (an OData answer with its <c>@odata.context</c>) or <c>application/zip</c>.
/// Answers 200 with the counts, or 400 naming every refused record; a refused import stores nothing.
/// </summary>
public static class ImportTkEndpoint
{
    /// <summary>A zip of all current members is well under 1 MB; the history of every Kamerlid since 1815 is not.</summary>
    public const long MaxUploadBytes = 16 * 1024 * 1024;

    [WolverinePost("/api/imports/tk", OperationId = "ImportTk"), Tags("Imports"), Authorize(Policy = Policies.Manager), EndpointSummary("Import the Tweede Kamer members."), EndpointDescription("Imports or updates Kamerleden and their parties from an uploaded Tweede Kamer export; answers what was added, changed and left alone.")]
    public static async Task<IResult> Post(HttpContext context, TkImporter importer, CancellationToken ct)
    {
        TkDataSet data;
        try
        {
            data = await ReadAsync(context, ct);
        }
        catch (BadHttpRequestException e)
        {
            // Over MaxUploadBytes: the server's own limit where it has one, ReadAllAsync's where it has not (the test server).
            return Results.Problem(new ProblemDetails
            {
                Status = e.StatusCode, Title = "Import geweigerd",
                Detail = $"De upload is groter dan {MaxUploadBytes / 1024 / 1024} MB; er is niets opgeslagen."
            });
        }
        if (data.Files == 0 && data.Problems.Count == 0)
            data.Problems.Add(new TkProblem("upload", "Geen bestanden ontvangen."));
        var outcome = await importer.ImportAsync(data, context.User.Identity!.Name!, ct);
        return outcome.Refused ? Results.Problem(Refusal(outcome.Problems)) : Results.Ok(outcome.Result);
    }

    /// <summary>
    /// 400 with every refused record under <c>problems</c> as <c>{ record, message }</c>: record names such as
    /// "FractieZetelPersoon 2788ce23-…" are kept as they are (the API's dictionary keys would be camel-cased).
    /// </summary>
    public static ProblemDetails Refusal(IReadOnlyList<TkProblem> problems) => new()
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "Import geweigerd",
        Detail = $"De import is geweigerd; er is niets opgeslagen. {problems.Count} probleem/problemen, o.a.: " +
                 string.Join("; ", problems.Take(3)),
        Extensions = { ["problems"] = problems }
    };

    private static async Task<TkDataSet> ReadAsync(HttpContext context, CancellationToken ct)
    {
        var request = context.Request;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = MaxUploadBytes;
        var data = new TkDataSet();
        if (request.HasFormContentType)
        {
            // This route alone takes files larger than the app's 1 MB form limit.
            context.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions { MultipartBodyLengthLimit = MaxUploadBytes, ValueCountLimit = 100 }));
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(ct);
            }
            catch (InvalidDataException e)
            {
                // A multipart body without a boundary, or with broken parts, is the client's mistake.
                data.Problems.Add(new TkProblem("upload", $"Ongeldig formulier ({e.Message})."));
                return data;
            }
            foreach (var file in form.Files)
            {
                await using var stream = file.OpenReadStream();
                data.AddFile(file.FileName, await ReadAllAsync(stream, ct));
            }
            return data;
        }
        var body = await ReadAllAsync(request.Body, ct);
        if (body.Length > 0)
            data.AddFile(request.ContentType?.Contains("zip", StringComparison.OrdinalIgnoreCase) == true ? "upload.zip" : "upload.json", body);
        return data;
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream, CancellationToken ct)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, ct);
        if (copy.Length > MaxUploadBytes) throw new BadHttpRequestException("Upload te groot.", StatusCodes.Status413PayloadTooLarge);
        return copy.ToArray();
    }
}
