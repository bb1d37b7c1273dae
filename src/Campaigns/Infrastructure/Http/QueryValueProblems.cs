namespace Campaigns.Infrastructure.Http;

/// <summary>
/// Wolverine refuses a query value it cannot parse (<c>RejectUnparseableQueryValues</c>) with an English problem that
/// names the .NET type ("… expected type System.Guid") and has no <c>errors</c>. Its problem goes through the
/// ProblemDetails service, so it is rewritten here as the API's other refusals read: <c>errors</c> keyed by the
/// parameter, in Dutch.
/// </summary>
public static class QueryValueProblems
{
    private const string WolverineTitle = "Invalid query string value";

    public static void InDutch(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Title != WolverineTitle || !problem.Extensions.TryGetValue("parameter", out var named) || named is not string parameter) return;
        var expected = problem.Detail?.Split(' ').LastOrDefault() ?? "";
        problem.Title = "De invoer is niet geldig.";
        problem.Detail = $"De waarde van '{parameter}' in de query is niet te lezen.";
        problem.Extensions["errors"] = new Dictionary<string, string[]> { [parameter] = [MessageFor(expected)] };
    }

    private static string MessageFor(string expectedType) => expectedType.TrimEnd('?') switch
    {
        "System.Guid" or "Guid" => "Geen geldig id.",
        "System.DateOnly" or "DateOnly" or "System.DateTime" or "DateTime" => "Geen geldige datum (jjjj-mm-dd).",
        "System.DateTimeOffset" or "DateTimeOffset" => "Geen geldig moment (jjjj-mm-dd of jjjj-mm-ddTuu:mm:ss+01:00).",
        "System.Int32" or "int" or "System.Int64" or "long" or "System.Decimal" or "decimal" or "System.Double" or "double" => "Vul een getal in.",
        "System.Boolean" or "bool" => "Kies true of false.",
        _ => "Geen geldige waarde."
    };
}
