using System.Collections.Concurrent;
using System.Reflection;
using Campaigns.Accounts;
using Campaigns.Infrastructure.Validation;
using Campaigns.Timelines;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Campaigns.Audit;

/// <summary>One event as the audit list shows it: who, what, when it happened and when it was recorded.</summary>
public sealed record AuditEntry(
    long Sequence, Guid StreamId, long Version, string Type, string? User, DateOnly? HappenedOn, DateTimeOffset RecordedAt);

/// <summary>A page of the audit list; pass <c>next</c> back as <c>after</c> for the following page.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Items, long? Next);

/// <summary>
/// Who did what, straight from Marten's event table (every event carries the acting user's name). Read-only: there is
/// no route that changes or deletes an event; mistakes are corrected with new events.
/// </summary>
public static class AuditQueries
{
    private const int DefaultLimit = 100, MaxLimit = 500;

    /// <param name="from">Recorded on or after this day (UTC).</param>
    /// <param name="to">Recorded on or before this day (UTC).</param>
    /// <param name="user">Acting user name, exactly.</param>
    /// <param name="stream">One stream: a contact, campaign, demand, interaction or theme id.</param>
    /// <param name="after">The <c>next</c> of the previous page.</param>
    /// <param name="order"><c>oldest</c> (the default) or <c>newest</c> first.</param>
    [WolverineGet("/api/audit", OperationId = "ListAuditEntries"), Tags("Audit"), Authorize(Policy = Policies.Manager), EndpointSummary("Read the audit log."), EndpointDescription("Returns who did what and when, filtered by dates, user and stream, oldest or newest first (`order`), a page at a time (`after`, `limit`).")]
    public static async Task<IResult> List(DateOnly? from, DateOnly? to, string? user, Guid? stream, long? after, int? limit, string? order,
        IQuerySession session, CancellationToken ct)
    {
        var check = Validate(from, to, user, after)
            .That(limit is null or >= 1 and <= MaxLimit, "limit", $"Tussen 1 en {MaxLimit}.")
            .That(order is null or Oldest or Newest, "order", $"Kies {Oldest} of {Newest}.");
        if (!check.IsValid) return Results.Problem(check.ToProblem());

        return Results.Ok(await ReadAsync(session, from, to, user, stream, after, limit ?? DefaultLimit, ct, newestFirst: order == Newest));
    }

    public const string Oldest = "oldest", Newest = "newest";

    /// <summary>The filters' ranges, for the API and the manager's page.</summary>
    public static Check Validate(DateOnly? from, DateOnly? to, string? user, long? after) =>
        new Check()
            .InRange("from", from)
            .InRange("to", to)
            .That(from is null || to is null || from <= to, "to", "Het einde ligt voor het begin.")
            .MaxLength("user", user, 100)
            .That(after is null or >= 0, "after", "Een positie van 0 of meer.");

    /// <summary>The audit list itself, for the API and the manager's page.</summary>
    public static async Task<AuditPage> ReadAsync(IQuerySession session, DateOnly? from, DateOnly? to, string? user, Guid? stream,
        long? after, int take, CancellationToken ct, bool newestFirst = false)
    {
        // Tombstones are Marten's fillers for failed appends, not facts.
        var query = session.Events.QueryAllRawEvents().Where(e => e.EventTypeName != "tombstone");
        if (from is { } f)
        {
            var start = new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(e => e.Timestamp >= start);
        }
        if (to is { } t)
        {
            var end = new DateTimeOffset(t.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(e => e.Timestamp < end);
        }
        if (!string.IsNullOrWhiteSpace(user))
        {
            var name = user.Trim();
            query = query.Where(e => e.UserName == name);
        }
        if (stream is { } id) query = query.Where(e => e.StreamId == id);
        // The cursor is the last position of the previous page, in whichever direction the pages go.
        if (after is { } cursor) query = newestFirst ? query.Where(e => e.Sequence < cursor) : query.Where(e => e.Sequence > cursor);

        var events = await (newestFirst ? query.OrderByDescending(e => e.Sequence) : query.OrderBy(e => e.Sequence)).Take(take + 1).ToListAsync(ct);
        var items = events.Take(take)
            .Select(e => new AuditEntry(e.Sequence, e.StreamId, e.Version, TimelineSummaries.TypeName(e.Data), e.UserName,
                HappenedOn(e.Data), e.Timestamp))
            .ToList();
        return new AuditPage(items, events.Count > take ? items[^1].Sequence : null);
    }


    private static readonly ConcurrentDictionary<Type, PropertyInfo?> DateProperties = new();

    /// <summary>The day the fact happened, from the event's own data: its first date field (happenedOn, occurredOn, effectiveOn…).</summary>
    public static DateOnly? HappenedOn(object data)
    {
        var property = DateProperties.GetOrAdd(data.GetType(), type => type
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(p => p.PropertyType == typeof(DateOnly) || p.PropertyType == typeof(DateOnly?)));
        return property?.GetValue(data) as DateOnly?;
    }
}
