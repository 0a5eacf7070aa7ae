using System.Collections.Concurrent;

namespace Crawler.Pipeline.Fetching;

/// <summary>
/// At most one request at a time per host (scheme, host and port), with a pause between the end of one request and
/// the start of the next. Shared by every source, because several agencies often live on one city portal.
/// </summary>
public sealed class HostGate(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Slot> slots = new(StringComparer.OrdinalIgnoreCase);

    public static string KeyOf(Uri url) => $"{url.Scheme}://{url.IdnHost}:{url.Port}";

    /// <summary>Waits for the host's turn; dispose the lease when the response body has been read.</summary>
    public async Task<IDisposable> EnterAsync(Uri url, TimeSpan delay, CancellationToken cancellationToken)
    {
        var slot = slots.GetOrAdd(KeyOf(url), _ => new Slot());
        await slot.Turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Timers count whole milliseconds and may fire a little early (the 10,000-agency load run saw two requests
            // to one host 998 ms apart at a 1 s delay): round up, then check the clock again before going.
            while (slot.LastFinished is { } last && last + delay - time.GetUtcNow() is var wait && wait > TimeSpan.Zero)
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds)), time, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            slot.Turn.Release();
            throw;
        }
        return new Lease(slot, time);
    }

    private sealed class Slot
    {
        public SemaphoreSlim Turn { get; } = new(1, 1);

        public DateTimeOffset? LastFinished { get; set; }
    }

    private sealed class Lease(Slot slot, TimeProvider time) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) != 0) return;
            slot.LastFinished = time.GetUtcNow();
            slot.Turn.Release();
        }
    }
}
