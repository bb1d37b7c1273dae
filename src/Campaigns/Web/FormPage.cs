using System.Text.Encodings.Web;
using System.Globalization;
using Campaigns.Infrastructure.Commands;
using Campaigns.Timelines;
using Marten;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;
using Wolverine.Http;

namespace Campaigns.Web;

/// <summary>
/// A page with a form. The domain's Validate functions decide what is wrong; their ValidationProblemDetails name the JSON
/// field ("subject", "heldOn"), which this class turns into the form field ("Subject", "HappenedOn") so that the Dutch
/// message stands next to the input. Nothing is validated here a second time.
/// </summary>
public abstract class FormPage : PageModel
{
    /// <summary>
    /// A message after a save, shown once on the next page (the layout reads it). It travels in a cookie, so a long
    /// subject or description is cut short: the page it leads to shows it whole.
    /// </summary>
    protected void Flash(string message) => TempData["Notice"] = message.Length <= MaxNotice ? message : message[..(MaxNotice - 1)] + "…";

    public const int MaxNotice = 300;

    /// <summary>A message after a save with a link to where the result shows, e.g. the dashboard.</summary>
    protected void Flash(string message, string linkText, string href)
    {
        Flash(message);
        TempData["NoticeLinkText"] = linkText;
        TempData["NoticeLink"] = href;
    }

    protected string ActingUser => User.Identity?.Name ?? throw new InvalidOperationException("Pages require a signed-in user.");

    protected static bool Passed(ProblemDetails problem) =>
        ReferenceEquals(problem, WolverineContinue.NoProblems) || problem.Status is null or < 400;

    /// <summary>Adds the problem's errors to the form; returns true when there were none.</summary>
    protected bool Accept(ProblemDetails problem, IReadOnlyDictionary<string, string>? fields = null)
    {
        if (Passed(problem)) return true;
        if (problem is ValidationProblemDetails validation && validation.Errors.Count > 0)
        {
            foreach (var (key, messages) in validation.Errors)
            foreach (var message in messages)
                ModelState.AddModelError(fields is not null && fields.TryGetValue(key, out var field) ? field : Pascal(key), message);
        }
        else
        {
            ModelState.AddModelError("", problem.Detail ?? problem.Title ?? "Opslaan is niet gelukt.");
        }
        return false;
    }

    /// <summary>
    /// Sends the page's command through the same Wolverine handler as the API, as the signed-in user. Refusals land on
    /// the form next to their fields; the caller shows the result otherwise.
    /// </summary>
    protected async Task<CommandResult?> SendAsync(IMessageBus bus, object command, CancellationToken ct,
        IReadOnlyDictionary<string, string>? fields = null)
    {
        if (_unreadable.Count > 0)
        {
            foreach (var (field, message) in _unreadable) ModelState.AddModelError(field, message);
            return null;
        }
        var result = await bus.InvokeCommandAsync(command, ActingUser, ct);
        if (result.Problem is { } problem && !Accept(problem, fields)) return null;
        if (result.Id is { } id) await RememberPositionAsync(id, ct, result.Position);
        return result;
    }

