using System.Collections.Concurrent;

namespace Crawler.Pipeline.Fetching;

/// <summary>robots.txt rules per host, loaded once and kept for a while; concurrent callers share one load.</summary>
internal sealed class RobotsCache(TimeProvider time, TimeSpan duration)
{
    private static readonly TimeSpan UnavailableDuration = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Rules for the URL's host as seen under <paramref name="policy"/>: a source that may not reach an address, or
    /// that checks certificates, must not share a failed load with one that may (and the reverse).
    /// </summary>
    public async Task<RobotsRules> GetAsync(Uri url, string policy, Func<CancellationToken, Task<RobotsRules>> load, CancellationToken cancellationToken)
    {
        // RFC 9309 §2.3: robots.txt applies to one scheme, host and port.
        var key = $"{url.Scheme}://{url.IdnHost}:{url.Port}|{policy}";
        while (true)
        {
            // GetOrAdd may build two entries in a race; only the stored one's Lazy ever starts a load.
            var entry = entries.GetOrAdd(key, _ => new Entry(() => load(cancellationToken)));
            RobotsRules rules;
            try
            {
                rules = await entry.Rules.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested && entry.Rules.IsCanceled)
            {
                // Another caller's cancellation ended the shared load: load again for this caller.
                entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
                continue;
            }

            entry.LoadedAt ??= time.GetUtcNow();
            var lifetime = rules.UnavailableReason is null ? duration : TimeSpan.FromTicks(Math.Min(duration.Ticks, UnavailableDuration.Ticks));
            if (time.GetUtcNow() - entry.LoadedAt.Value < lifetime) return rules;
            entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
        }
    }

    private sealed class Entry(Func<Task<RobotsRules>> load)
    {
        private readonly Lazy<Task<RobotsRules>> rules = new(load);

        public Task<RobotsRules> Rules => rules.Value;

        public DateTimeOffset? LoadedAt { get; set; }
    }
}
