using Alba;

namespace Campaigns.Tests.Infrastructure;

/// <summary>
/// A host a test starts for itself, stopped at the end of the test. JasperFx's projection coordinator can race its own
/// shutdown (<c>ProjectionCoordinatorBase.stopRunnerAsync</c> on a disposed token source) when several subscriptions stop
/// at once; that exception comes after the test's assertions and says nothing about them, so only it is ignored.
/// </summary>
public sealed class OwnedHost(IAlbaHost host) : IAsyncDisposable
{
    public IAlbaHost Host { get; } = host;

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Host.DisposeAsync();
        }
        catch (ObjectDisposedException e) when (e.StackTrace?.Contains("JasperFx.Events.Daemon.ProjectionCoordinatorBase") == true)
        {
        }
    }
}
