using System.Globalization;
using System.Text.Json;
using System.Text;
using Campaigns.FollowUps;
using Campaigns.Infrastructure.Validation;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Campaigns.Timelines;

/// <summary>A page of a timeline; pass <c>next</c> back as <c>cursor</c> for the following page.</summary>
public sealed record TimelinePage(IReadOnlyList<TimelineEntry> Items, string? Next);

/// <summary>
/// A page of the current timeline as the entries' stored JSON: the API writes it as it came from PostgreSQL, and the
/// web pages, which call the same query, read <see cref="Value"/>, parsed when first asked for.
/// </summary>
public sealed class TimelinePageResult(IReadOnlyList<string> items, string? next) : IResult, IValueHttpResult, IValueHttpResult<TimelinePage>
{
    private static readonly JsonSerializerOptions Json = Infrastructure.JsonDefaults.Create();
    private TimelinePage? _page;

    public TimelinePage Value => _page ??= new TimelinePage(items.Select(Parse).ToList(), next);

    /// <summary>No entries on this page, without parsing any.</summary>
    public bool IsEmpty => items.Count == 0;
    object? IValueHttpResult.Value => Value;

    public static TimelineEntry Parse(string json) => JsonSerializer.Deserialize<TimelineEntry>(json, Json)!;

    /// <summary>A page already in objects (an as-of read): written with the API's serializer.</summary>
    public static TimelinePageResult Of(TimelinePage page) =>
        new(page.Items.Select(e => JsonSerializer.Serialize(e, Json)).ToList(), page.Next) { _page = page };

    public async Task ExecuteAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        var page = new StringBuilder(items.Sum(i => i.Length) + 64).Append("{\"items\":[");
        for (var i = 0; i < items.Count; i++) page.Append(i == 0 ? "" : ",").Append(items[i]);
        page.Append(']');
        // Left out when there is no next page, as the API's serializer leaves out every null.
        if (next is not null) page.Append(",\"next\":").Append(JsonSerializer.Serialize(next));
        page.Append('}');
        await context.Response.WriteAsync(page.ToString(), context.RequestAborted);
    }
}

/// <summary>
/// Filters shared by all four timelines, from the query string. Wolverine's <c>[AsParameters]</c> binds only members that
/// say where they come from, hence <c>[FromQuery]</c> on each.
/// </summary>
public sealed record TimelineFilter
{
    /// <summary>Happened on or after this day.</summary>
    [FromQuery(Name = "from")] public DateOnly? From { get; set; }
    /// <summary>Happened on or before this day.</summary>
    [FromQuery(Name = "to")] public DateOnly? To { get; set; }
    /// <summary>Event type, e.g. <c>meeting-held</c>.</summary>
    [FromQuery(Name = "type")] public string? Type { get; set; }
    [FromQuery(Name = "campaignId")] public Guid? CampaignId { get; set; }
    [FromQuery(Name = "theme")] public string? Theme { get; set; }
    [FromQuery(Name = "contactId")] public Guid? ContactId { get; set; }
    /// <summary>Answer from what had been recorded by this moment: later entries, corrections and retractions left out.</summary>
    [FromQuery(Name = "asOf")] public DateTimeOffset? AsOf { get; set; }
    /// <summary>Show retracted entries too, marked as such (for managers).</summary>
    [FromQuery(Name = "includeRetracted")] public bool IncludeRetracted { get; set; }
    [FromQuery(Name = "cursor")] public string? Cursor { get; set; }
    [FromQuery(Name = "limit")] public int? Limit { get; set; }
    /// <summary><c>oldest</c> first (the default) or <c>newest</c> first; a cursor continues in the order it was read in.</summary>
    [FromQuery(Name = "order")] public string? Order { get; set; }
    /// <summary>Wait (bounded) until the timelines have processed this <c>Campaigns-Position</c> of a command.</summary>
    [FromQuery(Name = "waitFor")] public long? WaitFor { get; set; }
}

public static class TimelineQueries
{
    private const int DefaultLimit = 50, MaxLimit = 200;
    public const string Oldest = "oldest", Newest = "newest";

    [WolverineGet("/api/timelines/themes/{slug}", OperationId = "GetThemeTimeline"), Tags("Timelines"), ProducesResponseType<TimelinePage>(StatusCodes.Status200OK), EndpointSummary("Read a theme's timeline."), EndpointDescription("Returns the contact moments and demand facts filed under the theme, oldest first unless `order=newest`, a page at a time (`cursor`, `limit`); filters by date, kind and campaign.")]
    public static Task<IResult> Theme(string slug, [AsParameters] TimelineFilter filter, HttpContext http, IQuerySession session, CancellationToken ct) =>
        AnswerAsync(http, session, filter, TimelineKeys.Theme(slug),
            async () => await session.LoadAsync<global::Campaigns.Themes.Theme>(global::Campaigns.Themes.Theme.IdFor(slug), ct) is not null, "Dit thema bestaat niet.", ct);

