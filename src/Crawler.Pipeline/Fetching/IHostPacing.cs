namespace Crawler.Pipeline.Fetching;

/// <summary>
/// The per-host turn beyond this process: before a request leaves, <see cref="HostGate"/> takes the server's lease here,
/// so nodes sharing one pacing send one request at a time to a server between them, each the delay after the last one
/// ended, as one node alone does.
/// </summary>
public interface IHostPacing
{
    /// <summary>
    /// Waits until this node holds the turn at the server <paramref name="hostKey"/> (the gate's key, its address). The
    /// lease says when, on this node's clock, it may send; ending it (when the response has been read) starts the
    /// <paramref name="delay"/> before any node's next request there.
    /// </summary>
    ValueTask<IHostLease> AcquireAsync(string hostKey, TimeSpan delay, CancellationToken cancellationToken);
}

/// <summary>One node's turn at a server, held until disposed.</summary>
public interface IHostLease : IDisposable
{
    /// <summary>When this node may send (its own clock); <see cref="DateTimeOffset.MinValue"/> for at once.</summary>
    DateTimeOffset SendAt { get; }
}

/// <summary>
/// One node alone (the embedded default): nothing to share, so every lease is due at once and the gate's own pause
/// (from the end of one request to the start of the next) is the whole rule, as it always was.
/// </summary>
public sealed class NodeLocalHostPacing : IHostPacing, IHostLease
{
    public static NodeLocalHostPacing Instance { get; } = new();

    public DateTimeOffset SendAt => DateTimeOffset.MinValue;

    public ValueTask<IHostLease> AcquireAsync(string hostKey, TimeSpan delay, CancellationToken cancellationToken) => ValueTask.FromResult<IHostLease>(this);

    public void Dispose()
    {
    }
}
