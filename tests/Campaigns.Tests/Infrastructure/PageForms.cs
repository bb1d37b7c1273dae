using System.Text.RegularExpressions;
using Alba;

namespace Campaigns.Tests.Infrastructure;

/// <summary>Posting a page's form as a browser would: its antiforgery token and cookie first read from the page.</summary>
public static partial class PageForms
{
    public static async Task<IScenarioResult> PostFormAsync(this IAlbaHost host, string url, string? handler, params (string Name, string Value)[] fields)
    {
        var form = await host.ReadFormAsync(url);
        return await host.PostFormAsync(form, handler is null ? url : $"{url}?handler={handler}", fields);
    }

    /// <summary>The page's antiforgery token and cookie, for a post sent later (after something changed meanwhile).</summary>
    public static async Task<(string Token, string Cookie)> ReadFormAsync(this IAlbaHost host, string url)
    {
        var form = await host.Scenario(x => x.Get.Url(url));
        var token = TokenPattern().Match(await form.ReadAsTextAsync()).Groups[1].Value;
        var cookie = string.Join("; ", form.Context.Response.Headers.SetCookie.Select(c => c!.Split(';')[0]));
        return (token, cookie);
    }

    public static Task<IScenarioResult> PostFormAsync(this IAlbaHost host, (string Token, string Cookie) form, string url,
        params (string Name, string Value)[] fields) =>
        host.Scenario(x =>
        {
            x.Post.Url(url);
            x.ConfigureHttpContext(context => context.WriteFormData(
                fields.Append(("__RequestVerificationToken", form.Token)).ToDictionary(f => f.Item1, f => f.Item2)));
            x.WithRequestHeader("Cookie", form.Cookie);
            x.IgnoreStatusCode();
        });

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
