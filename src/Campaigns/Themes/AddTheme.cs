using Campaigns.Accounts;
using Campaigns.Infrastructure.Http;
using Campaigns.Infrastructure.Validation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace Campaigns.Themes;

public record AddTheme(string Slug, string Label);

public static class AddThemeEndpoint
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
            : Problems.Conflict($"Thema '{command.Slug}' bestaat al.");
    }

    [WolverinePost("/api/themes"), Tags("Themes"), Authorize(Policy = Policies.Manager)]
    public static (Created, IStartStream) Post(AddTheme command)
    {
        var added = new ThemeAdded(command.Slug.Trim(), command.Label.Trim());
        var id = Theme.IdFor(added.Slug);
        return (new Created(id, $"/api/themes/{added.Slug}"), MartenOps.StartStream<Theme>(id, added));
    }
}

public record RenameTheme(string Label);

public static class RenameThemeEndpoint
{
    public static ProblemDetails Validate(RenameTheme command) => new Check().Required("label", command.Label).ToProblem();

    [WolverinePost("/api/themes/{slug}/label"), Tags("Themes"), Authorize(Policy = Policies.Manager)]
    public static async Task<IResult> Post(string slug, RenameTheme command, IDocumentSession session, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Theme>(Theme.IdFor(slug), ct);
        if (stream.Aggregate is null) return Results.NotFound();
        stream.AppendOne(new ThemeRenamed(stream.Aggregate.Slug, command.Label.Trim()));
        return Results.NoContent();
    }
}

public static class ThemeQueries
{
    [WolverineGet("/api/themes"), Tags("Themes")]
    public static Task<IReadOnlyList<Theme>> List(IQuerySession session, CancellationToken ct) =>
        session.Query<Theme>().OrderBy(t => t.Slug).ToListAsync(ct);

    [WolverineGet("/api/themes/{slug}"), Tags("Themes")]
    public static async Task<IResult> Get(string slug, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<Theme>(Theme.IdFor(slug), ct) is { } theme ? Results.Ok(theme) : Results.NotFound();
}
