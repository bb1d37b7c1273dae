using Microsoft.AspNetCore.Html;

namespace Campaigns.Web;

public sealed record PickerOption(string Value, string Label, string? Detail = null, string? Group = null);

/// <summary>
/// Choose several from a list: checkboxes that work without script; campaigns.js adds type-ahead filtering and chips.
/// </summary>
public sealed record Picker(
    string Field, string Legend, string SearchLabel, IReadOnlyList<PickerOption> Options, IReadOnlySet<string> Selected,
    IHtmlContent Error, string? Hint = null)
{
    public string? DescribedBy =>
        string.Join(' ', new[] { Hint is null ? null : $"{Field}-hint", Error == HtmlString.Empty ? null : FormPage.ErrorId(Field) }
            .Where(s => s is not null)) is { Length: > 0 } ids ? ids : null;
}
