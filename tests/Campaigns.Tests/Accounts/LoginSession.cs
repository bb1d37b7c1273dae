using System.Text.RegularExpressions;
using Alba;
using Campaigns.Tests.Infrastructure;

namespace Campaigns.Tests.Accounts;

/// <summary>A browser's view of the login page: the cookies it was given and the antiforgery token in the form.</summary>
public sealed partial class LoginSession(IAlbaHost host)
{
    private readonly Dictionary<string, string> _cookies = new();

    public string? FormToken { get; private set; }

    public string CookieHeader => string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}"));

    public bool Has(string cookie) => _cookies.ContainsKey(cookie);

    public async Task<IScenarioResult> Get(string url, int status = 200)
    {
        var result = await host.Scenario(x =>
        {
            x.Get.Url(url);
            x.Anonymous();
            if (_cookies.Count > 0) x.WithRequestHeader("Cookie", CookieHeader);
            x.StatusCodeShouldBe(status);
        });
        await Remember(result);
        return result;
    }

    /// <summary>Posts the form with the cookies held so far and, unless told not to, the page's antiforgery token.</summary>
    public async Task<IScenarioResult> Post(string url, Dictionary<string, string> form, int status, bool withToken = true)
    {
        var fields = new Dictionary<string, string>(form);
        if (withToken && FormToken is not null) fields["__RequestVerificationToken"] = FormToken;
        var result = await host.Scenario(x =>
        {
            x.Post.FormData(fields).ToUrl(url);
            x.Anonymous();
            if (_cookies.Count > 0) x.WithRequestHeader("Cookie", CookieHeader);
            x.StatusCodeShouldBe(status);
        });
        await Remember(result);
        return result;
    }

    private async Task Remember(IScenarioResult result)
    {
        foreach (var header in result.Context.Response.Headers.SetCookie)
        {
            var pair = header!.Split(';')[0].Split('=', 2);
            if (pair[1].Length == 0) _cookies.Remove(pair[0]); else _cookies[pair[0]] = pair[1];
        }
        if (result.Context.Response.ContentType?.StartsWith("text/html") == true
            && TokenField().Match(await result.ReadAsTextAsync()) is { Success: true } match)
            FormToken = System.Net.WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
