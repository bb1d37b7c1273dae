using Marten;
using Npgsql;

namespace Campaigns.Infrastructure;

/// <summary>
/// One database transaction under a PostgreSQL advisory lock, with a Marten session that flushes into it: for bulk work
/// (demo data, imports) that must land whole or not at all, and never twice when two nodes start it at once.
/// </summary>
public sealed class LockedTransaction : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;

    private LockedTransaction(NpgsqlConnection connection, NpgsqlTransaction transaction, IDocumentSession session)
    {
        _connection = connection;
        _transaction = transaction;
        Session = session;
    }

    /// <summary>Every SaveChanges flushes into the transaction, and the session's reads see what it flushed.</summary>
    public IDocumentSession Session { get; }

    public static async Task<LockedTransaction> BeginAsync(IDocumentStore store, long lockKey, CancellationToken ct)
    {
        // Schema changes first, outside the transaction: DDL on another connection must not wait for locks we hold.
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

        var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        var transaction = await connection.BeginTransactionAsync(ct);
        await TakeAsync(connection, transaction, lockKey, ct);
        return new LockedTransaction(connection, transaction, store.LightweightSession(Marten.Services.SessionOptions.ForTransaction(transaction)));
    }

    /// <summary>A transaction-scoped advisory lock: released by the commit or rollback, never left behind.</summary>
    public static async Task TakeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long lockKey, CancellationToken ct)
    {
        await using var take = new NpgsqlCommand("select pg_advisory_xact_lock(@key)", connection, transaction);
        take.Parameters.AddWithValue("key", lockKey);
        await take.ExecuteNonQueryAsync(ct);
    }

    public Task CommitAsync(CancellationToken ct) => _transaction.CommitAsync(ct);

    public async ValueTask DisposeAsync()
    {
        await Session.DisposeAsync();
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}

/// <summary>
/// A session-level advisory lock on a connection of its own, for work that commits in several transactions of its own
/// (the demo data) and must still not run twice at once.
/// </summary>
public sealed class SessionAdvisoryLock(NpgsqlConnection connection, long key) : IAsyncDisposable
{
    public static async Task<SessionAdvisoryLock> TakeAsync(IDocumentStore store, long key, CancellationToken ct)
    {
        var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var take = new NpgsqlCommand("select pg_advisory_lock(@key)", connection);
        take.Parameters.AddWithValue("key", key);
        await take.ExecuteNonQueryAsync(ct);
        return new SessionAdvisoryLock(connection, key);
    }

    /// <summary>The lock if no one else holds it, else null at once: for work that one node does and the others skip.</summary>
    public static async Task<SessionAdvisoryLock?> TryTakeAsync(IDocumentStore store, long key, CancellationToken ct)
    {
        var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var take = new NpgsqlCommand("select pg_try_advisory_lock(@key)", connection);
        take.Parameters.AddWithValue("key", key);
        if ((bool)(await take.ExecuteScalarAsync(ct))!) return new SessionAdvisoryLock(connection, key);
        await connection.DisposeAsync();
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await using (var release = new NpgsqlCommand("select pg_advisory_unlock(@key)", connection))
        {
            release.Parameters.AddWithValue("key", key);
            await release.ExecuteNonQueryAsync();
        }
        await connection.DisposeAsync();
    }
}
