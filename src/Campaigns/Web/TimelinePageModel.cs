using System.Text;
using Campaigns.Timelines;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Campaigns.Web;

/// <summary>
/// A page that shows one of the API's timelines (theme, contact, demand) with its filters: period, type, campaign and
/// "as of". It calls <see cref="TimelineQueries"/> itself, so the page shows exactly what the API answers.
/// </summary>
public abstract class TimelinePageModel(IQuerySession session) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true, Name = "van")] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "tot")] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "soort")] public string? Type { get; set; }
    [BindProperty(SupportsGet = true, Name = "campagne")] public Guid? CampaignFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "stand")] public DateOnly? AsOf { get; set; }
    [BindProperty(SupportsGet = true, Name = "ingetrokken")] public bool IncludeRetracted { get; set; }
    [BindProperty(SupportsGet = true, Name = "na")] public string? Cursor { get; set; }

    protected IQuerySession Session { get; } = session;
    public TimelinePage Timeline { get; private set; } = new([], null);
    public Names Names { get; protected set; } = Names.Empty;
    public IReadOnlyList<string> FilterErrors { get; private set; } = [];

    /// <summary>Shown above the filters; the CSV file is named after it.</summary>
    public abstract string TimelineTitle { get; }

    /// <summary>Which timeline the page shows (<see cref="TimelineKeys"/>).</summary>
    protected abstract string TimelineKey { get; }

    /// <summary>Whether the page offers the campaign filter (a demand's timeline has one campaign).</summary>
    public virtual bool FiltersCampaign => true;

    private TimelineFilter Filter(string? cursor, int limit) => new()
    {
        From = From, To = To, Type = string.IsNullOrWhiteSpace(Type) ? null : Type, CampaignId = CampaignFilter,
        AsOf = AsOf is { } day ? Dutch.EndOfDay(day) : null, IncludeRetracted = IncludeRetracted, Cursor = cursor, Limit = limit
    };

    /// <summary>Runs the API's query for this page's timeline, once the timelines show what this user just recorded.</summary>
    protected async Task ReadTimelineAsync(CancellationToken ct)
    {
        Names = await Names.LoadAsync(Session, ct);
        await FormPage.WaitForOwnWritesAsync(HttpContext, ct);
        var (page, problem) = await TimelineQueries.ReadAsync(Session, Filter(Cursor, PageSize), TimelineKey, ct);
        if (page is not null) Timeline = page.Value;
        else if (problem is HttpValidationProblemDetails invalid)
            FilterErrors = invalid.Errors.SelectMany(e => e.Value.Select(m => $"{FilterLabel(e.Key)}: {m}")).ToList();
        else FilterErrors = [problem?.Detail ?? problem?.Title ?? "De filters kloppen niet."];
    }

    /// <summary>All entries the filters select (every page of the API's answer), as a CSV file for a spreadsheet.</summary>
    protected async Task<IActionResult> CsvAsync(CancellationToken ct)
    {
        Names = await Names.LoadAsync(Session, ct);
        var entries = new List<TimelineEntry>();
        string? cursor = null;
        do
        {
            if ((await TimelineQueries.ReadAsync(Session, Filter(cursor, 200), TimelineKey, ct)).Page?.Value is not { } page) return BadRequest();
            entries.AddRange(page.Items);
            cursor = page.Next;
        } while (cursor is not null && entries.Count < 100_000);

        var csv = new Csv("datum", "soort", "samenvatting", "campagne", "thema's", "contactpersonen", "wensen", "namens ons",
            "vastgelegd door", "vastgelegd op", "ingetrokken");
        foreach (var e in entries)
            csv.Row(e.HappenedOn.ToString("yyyy-MM-dd"), Dutch.EventType(e.EventType), e.Summary, Names.Campaign(e.CampaignId),
                string.Join(", ", e.Themes.Select(Names.Theme)), string.Join(", ", e.ContactIds.Select(Names.Contact)),
                string.Join(", ", e.DemandIds.Select(Names.Demand)), string.Join(", ", e.OurSide), e.ActingUser,
                e.RecordedAt.ToString("yyyy-MM-dd HH:mm"), e.Retracted ? "ja" : "");
        return File(csv.ToBytes(), "text/csv; charset=utf-8", $"tijdlijn-{Csv.FileName(TimelineTitle)}.csv");
    }

    /// <summary>The current filters as query values, for the CSV link and the next-page link.</summary>
    public Dictionary<string, string> FilterValues(string? cursor = null)
    {
        var values = new Dictionary<string, string>();
        if (From is { } from) values["van"] = from.ToString("yyyy-MM-dd");
        if (To is { } to) values["tot"] = to.ToString("yyyy-MM-dd");
        if (!string.IsNullOrWhiteSpace(Type)) values["soort"] = Type;
        if (CampaignFilter is { } campaign) values["campagne"] = campaign.ToString();
        if (AsOf is { } asOf) values["stand"] = asOf.ToString("yyyy-MM-dd");
        if (IncludeRetracted) values["ingetrokken"] = "true";
        if (cursor is not null) values["na"] = cursor;
        return values;
    }

    public string Link(Dictionary<string, string> values) =>
        Request.Path + QueryString.Create(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)));

    private static string FilterLabel(string field) => field switch
    {
        "to" => "Tot en met",
        "from" => "Vanaf",
        "cursor" => "Pagina",
        _ => field
    };
}

/// <summary>Semicolon-separated, UTF-8 with a byte-order mark: what a Dutch spreadsheet opens without asking.</summary>
public sealed class Csv
{
    private readonly StringBuilder _text = new();

    public Csv(params string[] header) => Row(header);

    public Csv Row(params string?[] cells)
    {
        _text.AppendJoin(';', cells.Select(Cell)).Append("\r\n");
        return this;
    }

    public byte[] ToBytes() => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(_text.ToString())];

    public static string FileName(string title) =>
        new string(title.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');

    private static string Cell(string? value)
    {
        var text = value ?? "";
        // A cell starting with = + - @ would run as a formula in a spreadsheet.
        if (text.Length > 0 && "=+-@".Contains(text[0])) text = "'" + text;
        return text.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }
}

/// <summary>Entries with the names to show them by: what the timeline partial draws.</summary>
public sealed record TimelineView(IReadOnlyList<TimelineEntry> Items, Names Names);
