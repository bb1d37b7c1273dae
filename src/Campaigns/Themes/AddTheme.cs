namespace Campaigns.Themes;

public record AddTheme(string Slug, string Label);

public static class AddThemeHandler
{
    public static async Task<ProblemDetails> ValidateAsync(AddTheme command, IQuerySession session, CancellationToken ct)
    {
        var check = new Check()
            .Required("slug", command.Slug, 60)
            .Required("label", command.Label);
        if (!string.IsNullOrEmpty(command.Slug) && !ThemeSlug.IsValid(command.Slug))
            check.Add("slug", "Alleen kleine letters, cijfers en koppeltekens, bijvoorbeeld 'netcongestie'.");
        if (!check.IsValid) return check.ToProblem();

        var existing = await session.LoadAsync<Theme>(Theme.IdFor(command.Slug), ct);
        return existing is null
            ? WolverineContinue.NoProblems
            : Problems.Conflict($"Thema '{command.Slug}' bestaat al.", "slug");
    }

    public static (CommandResult, IStartStream) Handle(AddTheme command)
    {
        var added = Decide(command);
        var id = Theme.IdFor(added.Slug);
        return (CommandResult.Started(id, $"/api/themes/{added.Slug}"), MartenOps.StartStream<Theme>(id, added));
    }

    public static ThemeAdded Decide(AddTheme command) => new(command.Slug.Trim(), command.Label.Trim());
}

public static class AddThemeEndpoint
{
    [WolverinePost("/api/themes", OperationId = "AddTheme"), Tags("Themes"), Authorize(Policy = Policies.Manager), EndpointSummary("Add a theme."), EndpointDescription("Adds a policy theme (slug and label, e.g. `netcongestie`) that contact moments, demands and timelines are filed under. Answers 201 with the theme's location.")]
    public static Task<IResult> Post(AddTheme command, HttpContext http, IMessageBus bus, CancellationToken ct) =>
        bus.AnswerAsync(command, http.User, ct);
}

/// <summary>A new label; the slug, and so every reference to the theme, stays. The theme comes from the route's slug.</summary>
public record RenameTheme(string Label)
{
    public Guid ThemeId { get; init; }
    public long? ExpectedVersion { get; init; }
}

public static class RenameThemeHandler
{
    public static ProblemDetails Validate(RenameTheme command, IEventStream<Theme> stream)
    {
        if (stream.Aggregate is not { } theme) return Problems.NotFound("Dit thema bestaat niet.");
        var check = new Check().Required("label", command.Label);
        // A rename to the name it has is no fact to record.
        if (check.IsValid && command.Label.Trim() == theme.Label) check.Add("label", "Dit thema heet al zo.");
        return check.IsValid ? CommandBus.Unchanged(command.ExpectedVersion, stream) : check.ToProblem();
    }

    public static (CommandResult, Events) Handle(RenameTheme command, [WriteAggregate] IEventStream<Theme> stream) =>
        (CommandResult.Changed(command.ThemeId), [new ThemeRenamed(stream.Aggregate!.Slug, command.Label.Trim())]);
}

public static class RenameThemeEndpoint
{
    [WolverinePost("/api/themes/{slug}/label", OperationId = "RenameTheme"), Tags("Themes"), Authorize(Policy = Policies.Manager), EndpointSummary("Rename a theme's label."), EndpointDescription("Records a new label for the theme; its slug stays, so links and filters keep working.")]
    public static Task<IResult> Post(string slug, RenameTheme command, HttpContext http, IMessageBus bus, CancellationToken ct) =>
        bus.AnswerAsync(http, version => command with { ThemeId = Theme.IdFor(slug), ExpectedVersion = version }, ct);
}

public static class ThemeQueries
{
    [WolverineGet("/api/themes", OperationId = "ListThemes"), Tags("Themes"), EndpointSummary("List the themes."), EndpointDescription("Returns every theme with its slug and current label.")]
    public static Task<IReadOnlyList<Theme>> List(IQuerySession session, CancellationToken ct) =>
        session.Query<Theme>().OrderBy(t => t.Slug).ToListAsync(ct);

    [WolverineGet("/api/themes/{slug}", OperationId = "GetTheme"), Tags("Themes"), EndpointSummary("Read one theme."), EndpointDescription("Returns the theme under the slug, or 404.")]
    public static async Task<IResult> Get(string slug, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<Theme>(Theme.IdFor(slug), ct) is { } theme ? Results.Ok(theme) : Results.NotFound();
}
