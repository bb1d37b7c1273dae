using Campaigns.FollowUps;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Campaigns.Web.Pages.Officer;

/// <summary>"Mijn follow-ups": overdue, today, this week, later; complete one with one click (CompleteFollowUp).</summary>
public sealed class FollowUpsModel(
    IQuerySession query, IDocumentStore store, IMessageBus bus, IOptions<FollowUpPolicyOptions> options, TimeProvider clock) : FormPage
{
    public MyFollowUps Mine { get; private set; } = null!;

    /// <summary>When the current calendar link was made; null when there is none.</summary>
    public DateTimeOffset? FeedSince { get; private set; }

    /// <summary>The calendar link with its secret: only on the answer that made it, since only its hash is stored.</summary>
    public string? FeedUrl { get; private set; }

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

    /// <summary>"Nieuwe link maken": a new calendar secret; the old link stops working.</summary>
    public async Task<IActionResult> OnPostFeedAsync(CancellationToken ct)
    {
        var (secret, _) = await CalendarFeed.RenewAsync(store, ActingUser, clock, ct);
        FeedUrl = $"{Request.Scheme}://{Request.Host}{CalendarFeed.Path(ActingUser)}?token={secret}";
        // No-store: the answer holds the secret.
        Response.Headers.CacheControl = "no-store";
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        FeedSince = (await CalendarFeed.CurrentAsync(query, ActingUser, ct))?.CreatedAt;
        var me = ActingUser;
        Mine = FollowUpQueries.Group(me, await FollowUpQueries.OpenForAsync(query, me, ct), options.Value.Today(clock));
    }
}
