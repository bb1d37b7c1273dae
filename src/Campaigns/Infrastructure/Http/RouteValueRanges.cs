namespace Campaigns.Infrastructure.Http;

/// <summary>
/// Path values are input too: an empty id (<c>00000000-…</c>) or an overlong value is refused with a 400 naming the
/// path parameter before any endpoint loads a stream for it.
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
                    : Guid.TryParse(text, out var id) && id == Guid.Empty ? "Geen geldig id."
                    : null;
                if (problem is null) continue;
                await Results.ValidationProblem(new Dictionary<string, string[]> { [name] = [problem] }).ExecuteAsync(context);
                return;
            }
        }
        await next(context);
    }
}
