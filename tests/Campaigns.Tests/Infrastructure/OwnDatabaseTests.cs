namespace Campaigns.Tests.Infrastructure;

/// <summary>
/// A test class whose tests start hosts of their own (restarts, second nodes, other settings), on a database created for
/// the class and dropped after it.
/// </summary>
public abstract class OwnDatabaseTests(string prefix) : IAsyncLifetime
{
    protected string ConnectionString { get; private set; } = "";

    public virtual async Task InitializeAsync() => ConnectionString = await TestDatabase.CreateAsync(prefix);

    public virtual Task DisposeAsync() => TestDatabase.DropAsync(ConnectionString);
}
