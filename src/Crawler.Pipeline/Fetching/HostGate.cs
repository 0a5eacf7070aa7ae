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
            if (slot.LastFinished is { } last)
            {
                var wait = last + delay - time.GetUtcNow();
                if (wait > TimeSpan.Zero) await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }
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
