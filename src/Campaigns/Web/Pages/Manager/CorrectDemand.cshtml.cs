using Campaigns.Demands;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Campaigns.Web.Pages.Manager;

/// <summary>Fix a demand's wording: the CorrectDemand command, sent through the bus as the API sends it.</summary>
public sealed class CorrectDemandModel(IQuerySession session, IMessageBus bus) : FormPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    /// <summary>The demand's stream version when the form was shown.</summary>
    [BindProperty] public long Version { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Target { get; set; }
    [BindProperty] public string? Source { get; set; }
    [BindProperty] public string? Reason { get; set; }

    [BindNever] public Demand Demand { get; private set; } = null!;

    protected override IReadOnlyDictionary<string, string> FieldLabels { get; } = new Dictionary<string, string>
    {
        [nameof(Text)] = "Wens", [nameof(Code)] = "Code", [nameof(Target)] = "Meetbaar doel", [nameof(Source)] = "Brondocument",
        [nameof(Reason)] = "Waarom", ["Changes"] = "Wijzigingen"
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        (Text, Code, Target, Source) = (Demand.Text, Demand.Code, Demand.Target, Demand.Source);
        Version = (await session.Events.FetchStreamStateAsync(Id, ct))?.Version ?? 0;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ClearBindingErrors();
        if (!await LoadAsync(ct)) return NotFound();
        var command = new CorrectDemand(Text ?? "", Code ?? "", Target ?? "", Source ?? "", Reason ?? "") { DemandId = Id, ExpectedVersion = ReadAt(Version) };
        if (await SendAsync(bus, command, ct) is null) return Page();
        var code = Check.Blank(Code);
        Flash($"Aangepast: {(code is null ? "de wens" : $"wens {code}")}. De aanpassing staat op de tijdlijn van de wens.");
        return Redirect($"/wensen/{Id}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await session.LoadAsync<Demand>(Id, ct) is not { } demand) return false;
        Demand = demand;
        return true;
    }
}
