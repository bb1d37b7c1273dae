using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Campaigns.Infrastructure.Validation;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Campaigns.Search;

/// <summary>What to search for, from the query string.</summary>
public sealed record SearchRequest
{
    /// <summary>Words to find, e.g. <c>netcongestie subsidies</c>; all must occur (stemmed, accents ignored). <c>-woord</c> leaves out hits with that word.</summary>
    [FromQuery(Name = "q")] public string? Q { get; set; }
    /// <summary>Only this kind: <c>contact-moment</c>, <c>demand</c>, <c>contact</c>, <c>campaign</c> or <c>theme</c>.</summary>
    [FromQuery(Name = "type")] public string? Type { get; set; }
    /// <summary>Only things filed under this theme (slug).</summary>
    [FromQuery(Name = "theme")] public string? Theme { get; set; }
    [FromQuery(Name = "campaignId")] public Guid? CampaignId { get; set; }
    /// <summary>Happened (contact moments), formulated (demands) or started (campaigns) on or after this day.</summary>
    [FromQuery(Name = "from")] public DateOnly? From { get; set; }
    [FromQuery(Name = "to")] public DateOnly? To { get; set; }
    /// <summary>Also retracted contact moments, marked as such.</summary>
    [FromQuery(Name = "includeRetracted")] public bool IncludeRetracted { get; set; }
    /// <summary>Hits per kind, 1 to 50 (default 10).</summary>
    [FromQuery(Name = "limit")] public int? Limit { get; set; }
}

/// <summary>One hit. <c>titleHtml</c> and <c>snippetHtml</c> are HTML-escaped text with the matching words in <c>&lt;mark&gt;</c>.</summary>
public sealed record SearchHit(
    string Kind, Guid Id, string Title, string TitleHtml, string SnippetHtml, string Detail, string Url, DateOnly? HappenedOn,
    bool Retracted, double Rank);

/// <summary>
/// The hits of one kind, best first. <c>total</c> counts the matches of that kind, also those beyond the limit; with
/// <c>more</c> there are more than that (contact moments are counted up to 100).
/// </summary>
public sealed record SearchGroup(string Kind, string Label, int Total, bool More, IReadOnlyList<SearchHit> Hits);

public sealed record SearchResults(string Q, int Total, bool More, IReadOnlyList<SearchGroup> Groups);

public static partial class SearchQuery
{
    private const int DefaultLimit = 10, MaxLimit = 50, MaxWords = 12, MaxQueryLength = 200;

    [WolverineGet("/api/search", OperationId = "Search"), Tags("Search"), ProducesResponseType<SearchResults>(StatusCodes.Status200OK),
     EndpointSummary("Search everything."),
     EndpointDescription("Full-text search in Dutch (stemming, accents ignored) across contact moments (subject, summary, outcome, document reference, corrections applied), demands, contacts, campaigns and themes. Hits are grouped by kind and ranked, with the matching words marked. Retracted contact moments only with `includeRetracted=true`.")]
    public static async Task<IResult> Get([AsParameters] SearchRequest request, IQuerySession session, CancellationToken ct)
    {
        var (results, problem) = await SearchAsync(session, request, ct);
        return problem is not null ? Results.Problem(problem) : Results.Ok(results);
    }

    /// <summary>The hits, or why the request is refused. The search page calls this too.</summary>
    public static async Task<(SearchResults? Results, ProblemDetails? Problem)> SearchAsync(IQuerySession session, SearchRequest r, CancellationToken ct)
    {
        var terms = Terms(r.Q ?? "");
        var check = new Check()
            .Required("q", r.Q, MaxQueryLength)
            .That(string.IsNullOrWhiteSpace(r.Q) || terms.Any(t => !t.Excluded), "q", "Geef minstens één woord om naar te zoeken.")
            .That(terms.Count <= MaxWords, "q", $"Hoogstens {MaxWords} woorden.")
            .That(r.Type is null || SearchKinds.All.Contains(r.Type), "type", $"Kies uit {string.Join(", ", SearchKinds.All)}.")
            .That(r.Limit is null or >= 1 and <= MaxLimit, "limit", $"Tussen 1 en {MaxLimit}.")
            .That(r.From is null || r.To is null || r.From <= r.To, "to", "Het einde ligt voor het begin.")
            .InRange("from", r.From)
            .InRange("to", r.To)
            .MaxLength("theme", r.Theme, 100);
        if (!check.IsValid) return (null, check.ToProblem());

        var (sql, parameters) = Sql(session.DocumentStore.Options.DatabaseSchemaName, r, terms);
        var rows = await session.AdvancedSql.QueryAsync<string>(sql, ct, parameters);
        var hits = rows.Select(json => JsonSerializer.Deserialize<Row>(json, Json)!).ToList();
        var prefixes = Prefixes(terms);
        var groups = SearchKinds.All
            .Select(kind => hits.Where(h => h.Kind == kind).ToList())
            .Where(g => g.Count > 0)
            .Select(g => new SearchGroup(g[0].Kind, SearchKinds.Dutch(g[0].Kind, g[0].Total), g[0].Total, g[0].More, g.Select(h => Hit(h, prefixes)).ToList()))
            .ToList();
        return (new SearchResults(r.Q!.Trim(), groups.Sum(g => g.Total), groups.Any(g => g.More), groups), null);
    }

    /// <summary>A word of the query; <see cref="Excluded"/> for <c>-woord</c>.</summary>
    public sealed record Term(string Word, bool Excluded);

