namespace Campaigns.Infrastructure.Http;

/// <summary>
/// Path values and query strings are input too: an empty id (<c>00000000-…</c>) or an overlong path value is refused
/// with a 400 naming the path parameter before any endpoint loads a stream for it, and a NUL character anywhere (which
/// PostgreSQL text cannot hold) with a 400 naming the parameter.
/// </summary>
public sealed class RouteValueRanges(RequestDelegate next)
{
    private const int MaxLength = 200;

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            foreach (var (name, value) in context.Request.RouteValues)
            {
                if (value is not string text) continue;
                var problem = text.Length > MaxLength ? $"Maximaal {MaxLength} tekens."
                    : text.Contains('\0') ? "Ongeldig teken."
                    : Guid.TryParse(text, out var id) && id == Guid.Empty ? "Geen geldig id."
                    : null;
                if (problem is null) continue;
                await Results.ValidationProblem(new Dictionary<string, string[]> { [name] = [problem] }).ExecuteAsync(context);
                return;
            }
        }
        // Pages too: their filters reach the same queries.
        foreach (var (name, values) in context.Request.Query)
        {
            if (!values.Any(v => v?.Contains('\0') == true)) continue;
            await Results.ValidationProblem(new Dictionary<string, string[]> { [name] = ["Ongeldig teken."] }).ExecuteAsync(context);
            return;
        }
        await next(context);
    }
}
