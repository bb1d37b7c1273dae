using Marten.Services;

namespace Campaigns.Infrastructure.Commands;

/// <summary>
/// The log position of the last event a command committed, read from the events themselves after the commit (Marten
/// sets their sequence numbers): the answer's <c>Campaigns-Position</c> without another query.
/// </summary>
public sealed class CommittedPosition : DocumentSessionListenerBase
{
    private static readonly AsyncLocal<Holder?> Current = new();

    private sealed class Holder { public long Position; }

    /// <summary>Starts watching the commits of whatever runs next in this async flow (the command's handler).</summary>
    public static void Watch() => Current.Value = new Holder();

    /// <summary>The highest sequence committed since <see cref="Watch"/>, or null when nothing was appended.</summary>
    public static long? Take()
    {
        var position = Current.Value?.Position;
        Current.Value = null;
        return position is > 0 ? position : null;
    }

    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        if (Current.Value is { } holder)
            foreach (var e in commit.GetEvents())
                holder.Position = Math.Max(holder.Position, e.Sequence);
        return Task.CompletedTask;
    }
}