    [WolverineGet("/api/timelines/contacts/{id}", OperationId = "GetContactTimeline"), Tags("Timelines"), ProducesResponseType<TimelinePage>(StatusCodes.Status200OK), EndpointSummary("Read a contact's timeline."), EndpointDescription("Returns everything recorded with the contact, oldest first unless `order=newest`, a page at a time (`cursor`, `limit`).")]
    public static Task<IResult> Contact(Guid id, [AsParameters] TimelineFilter filter, HttpContext http, IQuerySession session, CancellationToken ct) =>
        AnswerAsync(http, session, filter, TimelineKeys.Contact(id),
            async () => await session.LoadAsync<global::Campaigns.Contacts.Contact>(id, ct) is not null, "Deze contactpersoon bestaat niet.", ct);

    [WolverineGet("/api/timelines/campaigns/{id}", OperationId = "GetCampaignTimeline"), Tags("Timelines"), ProducesResponseType<TimelinePage>(StatusCodes.Status200OK), EndpointSummary("Read a campaign's timeline."), EndpointDescription("Returns everything recorded under the campaign, oldest first unless `order=newest`, a page at a time (`cursor`, `limit`).")]
    public static Task<IResult> Campaign(Guid id, [AsParameters] TimelineFilter filter, HttpContext http, IQuerySession session, CancellationToken ct) =>
        AnswerAsync(http, session, filter, TimelineKeys.Campaign(id),
            async () => await session.LoadAsync<global::Campaigns.Campaigns.Campaign>(id, ct) is not null, "Deze campagne bestaat niet.", ct);

    [WolverineGet("/api/timelines/demands/{id}", OperationId = "GetDemandTimeline"), Tags("Timelines"), ProducesResponseType<TimelinePage>(StatusCodes.Status200OK), EndpointSummary("Read a demand's timeline."), EndpointDescription("Returns the demand's lifecycle and the contact moments that concern it, oldest first unless `order=newest`, a page at a time (`cursor`, `limit`).")]
    public static Task<IResult> Demand(Guid id, [AsParameters] TimelineFilter filter, HttpContext http, IQuerySession session, CancellationToken ct) =>
        AnswerAsync(http, session, filter, TimelineKeys.Demand(id),
            async () => await session.LoadAsync<global::Campaigns.Demands.Demand>(id, ct) is not null, "Deze wens bestaat niet.", ct);

    /// <summary>
    /// Timelines are projected after the command commits. A reader who just wrote passes the command's
    /// <c>Campaigns-Position</c> back (header <c>Campaigns-Wait-For</c> or <c>waitFor</c>) and is answered once the timelines
    /// have caught up, or after the configured wait with <c>Campaigns-Consistent: false</c>.
    /// An id or slug that names nothing answers 404 (<paramref name="exists"/>, <paramref name="unknown"/>), not an empty page.
    /// </summary>
    private static async Task<IResult> AnswerAsync(HttpContext http, IQuerySession session, TimelineFilter filter, string key,
        Func<Task<bool>> exists, string unknown, CancellationToken ct)
    {
        var waitFor = filter.WaitFor;
        if (waitFor is null && http.Request.Query.TryGetValue("waitFor", out var query))
        {
            if (!long.TryParse(query.ToString(), out var asked)) return Results.Problem(new Check().Add("waitFor", "Verwacht een positie, bijvoorbeeld 1234.").ToProblem());
            waitFor = asked;
        }
        var header = http.Request.Headers[TimelineProgress.WaitForHeader].ToString();
        if (waitFor is null && header.Length > 0)
        {
            if (!long.TryParse(header, out var position) || position < 0)
                return Results.Problem(new Check().Add(TimelineProgress.WaitForHeader, "Verwacht een positie, bijvoorbeeld 1234.").ToProblem());
            waitFor = position;
        }
        if (waitFor is < 0) return Results.Problem(new Check().Add("waitFor", "Verwacht een positie, bijvoorbeeld 1234.").ToProblem());
        if (waitFor is { } wanted)
        {
            var progress = http.RequestServices.GetRequiredService<TimelineProgress>();
            http.Response.Headers[TimelineProgress.ConsistentHeader] = await progress.WaitForAsync(wanted, ct) ? "true" : "false";
        }

        var read = await ReadAsync(session, filter, key, ct);
        if (read.Problem is { } problem) return Results.Problem(problem);
        // Only an empty page can belong to something that does not exist: a page with entries costs no extra look-up.
        if (read.Page!.IsEmpty && !await exists()) return Results.Problem(Problems.NotFound(unknown));
        return read.Page;
    }

