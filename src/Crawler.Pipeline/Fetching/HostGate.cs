using System.Collections.Concurrent;
using System.Net;

namespace Crawler.Pipeline.Fetching;

/// <summary>
/// At most one request at a time per server, with a pause between the end of one request and the start of the next.
/// A server is its resolved address (<see cref="KeyOfAsync"/>): two host names of one city portal share one gate, and
/// so do all the sources on it. The gate also holds what the server said about itself: a Retry-After pauses every
/// request to it, and a server that keeps the crawler waiting without answering is abandoned for a while once the
/// waiting adds up to <see cref="FetchOptions.MaxHostStall"/>. Beyond this process the turn and the delay are kept by
/// <see cref="IHostPacing"/>: on the shared PostgreSQL store a lease row per server, so several nodes together keep them
/// too; alone (the default) nothing more.
/// </summary>
public sealed class HostGate(TimeProvider time, IHostPacing? pacing = null)
{
    private readonly IHostPacing pacing = pacing ?? NodeLocalHostPacing.Instance;
    private static readonly TimeSpan AddressCacheDuration = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, Slot> slots = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, (string Key, DateTimeOffset At)> addresses = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The gate's key for a URL: its server's address as a plain string ("127.0.0.1", "2001:db8::1") — the lowest of the
    /// addresses its host name resolves to — or the host name itself when it cannot be resolved (the fetch then fails on
    /// its own). Resolutions are kept for five minutes.
    /// </summary>
    public async Task<string> KeyOfAsync(Uri url, CancellationToken cancellationToken)
    {
        var host = url.IdnHost.Trim('[', ']');
        if (IPAddress.TryParse(host, out var literal)) return Normal(literal);
        var now = time.GetUtcNow();
        if (addresses.TryGetValue(host, out var known) && now - known.At < AddressCacheDuration) return known.Key;
        string key;
        try
        {
            var resolved = await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
            key = resolved.Length == 0 ? host.ToLowerInvariant() : resolved.Select(Normal).Order(StringComparer.Ordinal).First();
        }
        catch (System.Net.Sockets.SocketException)
        {
            key = host.ToLowerInvariant();
        }
        addresses[host] = (key, now);
        return key;
    }

    /// <summary>Waits for the server's turn; dispose the turn when the response body has been read.</summary>
    public async Task<HostTurn> EnterAsync(Uri url, TimeSpan delay, CancellationToken cancellationToken)
    {
        var key = await KeyOfAsync(url, cancellationToken).ConfigureAwait(false);
        var slot = slots.GetOrAdd(key, _ => new Slot());
        await slot.Turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Timers count whole milliseconds and may fire a little early (the 10,000-agency load run saw two requests
            // to one host 998 ms apart at a 1 s delay): round up, then check the clock again before going.
            await WaitUntilAsync(Due(slot, delay), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            slot.Turn.Release();
            throw;
        }
        // Then the turn the other nodes agree on (the node's own turn first, so a node waits for at most one lease per server).
        IHostLease? lease = null;
        try
        {
            lease = await pacing.AcquireAsync(key, delay, cancellationToken).ConfigureAwait(false);
            await WaitUntilAsync(lease.SendAt, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            lease?.Dispose();
            slot.Turn.Release();
            throw;
        }
        return new HostTurn(key, slot, lease, time);
    }

    /// <summary>Until when the server asked not to be contacted (Retry-After), if that is later than now.</summary>
    public async Task<DateTimeOffset?> PausedUntilAsync(Uri url, CancellationToken cancellationToken)
    {
        var key = await KeyOfAsync(url, cancellationToken).ConfigureAwait(false);
        return slots.TryGetValue(key, out var slot) && slot.NotBefore > time.GetUtcNow() ? slot.NotBefore : null;
    }

    /// <summary>Why the server is abandoned for now (it kept the crawler waiting too long), or null.</summary>
    public async Task<string?> AbandonedAsync(Uri url, CancellationToken cancellationToken)
    {
        var key = await KeyOfAsync(url, cancellationToken).ConfigureAwait(false);
        return slots.TryGetValue(key, out var slot) && slot.AbandonedUntil > time.GetUtcNow() ? slot.AbandonReason : null;
    }

    private async Task WaitUntilAsync(DateTimeOffset due, CancellationToken cancellationToken)
    {
        while (due - time.GetUtcNow() is var wait && wait > TimeSpan.Zero)
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds)), time, cancellationToken).ConfigureAwait(false);
    }

    private static DateTimeOffset Due(Slot slot, TimeSpan delay)
    {
        var afterLast = slot.LastFinished is { } last ? last + delay : DateTimeOffset.MinValue;
        return afterLast > slot.NotBefore ? afterLast : slot.NotBefore;
    }

    private static string Normal(IPAddress address) =>
        (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();

    internal sealed class Slot
    {
        public SemaphoreSlim Turn { get; } = new(1, 1);

        public DateTimeOffset? LastFinished { get; set; }

        public DateTimeOffset NotBefore { get; set; } = DateTimeOffset.MinValue;

        /// <summary>Time spent waiting for answers that never came, since the server last answered.</summary>
        public TimeSpan Stalled { get; set; }

        public DateTimeOffset AbandonedUntil { get; set; } = DateTimeOffset.MinValue;

        public string? AbandonReason { get; set; }
    }
}

/// <summary>One request's turn at a server: it ends when disposed, and tells the gate what the server did.</summary>
public sealed class HostTurn : IDisposable
{
    private readonly HostGate.Slot slot;
    private readonly IHostLease lease;
    private readonly TimeProvider time;
    private int disposed;

    internal HostTurn(string key, HostGate.Slot slot, IHostLease lease, TimeProvider time)
    {
        Key = key;
        this.slot = slot;
        this.lease = lease;
        this.time = time;
    }

    /// <summary>The gate's key: the server's address.</summary>
    public string Key { get; }

    /// <summary>How much more waiting without an answer this server is allowed before it is abandoned.</summary>
    public TimeSpan StallAllowance(TimeSpan budget) => budget > slot.Stalled ? budget - slot.Stalled : TimeSpan.Zero;

    /// <summary>Retry-After: no request to this server, from any source, before <paramref name="wait"/> has passed.</summary>
    public void PauseServer(TimeSpan wait)
    {
        var until = time.GetUtcNow() + wait;
        if (until > slot.NotBefore) slot.NotBefore = until;
    }

    /// <summary>The server answered: its waiting is forgiven.</summary>
    public void Answered() => slot.Stalled = TimeSpan.Zero;

    /// <summary>
    /// The server kept us waiting <paramref name="waited"/> without answering; when that used up the budget the server
    /// is now abandoned for <paramref name="abandonFor"/>, and the reason comes back.
    /// </summary>
    public string? Stalled(TimeSpan waited, TimeSpan budget, TimeSpan abandonFor)
    {
        slot.Stalled += waited;
        if (slot.Stalled < budget) return null;
        slot.AbandonedUntil = time.GetUtcNow() + abandonFor;
        slot.AbandonReason = $"{Key} kept the crawler waiting {slot.Stalled.TotalSeconds:0} s in all without answering; abandoned for {abandonFor.TotalMinutes:0} min (Fetch:MaxHostStall)";
        slot.Stalled = TimeSpan.Zero;
        return slot.AbandonReason;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0) return;
        slot.LastFinished = time.GetUtcNow();
        try
        {
            lease.Dispose();
        }
        finally
        {
            slot.Turn.Release();
        }
    }
}
