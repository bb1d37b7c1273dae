using System.Globalization;
using Campaigns.Campaigns;
using Campaigns.Demands;
using Campaigns.FollowUps;
using Campaigns.Timelines;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Campaigns.Web.Pages.Manager;

/// <summary>A campaign at a glance: the demand funnel (from the API's scoreboard), activity per week per theme, the latest entries.</summary>
public sealed class DashboardModel(IQuerySession session, TimeProvider clock, IMessageBus bus) : FormPage
{
    public const int Weeks = 26, Latest = 20;

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    /// <summary>Where "Meer laden" continues the latest entries.</summary>
    [BindProperty(SupportsGet = true, Name = "na")] public string? Cursor { get; set; }

    /// <summary>The "Campagne sluiten" form: the campaign's stream version when the page was shown, the day and a note.</summary>
    [BindProperty] public long Version { get; set; }
    [BindProperty] public DateOnly? ClosedOn { get; set; }
    [BindProperty] public string? Note { get; set; }

    /// <summary>Each demand's adoptions, oldest first, with what they credit.</summary>
    public IReadOnlyList<(Demand Demand, Adoption Adoption)> Adoptions =>
        Demands.SelectMany(d => d.Adoptions.Select(a => (d, a))).OrderBy(x => x.a.OccurredOn).ToList();
    public IReadOnlyDictionary<Guid, Interactions.Interaction> CreditedInteractions { get; private set; } = new Dictionary<Guid, Interactions.Interaction>();

    /// <summary>Adopted (fully or partly) out of all the campaign's demands, as a whole percentage.</summary>
    public string AdoptionRate => Score.Demands == 0 ? "–" : $"{Math.Round(100.0 * Score.ByStatus[DemandStatus.Adopted] / Score.Demands)}%";

    public static string Rate(IReadOnlyDictionary<DemandStatus, int> byStatus)
    {
        var total = byStatus.Values.Sum();
        return total == 0 ? "–" : $"{Math.Round(100.0 * byStatus[DemandStatus.Adopted] / total)}%";
    }

    protected override IReadOnlyDictionary<string, string> FieldLabels { get; } = new Dictionary<string, string>
    {
        [nameof(ClosedOn)] = "Gesloten op", [nameof(Note)] = "Toelichting"
    };

    public Campaign Campaign { get; private set; } = null!;
    public CampaignScoreboard Score { get; private set; } = null!;
    public IReadOnlyList<Demand> Demands { get; private set; } = [];
    public IReadOnlyList<Bar> Funnel { get; private set; } = [];
    public IReadOnlyList<string> WeekLabels { get; private set; } = [];
    public IReadOnlyList<Series> Activity { get; private set; } = [];
    public string ActivityPeriod { get; private set; } = "";
    public IReadOnlyList<TimelineEntry> LatestEntries { get; private set; } = [];
    /// <summary>Fracties × the moties linked to the campaign's demands.</summary>
    public Parliament.CampaignVotes Votes { get; private set; } = null!;
    public string? MoreCursor { get; private set; }
    public IReadOnlyDictionary<Guid, Interactions.Interaction> LatestInteractions { get; private set; } = new Dictionary<Guid, Interactions.Interaction>();
    /// <summary>The campaign's open follow-ups due after today, apart from the latest entries.</summary>
    public IReadOnlyList<FollowUp> Planned { get; private set; } = [];
    public Names Names { get; private set; } = Names.Empty;
    /// <summary>Open follow-ups of this campaign whose due day has passed, per assignee.</summary>
    public IReadOnlyList<(string Assignee, int Overdue, DateOnly Oldest)> OverdueByPerson { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        ClosedOn = Dutch.Today(clock);
        return await ShowAsync(ct);
    }

