using System.Security.Claims;
using Campaigns.Accounts;
using Campaigns.Infrastructure.Validation;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Wolverine.Http;

namespace Campaigns.FollowUps;

public enum FollowUpListStatus { Open, Due, Overdue, Done }

/// <summary>A user's follow-ups as the in-app list groups them.</summary>
public sealed record MyFollowUps(string Assignee, DateOnly Today, IReadOnlyList<FollowUp> Overdue, IReadOnlyList<FollowUp> DueToday, IReadOnlyList<FollowUp> ThisWeek, IReadOnlyList<FollowUp> Later);

public static class FollowUpQueries
{
    [WolverineGet("/api/follow-ups", OperationId = "ListFollowUps"), Tags("FollowUps"), EndpointSummary("List follow-ups."), EndpointDescription("Returns follow-ups, filtered by assignee and status (open, overdue, done, cancelled).")]
    public static async Task<IResult> List(string? assignee, string? status, IQuerySession session,
        IOptions<FollowUpPolicyOptions> options, TimeProvider clock, CancellationToken ct)
    {
        FollowUpListStatus? wanted = null;
        if (status is not null)
        {
            if (!Enum.TryParse<FollowUpListStatus>(status, ignoreCase: true, out var parsed))
                return Results.Problem(new Check().Add("status", "Kies open, due, overdue of done.").ToProblem());
            wanted = parsed;
        }

        var today = options.Value.Today(clock);
        var query = session.Query<FollowUp>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(assignee)) query = query.Where(f => f.Assignee == assignee);
        query = wanted switch
        {
            FollowUpListStatus.Done => query.Where(f => f.Status == FollowUpStatus.Done),
            FollowUpListStatus.Due => query.Where(f => f.Status == FollowUpStatus.Open && f.DueOn <= today),
            FollowUpListStatus.Overdue => query.Where(f => f.Status == FollowUpStatus.Open && f.DueOn < today),
            FollowUpListStatus.Open => query.Where(f => f.Status == FollowUpStatus.Open),
            _ => query
        };
        return Results.Ok(await query.OrderBy(f => f.DueOn).Take(1000).ToListAsync(ct));
    }

    [WolverineGet("/api/follow-ups/{id}", OperationId = "GetFollowUp"), Tags("FollowUps"), EndpointSummary("Read one follow-up."), EndpointDescription("Returns the follow-up under the id, or 404.")]
    public static async Task<IResult> Get(Guid id, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<FollowUp>(id, ct) is { } followUp ? Results.Ok(followUp) : Results.NotFound();

    /// <summary>The in-app list: overdue, due today, the rest of this week, later.</summary>
    [WolverineGet("/api/follow-ups/mine", OperationId = "GetMyFollowUps"), Tags("FollowUps"), EndpointSummary("List my follow-ups."), EndpointDescription("Returns the signed-in user's open follow-ups: overdue, due today and later.")]
    public static async Task<MyFollowUps> Mine(System.Security.Claims.ClaimsPrincipal user, IQuerySession session,
        IOptions<FollowUpPolicyOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var me = user.Identity!.Name!;
        return Group(me, await OpenForAsync(session, me, ct), options.Value.Today(clock));
    }

    /// <summary>A user's open follow-ups, earliest due first: the in-app list, the page and the calendar feed.</summary>
    public static Task<IReadOnlyList<FollowUp>> OpenForAsync(IQuerySession session, string assignee, CancellationToken ct) =>
        session.Query<FollowUp>().Where(f => f.Assignee == assignee && f.Status == FollowUpStatus.Open).OrderBy(f => f.DueOn).ToListAsync(ct);

    public static MyFollowUps Group(string assignee, IReadOnlyList<FollowUp> open, DateOnly today)
    {
        var endOfWeek = today.AddDays(7 - ((int)today.DayOfWeek + 6) % 7 - 1); // Sunday of this ISO week
        return new MyFollowUps(assignee, today,
            open.Where(f => f.DueOn < today).ToList(),
            open.Where(f => f.DueOn == today).ToList(),
            open.Where(f => f.DueOn > today && f.DueOn <= endOfWeek).ToList(),
            open.Where(f => f.DueOn > endOfWeek).ToList());
    }

    /// <summary>
    /// RFC 5545 feed of a user's open follow-ups, for Outlook or Google Calendar. Calendar apps cannot send a bearer
    /// header, so the feed takes the user's calendar secret as <c>?token=cal_…</c> (see <see cref="CalendarFeed"/>);
    /// signed in, a user reads their own feed and a manager anyone's.
    /// </summary>
    [WolverineGet("/api/follow-ups/calendar/{user}.ics", OperationId = "GetFollowUpCalendar"), Tags("FollowUps"), AllowAnonymous, EndpointSummary("Read a user's follow-ups as a calendar feed."), EndpointDescription("Returns the user's open follow-ups as an iCalendar feed. Anonymous: the secret `token` from RenewCalendarSecret authorises it, so calendar apps can subscribe.")]
    public static async Task<IResult> Calendar(string user, string? token, ClaimsPrincipal caller, UserDirectory users,
        IQuerySession session, CancellationToken ct)
    {
        if (await CalendarFeed.RefuseAsync(user, token, caller, users, session, ct) is { } status)
            return status == StatusCodes.Status404NotFound ? Results.Problem(Problems.NotFound("Deze gebruiker is niet bekend.")) : Results.StatusCode(status);
        return Results.Text(ToICalendar(user, await OpenForAsync(session, user, ct)), "text/calendar; charset=utf-8");
    }

    public static string ToICalendar(string user, IEnumerable<FollowUp> followUps)
    {
        var calendar = new Calendar { ProductId = "-//Campaigns//Follow-ups//NL" };
        calendar.AddProperty("X-WR-CALNAME", $"Follow-ups {user}");
        // A due date on the calendar's last day has no next day to end on; such a follow-up cannot be stored any more.
        foreach (var f in followUps.Where(f => f.DueOn < DateOnly.MaxValue))
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{f.Id}@campaigns",
                Summary = f.Description,
                Description = CalendarFeed.Description(f),
                DtStart = new CalDateTime(f.DueOn),
                DtEnd = new CalDateTime(f.DueOn.AddDays(1))
            });
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
