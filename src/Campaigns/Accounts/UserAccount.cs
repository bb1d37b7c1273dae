using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Campaigns.Accounts;

/// <summary>
/// A member of the team who may sign in. Accounts are Marten <em>documents</em>, not event streams, on purpose:
/// they hold secrets (a password hash, token hashes) that must be replaceable and erasable, and an event stream is
/// append-only; nor are they facts about the lobbying work, so they stay out of the audit trail and the timelines.
/// What a user did is recorded on every event they append (Marten's user-name metadata).
/// </summary>
public sealed record UserAccount(
    string Id, string Name, string Role, string? PasswordHash, bool MustChangePassword, string SecurityStamp,
    DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? DisabledAt)
{
    public bool IsActive => DisabledAt is null;

    /// <summary>User names are case-insensitive: the id is the lower-cased name.</summary>
    public static string IdFor(string name) => name.Trim().ToLowerInvariant();
}

/// <summary>An API token, stored as the SHA-256 of the secret; the secret itself is shown once and never stored.</summary>
public sealed record ApiToken(Guid Id, string UserId, string Hash, string? Label, DateTimeOffset CreatedAt, string CreatedBy,
    DateTimeOffset? RevokedAt, string? RevokedBy)
{
    public bool IsRevoked => RevokedAt is not null;
}

public static partial class Secrets
{
    /// <summary>Token prefix, so that a leaked token is easy to recognise in a secret scanner.</summary>
    public const string TokenPrefix = "cmp_";

    /// <summary>32 random bytes, URL-safe base64.</summary>
    public static string NewToken() => TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>A one-time password: 18 random bytes (144 bits), URL-safe base64.</summary>
    public static string NewPassword() => Base64Url(RandomNumberGenerator.GetBytes(18));

    public static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    public static string HashToken(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static bool IsValidUserName(string? name) => name is not null && UserNamePattern().IsMatch(name.Trim());

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{1,59}$")]
    private static partial Regex UserNamePattern();
}