    /// <summary>"Campagne sluiten": the CloseCampaign command, with the version the page was read at.</summary>
    public async Task<IActionResult> OnPostCloseAsync(CancellationToken ct)
    {
        ClearBindingErrors();
        var expected = Version;
        if (!await LoadAsync(ct)) return NotFound();
        var result = await SendAsync(bus, new CloseCampaign(ClosedOn, Note) { CampaignId = Id, ExpectedVersion = expected }, ct);
        if (result is null) return await ShowAsync(ct);
        Flash($"Campagne gesloten: {Campaign.Name}, op {Dutch.Date(ClosedOn!.Value)}.", "Alle campagnes", "/campagnes");
        return Redirect($"/campagnes/{Id}");
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        await FormPage.WaitForOwnWritesAsync(HttpContext, ct);

        Funnel = FunnelOf(Demands, Score);
        Votes = await Parliament.CampaignVotesQueries.ReadAsync(session, Id, Dutch.Today(clock), ct);

        // Activity: the campaign's contact moments (not lifecycle facts), per ISO week and theme.
        var interactions = await session.Query<TimelineEntry>()
            .Where(e => e.CampaignId == Id && !e.Retracted && e.InteractionId != null).ToListAsync(ct);
        var today = Dutch.Today(clock);
        var end = interactions.Count == 0 ? today : new[] { interactions.Max(e => e.HappenedOn), today }.Min();
        var endMonday = Monday(end);
        var mondays = Enumerable.Range(0, Weeks).Select(i => endMonday.AddDays(-7 * (Weeks - 1 - i))).ToList();
        WeekLabels = mondays.Select(m => $"wk {ISOWeek.GetWeekOfYear(m.ToDateTime(TimeOnly.MinValue))}").ToList();
        ActivityPeriod = $"{Dutch.Date(mondays[0])} t/m {Dutch.Date(endMonday.AddDays(6))}";
        var themes = interactions.SelectMany(e => e.Themes).Distinct().OrderBy(Names.Theme).ToList();
        Activity = themes.Select(theme => new Series(Names.Theme(theme), mondays
                .Select(m => interactions.Count(e => e.Themes.Contains(theme) && Monday(e.HappenedOn) == m)).ToList()))
            .Where(s => s.Values.Sum() > 0).ToList();

        var overdue = await session.Query<FollowUp>()
            .Where(f => f.CampaignId == Id && f.Status == FollowUpStatus.Open && f.DueOn < today).ToListAsync(ct);
        OverdueByPerson = overdue.GroupBy(f => f.Assignee)
            .Select(g => (g.Key, g.Count(), g.Min(f => f.DueOn))).OrderByDescending(p => p.Item2).ThenBy(p => p.Key).ToList();

        var credited = Demands.SelectMany(d => d.Adoptions.SelectMany(a => a.CreditedInteractionIds)).Distinct().ToArray();
        CreditedInteractions = credited.Length == 0 ? new Dictionary<Guid, Interactions.Interaction>()
            : (await session.LoadManyAsync<Interactions.Interaction>(ct, credited)).ToDictionary(i => i.Id);

        // The campaign's timeline, newest first, without what is still planned: that has a block of its own.
        var key = TimelineKeys.Campaign(Id);
        var (latest, _) = await TimelineQueries.ReadAsync(session,
            new TimelineFilter { Order = TimelineQueries.Newest, Limit = Latest, Cursor = Cursor }, key, today, ct);
        if (latest is null) Cursor = null; // an unknown cursor: the first page, as the link would have given
        latest ??= (await TimelineQueries.ReadAsync(session, new TimelineFilter { Order = TimelineQueries.Newest, Limit = Latest }, key, today, ct)).Page!;
        LatestEntries = latest.Value.Items;
        MoreCursor = latest.Value.Next;
        var interactionIds = LatestEntries.Select(e => e.InteractionId).OfType<Guid>().Distinct().ToArray();
        LatestInteractions = interactionIds.Length == 0 ? new Dictionary<Guid, Interactions.Interaction>()
            : (await session.LoadManyAsync<Interactions.Interaction>(ct, interactionIds)).ToDictionary(i => i.Id);
        Planned = await TimelineQueries.PlannedAsync(session, key, today, ct);
        return Page();
    }

    /// <summary>The scoreboard per theme as CSV.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var statuses = Enum.GetValues<DemandStatus>();
        var csv = new Csv(["thema", .. statuses.Select(Dutch.Status), "totaal"]);
        foreach (var theme in Score.ByTheme)
            csv.Row([Names.Theme(theme.Theme), .. statuses.Select(s => theme.ByStatus[s].ToString()), theme.ByStatus.Values.Sum().ToString()]);
        csv.Row(["totaal", .. statuses.Select(s => Score.ByStatus[s].ToString()), Score.Demands.ToString()]);
        return File(csv.ToBytes(), "text/csv; charset=utf-8", $"scorebord-{Csv.FileName(Campaign.Name)}.csv");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var campaign = await session.LoadAsync<Campaign>(Id, ct);
        if (campaign is null) return false;
        Campaign = campaign;
        Version = (await session.Events.FetchStreamStateAsync(Id, ct))?.Version ?? 0;
        ModelState.Remove(nameof(Version));
        Demands = await session.Query<Demand>().Where(d => d.CampaignId == Id).ToListAsync(ct);
        Score = ScoreboardQueries.Score(campaign, Demands);
        Names = await Names.LoadAsync(session, ct);
        return true;
    }

    /// <summary>
    /// How many demands reached each step: formulated, raised in a contact moment, supported by a contact, and then adopted or
    /// rejected. A demand that is further along counts for the steps before it too.
    /// </summary>
    public static IReadOnlyList<Bar> FunnelOf(IReadOnlyList<Demand> demands, CampaignScoreboard score)
    {
        var beyondFormulated = new[] { DemandStatus.Raised, DemandStatus.Supported, DemandStatus.Adopted, DemandStatus.Rejected };
        return
        [
            new("Geformuleerd", score.Demands),
            new("Ingebracht", demands.Count(d => d.FirstRaisedOn is not null || beyondFormulated.Contains(d.Status))),
            new("Steun", demands.Count(d => d.Support.Any(s => s.Stance == Stance.Supports) || d.Status is DemandStatus.Supported or DemandStatus.Adopted)),
            new("Overgenomen", score.ByStatus[DemandStatus.Adopted], "bar adopted"),
            new("Afgewezen", score.ByStatus[DemandStatus.Rejected], "bar rejected")
        ];
    }

    private static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
