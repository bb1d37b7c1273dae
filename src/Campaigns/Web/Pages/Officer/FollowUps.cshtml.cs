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
    IQuerySession query, OutboxedSessionFactory sessions, IMessageBus bus, IOptions<FollowUpPolicyOptions> options, TimeProvider clock) : FormPage
{
    public MyFollowUps Mine { get; private set; } = null!;

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

    private async Task LoadAsync(CancellationToken ct)
    {
        var me = ActingUser;
        Mine = FollowUpQueries.Group(me, await FollowUpQueries.OpenForAsync(query, me, ct), options.Value.Today(clock));
    }
}