    /// <summary>A page of the timeline with this key, or why the filters are refused. The web pages read the same way.</summary>
    public static Task<(TimelinePageResult? Page, ProblemDetails? Problem)> ReadAsync(
        IQuerySession session, TimelineFilter filter, string key, CancellationToken ct) =>
        ReadAsync(session, filter, key, plannedAfter: null, ct);

    /// <summary>
    /// As above; with <paramref name="plannedAfter"/> (today) the history leaves out open follow-ups due after that day,
    /// which the web pages show apart (<see cref="PlannedAsync"/>).
    /// </summary>
    public static async Task<(TimelinePageResult? Page, ProblemDetails? Problem)> ReadAsync(
        IQuerySession session, TimelineFilter filter, string key, DateOnly? plannedAfter, CancellationToken ct)
    {
        var check = new Check()
            .That(filter.Limit is null or >= 1 and <= MaxLimit, "limit", $"Tussen 1 en {MaxLimit}.")
            .That(filter.From is null || filter.To is null || filter.From <= filter.To, "to", "Het einde ligt voor het begin.")
            .That(filter.Order is null or Oldest or Newest, "order", $"Kies {Oldest} of {Newest}.")
            .InRange("from", filter.From)
            .InRange("to", filter.To)
            .InRange("asOf", filter.AsOf)
            .That(string.IsNullOrEmpty(filter.Type) || TimelineHandlers.EntryTypeNames.Contains(filter.Type), "type",
                $"Onbekende soort; kies uit {string.Join(", ", TimelineHandlers.EntryTypeNames.Order())}.")
            .MaxLength("theme", filter.Theme, 100);
        Cursor? cursor = null;
        if (filter.Cursor is not null && !Cursor.TryParse(filter.Cursor, out cursor)) check.Add("cursor", "Onbekende cursor.");
        if (!check.IsValid) return (null, check.ToProblem());

        var limit = filter.Limit ?? DefaultLimit;
        // In page order after the cursor, at most one entry more than the page holds.
        var (sql, parameters) = PageSql(session.DocumentStore.Options.DatabaseSchemaName, filter, key, cursor, limit + 1, plannedAfter);
        if (filter.AsOf is { } asOf)
        {
            // As they read then: each entry folded back to its revisions recorded by that moment.
            var entries = (await session.QueryAsync<TimelineEntry>(sql, ct, parameters)).Select(e => e.AsOf(asOf)!).ToList();
            var page = entries.Take(limit).ToList();
            return (TimelinePageResult.Of(new TimelinePage(page, entries.Count > limit ? Cursor.After(page[^1]) : null)), null);
        }

        // As they read now: the entries' JSON goes out as PostgreSQL returns it, never turned into objects and back.
        var json = await session.AdvancedSql.QueryAsync<string>(sql, ct, parameters);
        var items = json.Take(limit).ToList();
        var next = json.Count > limit ? Cursor.After(TimelinePageResult.Parse(items[^1])) : null;
        return (new TimelinePageResult(items, next), null);
    }

    /// <summary>
    /// Open follow-ups on this timeline due after <paramref name="today"/>, soonest first: work still to do, shown in a
    /// block of its own above the history. Read through the timeline's keys, so it holds exactly what the history leaves out.
    /// </summary>
    public static async Task<IReadOnlyList<FollowUp>> PlannedAsync(IQuerySession session, string key, DateOnly today, CancellationToken ct)
    {
        var schema = session.DocumentStore.Options.DatabaseSchemaName;
        var sql = $"""
            select f.data from {TimelineKeys.Table(schema)} k join {FollowUpsTable(schema)} f on f.id = k.entry_id
            where k.key = ? and k.valid_until is null and not k.retracted and k.happened_on > ? and f.data ->> 'status' = ?
            order by k.happened_on, k.entry_id limit 200
            """;
        return await session.QueryAsync<FollowUp>(sql, ct, key, today, nameof(FollowUpStatus.Open));
    }

    private static string FollowUpsTable(string schema) => $"\"{schema}\".mt_doc_followup";

