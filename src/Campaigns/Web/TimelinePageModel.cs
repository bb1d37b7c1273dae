using System.Text;
using Campaigns.FollowUps;
using Campaigns.Interactions;
using Campaigns.Timelines;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Campaigns.Web;

/// <summary>
/// A page that shows one of the API's timelines (theme, contact, demand) with its filters: period, type, campaign and
/// "as of". It calls <see cref="TimelineQueries"/> itself, so the page shows exactly what the API answers.
/// </summary>
public abstract class TimelinePageModel(IQuerySession session, TimeProvider clock) : PageModel
{
    /// <summary>A page of history; "Meer laden" adds the next one.</summary>
    public const int PageSize = 20;
    public const string NewestFirst = "nieuwste", OldestFirst = "oudste";

    [BindProperty(SupportsGet = true, Name = "van")] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "tot")] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "soort")] public string? Type { get; set; }
    [BindProperty(SupportsGet = true, Name = "campagne")] public Guid? CampaignFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "stand")] public DateOnly? AsOf { get; set; }
    [BindProperty(SupportsGet = true, Name = "ingetrokken")] public bool IncludeRetracted { get; set; }
    [BindProperty(SupportsGet = true, Name = "na")] public string? Cursor { get; set; }
    /// <summary><c>nieuwste</c> (the default) or <c>oudste</c> first.</summary>
    [BindProperty(SupportsGet = true, Name = "volgorde")] public string? Order { get; set; }

    public bool IsOldestFirst => Order == OldestFirst;

    protected IQuerySession Session { get; } = session;
    public TimelinePage Timeline { get; private set; } = new([], null);
    public Names Names { get; protected set; } = Names.Empty;
    public IReadOnlyList<string> FilterErrors { get; private set; } = [];
    /// <summary>Open follow-ups due after today, shown apart from the history; empty on later pages and "as of" a day.</summary>
    public IReadOnlyList<FollowUp> Planned { get; private set; } = [];
    /// <summary>The contact moments on this page, for their excerpts.</summary>
    public IReadOnlyDictionary<Guid, Interaction> Interactions { get; private set; } = new Dictionary<Guid, Interaction>();

    /// <summary>Shown above the filters; the CSV file is named after it.</summary>
    public abstract string TimelineTitle { get; }

    /// <summary>Which timeline the page shows (<see cref="TimelineKeys"/>).</summary>
    protected abstract string TimelineKey { get; }

    /// <summary>Whether the page offers the campaign filter (a demand's timeline has one campaign).</summary>
    public virtual bool FiltersCampaign => true;

    private TimelineFilter Filter(string? cursor, int limit) => new()
    {
        From = From, To = To, Type = string.IsNullOrWhiteSpace(Type) ? null : Type, CampaignId = CampaignFilter,
        AsOf = AsOf is { } day ? Dutch.EndOfDay(day) : null, IncludeRetracted = IncludeRetracted, Cursor = cursor, Limit = limit,
        Order = IsOldestFirst ? TimelineQueries.Oldest : TimelineQueries.Newest
    };

    /// <summary>
    /// Today, when the history should leave out what is still planned. As of a past day the timeline shows what was
    /// recorded then, planned follow-ups included, as it read at the time.
    /// </summary>
    private DateOnly? PlannedAfter => AsOf is null ? Today : null;

    protected DateOnly Today => Dutch.Today(clock);

    /// <summary>Runs the API's query for this page's timeline, once the timelines show what this user just recorded.</summary>
    protected async Task ReadTimelineAsync(CancellationToken ct)
    {
        Names = await Names.LoadAsync(Session, ct);
        await FormPage.WaitForOwnWritesAsync(HttpContext, ct);
        if (!string.IsNullOrEmpty(Order) && Order is not (NewestFirst or OldestFirst))
        {
            Refuse([$"Volgorde: kies {NewestFirst} of {OldestFirst}."]);
            return;
        }
        // A filter the binder could not read ("stand=gisteren") would otherwise be dropped and the page show everything.
        var unreadable = FormPage.Unreadable(ModelState)
            .Select(e => $"{FilterLabel(e.Field)}: '{e.Value}' is geen geldige {e.Field switch { "van" or "tot" or "stand" => "datum", "campagne" => "campagne", _ => "waarde" }}.").ToList();
        if (!string.IsNullOrEmpty(Type) && !Timelines.TimelineHandlers.EntryTypeNames.Contains(Type))
            unreadable.Add($"Soort: '{Type}' is geen bekende soort.");
        if (unreadable.Count > 0)
        {
            Refuse(unreadable);
            return;
        }
        var (page, problem) = await TimelineQueries.ReadAsync(Session, Filter(Cursor, PageSize), TimelineKey, PlannedAfter, ct);
        if (page is not null)
        {
            Timeline = page.Value;
            Interactions = await InteractionsOfAsync(Timeline.Items, ct);
            if (PlannedAfter is { } today && Cursor is null) Planned = await TimelineQueries.PlannedAsync(Session, TimelineKey, today, ct);
        }
        else if (problem is HttpValidationProblemDetails invalid)
            Refuse(invalid.Errors.SelectMany(e => e.Value.Select(m => $"{FilterLabel(e.Key)}: {m}")).ToList());
        else Refuse([problem?.Detail ?? problem?.Title ?? "De filters kloppen niet."]);
    }

    /// <summary>The page names the filters it refuses, with a 400 as the other filtered pages and the API answer.</summary>
    private void Refuse(IReadOnlyList<string> errors)
    {
        FilterErrors = errors;
        Response.StatusCode = StatusCodes.Status400BadRequest;
    }

    /// <summary>All entries the filters select (every page of the API's answer), as a CSV file for a spreadsheet.</summary>
    protected async Task<IActionResult> CsvAsync(CancellationToken ct)
    {
        Names = await Names.LoadAsync(Session, ct);
        if (!string.IsNullOrEmpty(Order) && Order is not (NewestFirst or OldestFirst)) return BadRequest();
        var entries = new List<TimelineEntry>();
        var interactions = new Dictionary<Guid, Interaction>();
        string? cursor = null;
        do
        {
            if ((await TimelineQueries.ReadAsync(Session, Filter(cursor, 200), TimelineKey, ct)).Page?.Value is not { } page) return BadRequest();
            entries.AddRange(page.Items);
            foreach (var (id, interaction) in await InteractionsOfAsync(page.Items, ct)) interactions[id] = interaction;
            cursor = page.Next;
        } while (cursor is not null && entries.Count < 100_000);

        // The full texts of each contact moment: the screen shows only an excerpt.
        var csv = new Csv("datum", "soort", "samenvatting", "besproken", "uitkomst", "locatie", "documentverwijzing", "campagne",
            "thema's", "contactpersonen", "wensen", "namens ons", "vastgelegd door", "vastgelegd op", "ingetrokken");
        foreach (var e in entries)
        {
            var i = e.InteractionId is { } id ? interactions.GetValueOrDefault(id) : null;
            csv.Row(e.HappenedOn.ToString("yyyy-MM-dd"), Dutch.EventType(e.EventType), e.Summary, i?.Summary, i?.Outcome, i?.Location,
                i?.DocumentRef, Names.Campaign(e.CampaignId),
                string.Join(", ", e.Themes.Select(Names.Theme)), string.Join(", ", e.ContactIds.Select(Names.Contact)),
                string.Join(", ", e.DemandIds.Select(Names.Demand)), string.Join(", ", e.OurSide), e.ActingUser,
                // Amsterdam time, as the screens show it; the store keeps UTC.
                TimeZoneInfo.ConvertTime(e.RecordedAt, Dutch.Amsterdam).ToString("yyyy-MM-dd HH:mm"), e.Retracted ? "ja" : "");
        }
        return File(csv.ToBytes(), "text/csv; charset=utf-8", $"tijdlijn-{Csv.FileName(TimelineTitle)}.csv");
    }

    /// <summary>The contact moments behind the interaction entries, by id.</summary>
    private async Task<IReadOnlyDictionary<Guid, Interaction>> InteractionsOfAsync(IEnumerable<TimelineEntry> entries, CancellationToken ct)
    {
        var ids = entries.Select(e => e.InteractionId).OfType<Guid>().Distinct().ToArray();
        return ids.Length == 0 ? new Dictionary<Guid, Interaction>() : (await Session.LoadManyAsync<Interaction>(ct, ids)).ToDictionary(i => i.Id);
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
        if (IsOldestFirst) values["volgorde"] = OldestFirst;
        if (cursor is not null) values["na"] = cursor;
        return values;
    }

    public string Link(Dictionary<string, string> values) =>
        Request.Path + QueryString.Create(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)));

    private static string FilterLabel(string field) => field switch
    {
        "to" or "tot" => "Tot en met",
        "from" or "van" => "Vanaf",
        "campagne" => "Campagne",
        "stand" => "Stand op",
        "cursor" => "Pagina",
        "asOf" => "Stand op",
        "type" => "Soort",
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

/// <summary>Entries with the names to show them by, and the contact moments for their excerpts: what the timeline partial draws.</summary>
public sealed record TimelineView(IReadOnlyList<TimelineEntry> Items, Names Names, IReadOnlyDictionary<Guid, Interaction>? Interactions = null)
{
    /// <summary>A short excerpt of what was discussed: the summary, else the outcome; null for other entries.</summary>
    public string? Excerpt(TimelineEntry entry) =>
        entry.InteractionId is { } id && Interactions?.GetValueOrDefault(id) is { } i
            && (string.IsNullOrWhiteSpace(i.Summary) ? i.Outcome : i.Summary) is { Length: > 0 } text
            ? Dutch.Shorten(text.ReplaceLineEndings(" ").Trim(), 140)
            : null;
}

/// <summary>Open follow-ups due after today on a timeline: the "Gepland" block above its history.</summary>
public sealed record PlannedView(IReadOnlyList<FollowUp> Items, Names Names);
