using Campaigns.FollowUps;
using JasperFx;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.Marten.Publishing;

namespace Campaigns.Web.Pages.Officer;

/// <summary>"Mijn follow-ups": overdue, today, this week, later; complete one with one click (CompleteFollowUpEndpoint's rules).</summary>
public sealed class FollowUpsModel(
    IQuerySession query, IDocumentStore store, OutboxedSessionFactory sessions, IMessageBus bus, IOptions<FollowUpPolicyOptions> options, TimeProvider clock) : FormPage
{
    public MyFollowUps Mine { get; private set; } = null!;

    /// <summary>When the current calendar link was made; null when there is none.</summary>
    public DateTimeOffset? FeedSince { get; private set; }

    /// <summary>The calendar link with its secret: only on the answer that made it, since only its hash is stored.</summary>
    public string? FeedUrl { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCompleteAsync(Guid id, CancellationToken ct)
    {
        var command = new CompleteFollowUp(null, null, null);
        await using var session = OpenSession(sessions, bus);
        try
        {
            var stream = await session.Events.FetchForWriting<FollowUp>(id, ct);
            if (stream.Aggregate is null) return NotFound();
            if (!Accept(CompleteFollowUpEndpoint.Validate(command, stream.Aggregate, User)))
            {
                await LoadAsync(ct);
                return Page();
            }
            stream.AppendOne(CompleteFollowUpEndpoint.Post(command, stream.Aggregate, options, clock));
            await session.SaveChangesAsync(ct);
            Flash($"Afgerond: {stream.Aggregate.Description}");
        }
        catch (ConcurrencyException)
        {
            ModelState.AddModelError("", "Deze follow-up veranderde intussen. Bekijk de lijst opnieuw.");
            await LoadAsync(ct);
            return Page();
        }
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
