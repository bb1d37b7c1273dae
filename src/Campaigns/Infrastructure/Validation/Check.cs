using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Campaigns.Infrastructure.Validation;

/// <summary>
/// Collects field errors for a request and turns them into one 400 ValidationProblemDetails naming every failing field.
/// Field names are the JSON names, so a client can put the message next to its input.
/// </summary>
public sealed class Check
{
    public const int ShortText = 200;
    public const int LongText = 4000;

    /// <summary>An empty form field and an absent JSON field mean the same: nothing. Otherwise the text without its outer blanks.</summary>
    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The most ids or names a list in a command may hold; longer lists are refused without looking them up.</summary>
    public const int MaxItems = 50;

    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public Check Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages)) _errors[field] = messages = [];
        messages.Add(message);
        return this;
    }

    public Check Required(string field, string? value, int maxLength = ShortText)
    {
        if (string.IsNullOrWhiteSpace(value)) return Add(field, "Verplicht veld.");
        return MaxLength(field, value, maxLength);
    }

    /// <summary>A correction's text field: absent means unchanged, but a value sent may not be blank.</summary>
    public Check NotBlankIfSent(string field, string? value, int maxLength = ShortText) =>
        That(value is null || value.Trim().Length > 0, field, "Mag niet leeg zijn.").MaxLength(field, value, maxLength);

    /// <summary>What a correction changes in a text: null when it was not sent or equals the current value, blanks aside.</summary>
    public static string? Changed(string? value, string? current) =>
        value is null || value.Trim() == (current ?? "") ? null : value.Trim();

    /// <summary>What a correction changes in a list: null when it was not sent or holds the same items, in any order.</summary>
    public static IReadOnlyList<T>? Changed<T>(IReadOnlyList<T>? value, IReadOnlyList<T> current) =>
        value is null ? null : value.Distinct().ToList() is var distinct && distinct.ToHashSet().SetEquals(current) ? null : distinct;

    public Check MaxLength(string field, string? value, int maxLength)
    {
        if (value is not null && value.Length > maxLength) Add(field, $"Maximaal {maxLength} tekens.");
        return this;
    }

    public Check Required<T>(string field, T? value) where T : struct
    {
        if (value is null) Add(field, "Verplicht veld.");
        return this;
    }

    public Check RequiredId(string field, Guid? value)
    {
        if (value is null || value == Guid.Empty) Add(field, "Verplicht veld.");
        return this;
    }

    /// <summary>Things that already happened cannot lie more than a day ahead (a day of slack covers time zones).</summary>
    public Check HappenedBy(string field, DateOnly? value, DateTimeOffset now)
    {
        if (value is null) return Add(field, "Verplicht veld.");
        if (value.Value > DateOnly.FromDateTime(now.UtcDateTime).AddDays(1)) Add(field, "Mag niet meer dan een dag in de toekomst liggen.");
        if (value.Value.Year < MinYear) Add(field, "Ongeldige datum.");
        return this;
    }

    /// <summary>Dates in queries and filters: beyond these years nothing is recorded, and date arithmetic stays in range.</summary>
    public const int MinYear = 1900, MaxYear = 2999;

    public static bool InYears(DateOnly value) => value.Year is >= MinYear and <= MaxYear;

    /// <summary>A required date of a command: what lies beyond these years is a typing error, and would break date arithmetic.</summary>
    public Check Date(string field, DateOnly? value) => Required(field, value).InRange(field, value);

    public Check InRange(string field, DateOnly? value) =>
        value is { } date && !InYears(date) ? Add(field, $"Een datum tussen {MinYear} en {MaxYear}.") : this;

    public Check InRange(string field, DateTimeOffset? value) =>
        value is { } v && (v.UtcDateTime.Year < MinYear || v.UtcDateTime.Year > MaxYear) ? Add(field, $"Een moment tussen {MinYear} en {MaxYear}.") : this;

    public Check OneOf<T>(string field, T? value) where T : struct, Enum
    {
        if (value is null) Add(field, "Verplicht veld.");
        else if (!Enum.IsDefined(value.Value)) Add(field, "Onbekende waarde.");
        return this;
    }

    public Check NotEmpty<T>(string field, IReadOnlyCollection<T>? values, int max = MaxItems)
    {
        if (values is null || values.Count == 0) return Add(field, "Kies er minstens één.");
        if (values.Count > max) Add(field, $"Maximaal {max}.");
        return this;
    }

    public Check AtMost<T>(string field, IReadOnlyCollection<T>? values, int max = MaxItems)
    {
        if (values is not null && values.Count > max) Add(field, $"Maximaal {max}.");
        return this;
    }

    public Check That(bool condition, string field, string message) => condition ? this : Add(field, message);

    public ProblemDetails ToProblem(string title = "De invoer is niet geldig.") =>
        IsValid
            ? WolverineContinue.NoProblems
            : new ValidationProblemDetails(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = title
            };
}

public static class Problems
{
    public static ProblemDetails NotFound(string what) =>
        new() { Status = StatusCodes.Status404NotFound, Title = "Niet gevonden", Detail = what };

    public static ProblemDetails Conflict(string detail) =>
        new() { Status = StatusCodes.Status409Conflict, Title = "Conflict", Detail = detail };

    /// <summary>A conflict caused by one field's value (a name that is taken): the form shows it next to that field.</summary>
    public static ProblemDetails Conflict(string detail, string field) =>
        new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [detail] })
        {
            Status = StatusCodes.Status409Conflict, Title = "Conflict", Detail = detail
        };
}