    /// <summary>The timelines are projected after the commit: the next timeline page this user opens waits for this stream's write.</summary>
    protected async Task RememberPositionAsync(Guid streamId, CancellationToken ct, long? committed = null)
    {
        var position = committed ?? await HttpContext.RequestServices.GetRequiredService<TimelineProgress>().OfStreamAsync(streamId, ct);
        Response.Cookies.Append(PositionCookie, position.ToString(CultureInfo.InvariantCulture),
            new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = Request.IsHttps, IsEssential = true });
    }

    /// <summary>
    /// Fields the browser sent but the binder could not read (a date "2026-13-45", a kind "Fax"). The binder leaves the
    /// property empty or at its default, so the command would call the field missing, or take the default.
    /// </summary>
    private IReadOnlyList<(string Field, string Message)> _unreadable = [];

    /// <summary>
    /// Drops the binder's own messages, so that the domain's rules speak for the form, but remembers the fields that held
    /// something unreadable: <see cref="SendAsync"/> refuses those instead of sending the command.
    /// </summary>
    protected void ClearBindingErrors()
    {
        _unreadable = Unreadable(ModelState).Select(e => (e.Field, IsDate(e.Field) ? "Geen geldige datum." : "Geen geldige waarde.")).ToList();
        ModelState.Clear();
    }

    /// <summary>The fields that held a value the binder could not convert, with that value: for forms and filters alike.</summary>
    public static IEnumerable<(string Field, string Value)> Unreadable(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state) =>
        state.Where(e => e.Value is { Errors.Count: > 0, AttemptedValue.Length: > 0 }).Select(e => (e.Key, e.Value!.AttemptedValue!));

    private bool IsDate(string field) =>
        GetType().GetProperty(field)?.PropertyType is { } type && (Nullable.GetUnderlyingType(type) ?? type) is var t
        && (t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset));

    /// <summary>The version a form was read at; a form without one is not checked, like a request without If-Match.</summary>
    protected static long? ReadAt(long formVersion) => formVersion > 0 ? formVersion : null;

    private const string PositionCookie = "campaigns-position";

    /// <summary>Waits (bounded) until the timelines show the last command this user sent from a page.</summary>
    public static async Task WaitForOwnWritesAsync(HttpContext http, CancellationToken ct)
    {
        if (long.TryParse(http.Request.Cookies[PositionCookie], NumberStyles.None, CultureInfo.InvariantCulture, out var position))
            await http.RequestServices.GetRequiredService<TimelineProgress>().WaitForAsync(position, ct);
    }

    public bool HasError(string field) => ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0;

    /// <summary>For <c>aria-invalid</c>: "true" or no attribute at all.</summary>
    public string? Invalid(string field) => HasError(field) ? "true" : null;

    /// <summary>For <c>aria-describedby</c>: the field's error and hint, when present.</summary>
    public string? DescribedBy(string field, string? hint = null)
    {
        var ids = new List<string>();
        if (hint is not null) ids.Add(hint);
        if (HasError(field)) ids.Add(ErrorId(field));
        return ids.Count == 0 ? null : string.Join(' ', ids);
    }

    public static string ErrorId(string field) => field.Replace('.', '-') + "-error";

    public IHtmlContent FieldError(string field)
    {
        if (!ModelState.TryGetValue(field, out var entry) || entry.Errors.Count == 0) return HtmlString.Empty;
        var text = string.Join(" ", entry.Errors.Select(e => e.ErrorMessage));
        return new HtmlString($"<p class=\"field-error\" id=\"{ErrorId(field)}\">{HtmlEncoder.Default.Encode(text)}</p>");
    }

    /// <summary>
    /// Every error, with a link to its field, for the summary at the top of the form: errors without a field first, then
    /// the fields in the order of <see cref="FieldLabels"/> (form order), not in the order the rules checked them.
    /// </summary>
    public IReadOnlyList<(string Field, string Message)> AllErrors()
    {
        var order = FieldLabels.Keys.Select((field, n) => (field, n)).ToDictionary(x => x.field, x => x.n);
        return ModelState
            .OrderBy(e => e.Key.Length == 0 ? -1 : order.GetValueOrDefault(e.Key, int.MaxValue))
            .SelectMany(e => e.Value!.Errors.Select(x =>
                (e.Key, FieldLabels.TryGetValue(e.Key, out var label) ? $"{label}: {x.ErrorMessage}" : x.ErrorMessage)))
            .ToList();
    }

    /// <summary>The Dutch label of each field, in form order, so that the summary says which field a message is about.</summary>
    protected virtual IReadOnlyDictionary<string, string> FieldLabels { get; } = new Dictionary<string, string>();

    private static string Pascal(string key) => key.Length == 0 ? key : char.ToUpperInvariant(key[0]) + key[1..];
}