    [GeneratedRegex(@"(?<=^|\s)(-?)([\p{L}\p{Mn}\p{Nd}]+)|([\p{L}\p{Mn}\p{Nd}]+)")]
    private static partial Regex Words();

    /// <summary>Words as PostgreSQL's parser would split them (letters and digits); any punctuation separates.</summary>
    public static IReadOnlyList<Term> Terms(string q) =>
        Words().Matches(q)
            .Select(m => m.Groups[2].Success && m.Groups[2].Length > 0
                ? new Term(m.Groups[2].Value.ToLowerInvariant(), m.Groups[1].Value == "-")
                : new Term(m.Groups[3].Value.ToLowerInvariant(), false))
            .Distinct()
            .ToList();

    /// <summary>
    /// Each word as a tsquery of its own: a prefix (Dutch compounds: "subsidie" finds "subsidieregeling" and "subsidies"),
    /// and for a plural the singular too, since the Dutch stemmer keeps "subsidies" apart from "subsidie". Short words match whole.
    /// </summary>
    private static IEnumerable<string> Forms(string word)
    {
        if (word.Length < 4) { yield return word; yield break; }
        yield return word + ":*";
        if (word.Length > 5 && word.EndsWith("en")) yield return word[..^2] + ":*";
        else if (word.Length > 4 && word.EndsWith('s')) yield return word[..^1] + ":*";
    }

    /// <summary>
    /// Contact moments are ranked among the newest <see cref="Candidates"/> that match (found by walking them newest
    /// first, or from the GIN index for a rare word, as the planner judges), so a common word costs a hundred rows, not
    /// every match; their total then reads "at least". The other kinds are small and ranked and counted in full.
    /// </summary>
    public const int Candidates = 100;

    private static (string Sql, object[] Parameters) Sql(string schema, SearchRequest r, IReadOnlyList<Term> terms)
    {
        var parameters = new List<object>();
        // Written out where it filters, so that the planner sees the words and can choose between the walk and the index.
        string TsQuery() => string.Join(" && ", terms.Select(t =>
        {
            var any = "(" + string.Join(" || ", Forms(t.Word).Select(f =>
            {
                parameters.Add(f);
                return $"to_tsquery('{SearchIndex.Configuration}', unaccent(?))";
            })) + ")";
            return t.Excluded ? "!!" + any : any;
        }));

        string Filters()
        {
            var filters = new StringBuilder();
            void And(string condition, object? value = null)
            {
                filters.Append(" and ").Append(condition);
                if (value is not null) parameters.Add(value);
            }
            if (!r.IncludeRetracted) And("not s.retracted");
            if (r.Type is { } type) And("s.kind = ?", type);
            if (r.Theme is { } theme) And("s.themes @> array[?]::text[]", theme);
            if (r.CampaignId is { } campaign) And("s.campaign_id = ?", campaign);
            if (r.From is { } from) And("s.happened_on >= ?", from);
            if (r.To is { } to) And("s.happened_on <= ?", to);
            return filters.ToString();
        }

        // Parameters in the order their placeholders appear: the query's CTE first.
        var query = TsQuery();
        var table = SearchIndex.Table(schema);
        var moments = $"""
            (select s.* from {table} s where s.kind = '{SearchKinds.ContactMoment}' and s.document @@ ({TsQuery()}){Filters()}
             order by s.happened_on desc limit {Candidates + 1})
            """;
        var others = $"""
            (select s.* from {table} s where s.kind <> '{SearchKinds.ContactMoment}' and s.document @@ ({TsQuery()}){Filters()})
            """;
        parameters.Add(r.Limit ?? DefaultLimit);

        var sql = $"""
            with q as materialized (select {query} as query),
            candidates as ({moments} union all {others}),
            ranked as (
                select c.id, c.kind, c.title, c.body, c.detail, c.url, c.happened_on, c.retracted, ts_rank(c.document, q.query) as rank,
                    row_number() over (partition by c.kind order by ts_rank(c.document, q.query) desc, c.happened_on desc nulls last, c.id) as n,
                    count(*) over (partition by c.kind) as total
                from candidates c, q
            )
            select jsonb_build_object(
                'kind', r.kind, 'id', r.id, 'title', r.title, 'detail', r.detail, 'url', r.url, 'happenedOn', r.happened_on,
                'retracted', r.retracted, 'rank', r.rank, 'total', least(r.total, {Candidates}), 'more', r.total > {Candidates},
                'body', r.body)::text
            from ranked r
            where r.n <= ?
            order by r.kind, r.n
            """;
        return (sql, parameters.ToArray());
    }

    private sealed record Row(
        string Kind, Guid Id, string Title, string Detail, string Url, DateOnly? HappenedOn, bool Retracted, double Rank, int Total,
        bool More, string Body);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static SearchHit Hit(Row r, IReadOnlyList<string> prefixes) => new(
        r.Kind, r.Id, r.Title, SearchMarks.Mark(r.Title, prefixes), SearchMarks.Excerpt(r.Body, prefixes), r.Detail, r.Url,
        r.HappenedOn, r.Retracted, Math.Round(r.Rank, 4));

    /// <summary>The forms the tsquery asks for, as plain prefixes without case or accents: what <see cref="SearchMarks"/> marks.</summary>
    private static IReadOnlyList<string> Prefixes(IReadOnlyList<Term> terms) =>
        terms.Where(t => !t.Excluded).SelectMany(t => Forms(t.Word)).Select(f => SearchMarks.Fold(f.TrimEnd('*').TrimEnd(':'))).Distinct().ToList();
}
