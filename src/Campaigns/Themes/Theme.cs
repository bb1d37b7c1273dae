using Campaigns.Parliament;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Campaigns.Themes;

public record ThemeAdded(string Slug, string Label);

/// <summary>A rename changes the label only; the slug stays, so history keeps pointing at the same theme.</summary>
public record ThemeRenamed(string Slug, string Label);

/// <summary>A theme of the team's controlled vocabulary, e.g. <c>netcongestie</c> "Netcongestie en energie-infrastructuur".</summary>
public sealed record Theme(Guid Id, string Slug, string Label, int Version)
{
    /// <summary>Its committees, kamerstukdossiers and keywords in parliament; null until a manager sets them.</summary>
    public ParliamentScope? Parliament { get; init; }

    /// <summary>Kamer items (TK ids) already on the theme's timeline.</summary>
    public IReadOnlyList<Guid> QuestionsNoted { get; init; } = [];

    public Theme Apply(WrittenQuestionsNoted e) => this with { QuestionsNoted = [.. QuestionsNoted, e.TkId] };

    public static Theme Create(ThemeAdded e) => new(IdFor(e.Slug), e.Slug, e.Label, 0);

    public Theme Apply(ThemeRenamed e) => this with { Label = e.Label };

    public Theme Apply(ThemeParliamentScopeSet e) =>
        this with { Parliament = new ParliamentScope(e.Committees, e.Dossiers, e.Keywords, e.Owner, e.LeadWorkingDays) };

    /// <summary>A theme's stream id follows from its slug, so a second theme with the same slug collides.</summary>
    public static Guid IdFor(string slug)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("theme:" + slug.Trim().ToLowerInvariant()));
        return new Guid(hash.AsSpan(0, 16));
    }
}

public static partial class ThemeSlug
{
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Pattern();

    public static bool IsValid(string? slug) => slug is { Length: > 0 and <= 60 } && Pattern().IsMatch(slug);
}
