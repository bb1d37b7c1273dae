using Campaigns.FollowUps;
using Campaigns.Interactions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Campaigns.Web.Pages.Officer;

/// <summary>One follow-up: complete it with a note, reschedule it with a new date and a reason, or cancel it with a reason.</summary>
public sealed class FollowUpModel(IQuerySession query, IMessageBus bus, TimeProvider clock) : FormPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public string? CompleteNote { get; set; }
    [BindProperty] public DateOnly? NewDueOn { get; set; }
    [BindProperty] public string? RescheduleReason { get; set; }
    [BindProperty] public string? CancelReason { get; set; }
    [BindProperty] public long ExpectedVersion { get; set; }

    [BindNever] public FollowUp FollowUp { get; private set; } = null!;
    [BindNever] public Interaction? Origin { get; private set; }
    [BindNever] public Demands.Demand? Demand { get; private set; }
    [BindNever] public IReadOnlyList<(DateTimeOffset At, string? By, string What)> History { get; private set; } = [];

    protected override IReadOnlyDictionary<string, string> FieldLabels { get; } = new Dictionary<string, string>
    {
        [nameof(CompleteNote)] = "Notitie", [nameof(NewDueOn)] = "Nieuwe datum", [nameof(RescheduleReason)] = "Reden van het verzetten",
        [nameof(CancelReason)] = "Reden van het annuleren"
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        NewDueOn = FollowUp.DueOn;
        return Page();
    }

    public Task<IActionResult> OnPostCompleteAsync(CancellationToken ct) =>
        SendFormAsync(new CompleteFollowUp(null, null, CompleteNote), new() { ["note"] = nameof(CompleteNote) }, f => $"Afgerond: {f.Description}", ct);

    public Task<IActionResult> OnPostRescheduleAsync(CancellationToken ct) =>
        SendFormAsync(new RescheduleFollowUp(NewDueOn, RescheduleReason ?? ""), new() { ["dueOn"] = nameof(NewDueOn), ["reason"] = nameof(RescheduleReason) },
            f => $"Verzet naar {Dutch.DueDate(NewDueOn!.Value, Dutch.Today(clock))}: {f.Description}", ct);

    public Task<IActionResult> OnPostCancelAsync(CancellationToken ct) =>
        SendFormAsync(new CancelFollowUp(CancelReason ?? ""), new() { ["reason"] = nameof(CancelReason) }, f => $"Geannuleerd: {f.Description}", ct);

    private async Task<IActionResult> SendFormAsync<T>(T command, Dictionary<string, string> fields, Func<FollowUp, string> done, CancellationToken ct)
    {
        ClearBindingErrors();
        var expected = ReadAt(ExpectedVersion);
        if (!await LoadAsync(ct)) return NotFound();
        object withIds = command switch
        {
            CompleteFollowUp c => c with { FollowUpId = Id, ExpectedVersion = expected },
            RescheduleFollowUp c => c with { FollowUpId = Id, ExpectedVersion = expected },
            CancelFollowUp c => c with { FollowUpId = Id, ExpectedVersion = expected },
            _ => throw new InvalidOperationException($"No follow-up command {typeof(T).Name}.")
        };
        if (await SendAsync(bus, withIds, ct, fields) is null)
        {
            NewDueOn ??= FollowUp.DueOn;
            return Page();
        }
        Flash(done(FollowUp));
        return Redirect($"/follow-ups/{Id}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await query.LoadAsync<FollowUp>(Id, ct) is not { } followUp) return false;
        FollowUp = followUp;
        Origin = followUp.OriginInteractionId is { } origin ? await query.LoadAsync<Interaction>(origin, ct) : null;
        Demand = followUp.DemandId is { } demand ? await query.LoadAsync<Demands.Demand>(demand, ct) : null;
        var events = await query.Events.FetchStreamAsync(Id, token: ct);
        if (ExpectedVersion == 0) ExpectedVersion = events.Count == 0 ? 0 : events[^1].Version;
        History = events.Select(e => (e.Timestamp, e.UserName, FollowUpText.Event(e.Data))).Where(l => l.Item3 is not null)
            .Select(l => (l.Timestamp, l.UserName, l.Item3!)).Reverse().ToList();
        return true;
    }
}

/// <summary>Dutch words for follow-ups and what happened to them.</summary>
public static class FollowUpText
{
    public static string Status(FollowUp f) => f.Status switch
    {
        FollowUpStatus.Done => $"afgerond{(f.CompletedOn is { } on ? $" op {Dutch.Date(on)}" : "")}",
        FollowUpStatus.Cancelled => "geannuleerd",
        _ => $"open, uiterlijk {Dutch.Date(f.DueOn)}"
    };

    public static string? Event(object data) => data switch
    {
        FollowUpScheduled s => $"Gepland voor {Dutch.Date(s.DueOn)}, voor {s.Assignee}: {s.Description}",
        FollowUpRescheduled r => $"Verzet naar {Dutch.Date(r.DueOn)}{(r.Reason is { } why ? $". Reden: {why}" : "")}",
        FollowUpCompleted c => $"Afgerond op {Dutch.Date(c.CompletedOn)}{(c.Note is { } note ? $": {note}" : "")}",
        FollowUpCancelled c => $"Geannuleerd. Reden: {c.Reason}",
        FollowUpDue => "Herinnering verstuurd",
        FollowUpOverdue => "Te laat gemeld",
        _ => null
    };
}
