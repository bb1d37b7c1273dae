using Campaigns.FollowUps;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Campaigns.Web.Pages.Officer;

/// <summary>"Mijn follow-ups": overdue, today, this week, later; complete one with one click (CompleteFollowUp).</summary>
public sealed class FollowUpsModel(IQuerySession query, IMessageBus bus, IOptions<FollowUpPolicyOptions> options, TimeProvider clock) : FormPage
{
    public MyFollowUps Mine { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCompleteAsync(Guid id, CancellationToken ct)
    {
        if (await query.LoadAsync<FollowUp>(id, ct) is not { } followUp) return NotFound();
        if (await SendAsync(bus, new CompleteFollowUp(null, null, null) { FollowUpId = id }, ct) is null)
        {
            await LoadAsync(ct);
            return Page();
        }
        Flash($"Afgerond: {followUp.Description}");
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var me = ActingUser;
        Mine = FollowUpQueries.Group(me, await FollowUpQueries.OpenForAsync(query, me, ct), options.Value.Today(clock));
    }
}
