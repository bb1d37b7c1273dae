using System.Text.RegularExpressions;
using Campaigns.Themes;

namespace Campaigns.Parliament;

/// <summary>
/// Where a theme lives in parliament: its committees (afkorting or name, e.g. "EZK"), its kamerstukdossiers (e.g. "36200"
/// or "36200-XIII"), optional keywords, who owns the theme (gets the "inbreng sturen" follow-ups) and how many working
/// days before a debate that follow-up is due.
/// </summary>
public sealed record ParliamentScope(
    IReadOnlyList<string> Committees, IReadOnlyList<string> Dossiers, IReadOnlyList<string> Keywords, string? Owner, int LeadWorkingDays)
{
    public const int DefaultLeadWorkingDays = 5;

    public bool IsEmpty => Committees.Count + Dossiers.Count + Keywords.Count == 0;
}

/// <summary>The whole scope, as the manager last set it.</summary>
public sealed record ThemeParliamentScopeSet(
    string Slug, IReadOnlyList<string> Committees, IReadOnlyList<string> Dossiers, IReadOnlyList<string> Keywords, string? Owner,
    int LeadWorkingDays);

public sealed partial record SetThemeParliamentScope(
    IReadOnlyList<string>? Committees, IReadOnlyList<string>? Dossiers, IReadOnlyList<string>? Keywords, string? Owner,
    int? LeadWorkingDays)
{
    public Guid ThemeId { get; init; }
    public long? ExpectedVersion { get; init; }

    [GeneratedRegex("^[0-9]{1,6}(-[A-Za-z0-9]{1,10})?$")]
    public static partial Regex DossierPattern();
}

public static class SetThemeParliamentScopeHandler
{
    public static async Task<ProblemDetails> ValidateAsync(SetThemeParliamentScope command, IEventStream<Theme> stream, IQuerySession session,
        CancellationToken ct)
    {
        if (stream.Aggregate is null) return Problems.NotFound("Dit thema bestaat niet.");
        var check = new Check()
            .AtMost("committees", command.Committees, 20)
            .AtMost("dossiers", command.Dossiers, 20)
            .AtMost("keywords", command.Keywords, 30)
            .MaxLength("owner", command.Owner, 100);
        foreach (var committee in command.Committees ?? [])
            check.That(committee.Trim().Length is > 0 and <= 100, "committees", "Een commissie is een afkorting of naam van ten hoogste 100 tekens.");
        foreach (var dossier in command.Dossiers ?? [])
            check.That(SetThemeParliamentScope.DossierPattern().IsMatch(dossier.Trim()), "dossiers",
                $"'{dossier}' is geen dossiernummer; schrijf bijvoorbeeld 36200 of 36200-XIII.");
        foreach (var keyword in command.Keywords ?? [])
            check.That(keyword.Trim().Length is >= 3 and <= 60, "keywords", "Een trefwoord heeft 3 tot 60 tekens.");
        check.That(command.LeadWorkingDays is null or (>= 0 and <= 30), "leadWorkingDays", "Kies 0 tot 30 werkdagen.");
        // The owner gets the "inbreng sturen" follow-ups.
        await KnownReferences.CheckActiveUser(check, session, "owner", command.Owner, ct);
        return check.IsValid ? CommandBus.Unchanged(command.ExpectedVersion, stream) : check.ToProblem();
    }

    /// <summary>A scope the theme already has records nothing: sending the same form twice, or an empty one to a theme without a scope.</summary>
    public static (CommandResult, Events) Handle(SetThemeParliamentScope command, [WriteAggregate] IEventStream<Theme> stream)
    {
        var theme = stream.Aggregate!;
        var decided = Decide(command, theme.Slug);
        var current = theme.Parliament ?? new ParliamentScope([], [], [], null, ParliamentScope.DefaultLeadWorkingDays);
        var same = decided.Committees.SequenceEqual(current.Committees) && decided.Dossiers.SequenceEqual(current.Dossiers) &&
                   decided.Keywords.SequenceEqual(current.Keywords) && decided.Owner == current.Owner && decided.LeadWorkingDays == current.LeadWorkingDays;
        return (CommandResult.Changed(command.ThemeId), same ? [] : [decided]);
    }

    public static ThemeParliamentScopeSet Decide(SetThemeParliamentScope command, string slug)
    {
        static List<string> Clean(IReadOnlyList<string>? values) =>
            (values ?? []).Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return new ThemeParliamentScopeSet(slug, Clean(command.Committees), Clean(command.Dossiers), Clean(command.Keywords),
            string.IsNullOrWhiteSpace(command.Owner) ? null : command.Owner.Trim(), command.LeadWorkingDays ?? ParliamentScope.DefaultLeadWorkingDays);
    }
}

public static class SetThemeParliamentScopeEndpoint
{
    [WolverinePost("/api/themes/{slug}/parliament", OperationId = "SetThemeParliamentScope"), Tags("Parliament"), Authorize(Policy = Policies.Manager),
     EndpointSummary("Set a theme's place in parliament."),
     EndpointDescription("Records the theme's committees, kamerstukdossiers, keywords, owner and the working days before a debate that the \"inbreng sturen\" follow-up is due (default 5). Replaces the earlier scope.")]
    public static Task<IResult> Post(string slug, SetThemeParliamentScope command, HttpContext http, IMessageBus bus, CancellationToken ct) =>
        bus.AnswerAsync(http, version => command with { ThemeId = Theme.IdFor(slug), ExpectedVersion = version }, ct);
}