    /// <summary>
    /// The SQL for a page of a timeline (with <c>?</c> placeholders, as Marten takes them). It walks the timeline's key
    /// rows (see <see cref="TimelineKeys"/>) in page order from the cursor, keeping those valid now, or at <c>asOf</c>,
    /// and checks the other filters on what it meets: a page costs about the same on page 1 and page 1,000, now or
    /// as of any moment. Public for the benchmark's plans.
    /// </summary>
    public static (string Sql, object[] Parameters) PageSql(string schema, TimelineFilter f, string key, int take) =>
        PageSql(schema, f, key, f.Cursor is { } text && Cursor.TryParse(text, out var cursor) ? cursor : null, take, null);

    private static (string Sql, object[] Parameters) PageSql(string schema, TimelineFilter f, string key, Cursor? cursor, int take, DateOnly? plannedAfter)
    {
        var newest = f.Order == Newest;
        // Without nulls, as the API writes JSON; as text, so that a current page can pass it through (AsOf reads it back).
        var sql = new StringBuilder($"""
            select jsonb_strip_nulls(e.data)::text from {TimelineKeys.Table(schema)} k join "{schema}".mt_doc_timelineentry e on e.id = k.entry_id
            where k.key = ?
            """);
        var parameters = new List<object> { key };
        void And(string condition, params object[] values) { sql.Append(" and ").Append(condition); parameters.AddRange(values); }
        // The revision that was the entry's latest now, or at the moment asked for.
        var asOf = f.AsOf?.ToUniversalTime();
        void Valid(string rows)
        {
            if (asOf is { } at) And($"{rows}.valid_from <= ? and ({rows}.valid_until is null or {rows}.valid_until > ?)", at, at);
            else And($"{rows}.valid_until is null");
        }
        // Another timeline's key narrows this one to the entries on both; the timeline's own key needs no second look.
        void AlsoOn(string other)
        {
            if (other == key) return;
            And($"exists (select 1 from {TimelineKeys.Table(schema)} o where o.entry_id = k.entry_id and o.key = ?", other);
            Valid("o");
            sql.Append(')');
        }

        Valid("k");
        if (!f.IncludeRetracted) And("not k.retracted");
        if (cursor is not null)
            And($"(k.happened_on, k.recorded_at, k.entry_id) {(newest ? "<" : ">")} (?, ?, ?)", cursor.HappenedOn, cursor.RecordedAt, cursor.Id);
        if (f.From is { } from) And("k.happened_on >= ?", from);
        if (f.To is { } to) And("k.happened_on <= ?", to);
        if (f.Theme is { } theme) AlsoOn(TimelineKeys.Theme(theme));
        if (f.ContactId is { } contactId) AlsoOn(TimelineKeys.Contact(contactId));
        if (f.CampaignId is { } campaignId && TimelineKeys.Campaign(campaignId) != key) And("k.campaign_id = ?", campaignId);
        if (!string.IsNullOrEmpty(f.Type)) And("e.data ->> 'eventType' = ?", f.Type);
        if (plannedAfter is { } today)
            And($"not (k.happened_on > ? and exists (select 1 from {FollowUpsTable(schema)} p where p.id = k.entry_id and p.data ->> 'status' = ?))",
                today, nameof(FollowUpStatus.Open));
        // Newest first walks the same index backwards.
        sql.Append(newest ? " order by k.happened_on desc, k.recorded_at desc, k.entry_id desc limit ?" : " order by k.happened_on, k.recorded_at, k.entry_id limit ?");
        parameters.Add(take);
        return (sql.ToString(), [.. parameters]);
    }

    /// <summary>Position after an entry in (happened-on, recorded-at, id) order, opaque to clients.</summary>
    private sealed record Cursor(DateOnly HappenedOn, DateTimeOffset RecordedAt, Guid Id)
    {
        public static string After(TimelineEntry e) =>
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{e.HappenedOn:O}|{e.RecordedAt.UtcTicks}|{e.Id}"))
                .TrimEnd('=').Replace('+', '-').Replace('/', '_');

        public static bool TryParse(string text, out Cursor? cursor)
        {
            cursor = null;
            if (text.Length > 200) return false;
            try
            {
                var padded = text.Replace('-', '+').Replace('_', '/');
                padded += new string('=', (4 - padded.Length % 4) % 4);
                var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split('|');
                if (parts.Length != 3 || !DateOnly.TryParseExact(parts[0], "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var on)
                    || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                    || ticks > DateTimeOffset.MaxValue.UtcTicks || !Guid.TryParse(parts[2], out var id)) return false;
                cursor = new Cursor(on, new DateTimeOffset(ticks, TimeSpan.Zero), id);
                return true;
            }
            catch (FormatException)
            {
                return false;
            }
        }
    }
}
