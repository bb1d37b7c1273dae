using Campaigns.Imports;
using Microsoft.AspNetCore.Mvc;

namespace Campaigns.Web.Pages.Manager;

/// <summary>Upload the Tweede Kamer's open-data files (JSON or a zip); the same TkImporter as the API and the command.</summary>
[RequestSizeLimit(MaxUploadBytes), RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
public sealed class ImportKamerledenModel(TkImporter importer) : FormPage
{
    public const long MaxUploadBytes = 16 * 1024 * 1024;

    /// <summary>Everyone seated now, with person, seat and fractie, in one answer: what the README's curl fetches.</summary>
    public const string SeatedNowUrl = "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/FractieZetelPersoon"
        + "?$filter=TotEnMet%20eq%20null%20and%20Verwijderd%20eq%20false&$expand=Persoon,FractieZetel($expand=Fractie)";

    [BindProperty] public List<IFormFile> Files { get; set; } = [];

    public TkImportOutcome? Outcome { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var data = new TkDataSet();
        foreach (var file in Files)
        {
            await using var stream = file.OpenReadStream();
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, ct);
            data.AddFile(file.FileName, copy.ToArray());
        }
        if (data.Files == 0 && data.Problems.Count == 0)
        {
            ModelState.AddModelError(nameof(Files), "Kies één of meer bestanden.");
            return Page();
        }
        Outcome = await importer.ImportAsync(data, ActingUser, ct);
        return Page();
    }
}
