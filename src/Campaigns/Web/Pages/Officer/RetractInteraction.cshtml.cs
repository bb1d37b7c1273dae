using Campaigns.Interactions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Campaigns.Web.Pages.Officer;

/// <summary>"Intrekken": a contact moment that should not have been logged is retracted, with its reason (RetractInteraction).</summary>
[BindProperties]
public sealed class RetractInteractionModel(IQuerySession query, IMessageBus bus) : FormPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public string? Reason { get; set; }
    public long ExpectedVersion { get; set; }

    [BindNever] public Interaction Interaction { get; private set; } = null!;

    protected override IReadOnlyDictionary<string, string> FieldLabels { get; } = new Dictionary<string, string> { [nameof(Reason)] = "Reden" };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ClearBindingErrors();
        var expected = ReadAt(ExpectedVersion);
        if (!await LoadAsync(ct)) return NotFound();
        if (await SendAsync(bus, new RetractInteraction(Reason ?? "") { InteractionId = Id, ExpectedVersion = expected }, ct) is null) return Page();
        Flash($"Ingetrokken: {Dutch.Interaction(Interaction.Kind)} {Interaction.Subject}");
        return Redirect($"/contactmomenten/{Id}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await query.LoadAsync<Interaction>(Id, ct) is not { } interaction) return false;
        Interaction = interaction;
        if (ExpectedVersion == 0) ExpectedVersion = (await query.Events.FetchStreamStateAsync(Id, ct))?.Version ?? 0;
        return true;
    }
}
