using Marten;
using Microsoft.AspNetCore.Identity;

namespace Campaigns.Accounts;

/// <summary>What a new account's owner is told once: the one-time password and an API token. Never logged.</summary>
public sealed record NewCredentials(string Name, string Role, string OneTimePassword, Guid TokenId, string Token) : Infrastructure.Commands.IShownOnce;

/// <summary>Creates accounts, checks passwords, issues and revokes API tokens.</summary>
public sealed class UserDirectory(IDocumentStore store, TimeProvider clock)
{
    private static readonly PasswordHasher<UserAccount> Hasher = new();

    /// <summary>Checked against when the user name is unknown, so that the answer takes as long either way.</summary>
    private static readonly string DummyHash = Hasher.HashPassword(null!, Secrets.NewPassword());

    public const int MinimumPasswordLength = 12;

    public async Task<bool> AnyUsersAsync(CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        return await session.Query<UserAccount>().AnyAsync(ct);
    }

    public async Task<UserAccount?> FindAsync(string name, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<UserAccount>(UserAccount.IdFor(name), ct);
    }

    /// <summary>A new account with a one-time password (to be changed at first sign-in) and an API token.</summary>
    public async Task<NewCredentials> AddAsync(string name, string role, string createdBy, CancellationToken ct = default)
    {
        var (account, apiToken, credentials) = NewAccount(name, role, createdBy, clock.GetUtcNow());
        await using var session = store.LightweightSession();
        // Insert, not Store: a second account with the same name fails instead of overwriting the first.
        session.Insert(account);
        session.Insert(apiToken);
        await session.SaveChangesAsync(ct);
        return credentials;
    }

    /// <summary>The documents of a new account and what its owner is told once; the caller stores them (with Insert).</summary>
    public static (UserAccount Account, ApiToken Token, NewCredentials Credentials) NewAccount(string name, string role, string createdBy, DateTimeOffset now)
    {
        if (!Secrets.IsValidUserName(name)) throw new ArgumentException($"Invalid user name '{name}'.", nameof(name));
        if (!Roles.IsKnown(role)) throw new ArgumentException($"Unknown role '{role}'.", nameof(role));

        var password = Secrets.NewPassword();
        var token = Secrets.NewToken();
        var account = new UserAccount(UserAccount.IdFor(name), name.Trim(), role, null, true, Secrets.NewStamp(), now, createdBy, null);
        account = account with { PasswordHash = Hasher.HashPassword(account, password) };
        var apiToken = new ApiToken(Guid.CreateVersion7(), account.Id, Secrets.HashToken(token), "aangemaakt met het account", now, createdBy, null, null);
        return (account, apiToken, new NewCredentials(account.Name, role, password, apiToken.Id, token));
    }

    /// <summary>A new API token for the account and its secret, which is shown once and never stored.</summary>
    public static (ApiToken Token, string Secret) NewToken(UserAccount account, string? label, string issuedBy, DateTimeOffset now)
    {
        var secret = Secrets.NewToken();
        return (new ApiToken(Guid.CreateVersion7(), account.Id, Secrets.HashToken(secret), label, now, issuedBy, null, null), secret);
    }

    /// <summary>The account whose password this is, or null; a legacy hash is upgraded on the way.</summary>
    public async Task<UserAccount?> VerifyPasswordAsync(string name, string password, CancellationToken ct = default)
    {
        var account = Secrets.IsValidUserName(name) ? await FindAsync(name, ct) : null;
        if (account is not { IsActive: true, PasswordHash: { } hash })
        {
            Hasher.VerifyHashedPassword(null!, DummyHash, password);
            return null;
        }

        var result = Hasher.VerifyHashedPassword(account, hash, password);
        if (result == PasswordVerificationResult.Failed) return null;
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            account = account with { PasswordHash = Hasher.HashPassword(account, password) };
            await using var session = store.LightweightSession();
            session.Store(account);
            await session.SaveChangesAsync(ct);
        }
        return account;
    }

    /// <summary>Sets a new password after checking the current one; a new security stamp signs out other sessions.</summary>
    public async Task<UserAccount?> ChangePasswordAsync(string name, string currentPassword, string newPassword, CancellationToken ct = default)
    {
        var account = await VerifyPasswordAsync(name, currentPassword, ct);
        if (account is null) return null;
        account = account with
        {
            PasswordHash = Hasher.HashPassword(account, newPassword), MustChangePassword = false, SecurityStamp = Secrets.NewStamp()
        };
        await using var session = store.LightweightSession();
        session.Store(account);
        await session.SaveChangesAsync(ct);
        return account;
    }

    public async Task<(ApiToken Token, string Secret)?> IssueTokenAsync(string userName, string? label, string issuedBy, CancellationToken ct = default)
    {
        await using var session = store.LightweightSession();
        var account = await session.LoadAsync<UserAccount>(UserAccount.IdFor(userName), ct);
        if (account is null) return null;
        var (token, secret) = NewToken(account, label, issuedBy, clock.GetUtcNow());
        session.Insert(token);
        await session.SaveChangesAsync(ct);
        return (token, secret);
    }

    /// <summary>False when there is no such token. Revoking twice keeps the first revocation.</summary>
    public async Task<bool> RevokeTokenAsync(Guid tokenId, string revokedBy, CancellationToken ct = default)
    {
        await using var session = store.LightweightSession();
        var token = await session.LoadAsync<ApiToken>(tokenId, ct);
        if (token is null) return false;
        if (token.IsRevoked) return true;
        session.Store(token with { RevokedAt = clock.GetUtcNow(), RevokedBy = revokedBy });
        await session.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// The active account behind a bearer token, or null for an unknown or revoked token. Every API request asks, so
    /// token and account come in one query (on the unique hash index).
    /// </summary>
    public async Task<(UserAccount Account, ApiToken Token)?> FindByTokenAsync(string secret, CancellationToken ct = default)
    {
        var hash = Secrets.HashToken(secret);
        var schema = store.Options.Schema;
        await using var session = store.QuerySession();
        var found = await session.AdvancedSql.QueryAsync<ApiToken, UserAccount>(
            $"""
            select row(t.data), row(a.data)
            from {schema.For<ApiToken>()} t join {schema.For<UserAccount>()} a on a.id = t.data ->> 'userId'
            where t.data ->> 'hash' = ?
            """, ct, hash);
        if (found is not [var (token, account)] || token.IsRevoked) return null;
        return account.IsActive ? (account, token) : null;
    }

    public async Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        return await session.Query<UserAccount>().OrderBy(u => u.Id).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<ApiToken>> TokensAsync(string userName, CancellationToken ct = default)
    {
        var id = UserAccount.IdFor(userName);
        await using var session = store.QuerySession();
        return await session.Query<ApiToken>().Where(t => t.UserId == id).OrderBy(t => t.CreatedAt).ToListAsync(ct);
    }

    /// <summary>A new role or a disabled account; a new security stamp ends the account's cookie sessions.</summary>
    public async Task<UserAccount?> UpdateAsync(string userName, Func<UserAccount, UserAccount> change, CancellationToken ct = default)
    {
        await using var session = store.LightweightSession();
        var account = await session.LoadAsync<UserAccount>(UserAccount.IdFor(userName), ct);
        if (account is null) return null;
        account = change(account) with { SecurityStamp = Secrets.NewStamp() };
        session.Store(account);
        await session.SaveChangesAsync(ct);
        return account;
    }
}
