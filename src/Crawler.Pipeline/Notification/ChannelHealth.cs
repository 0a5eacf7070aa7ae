using Crawler.Pipeline.Telemetry;

namespace Crawler.Pipeline.Notification;

/// <summary>
/// Per channel: consecutive failures, deliveries, dead messages. A channel that keeps failing is
/// visible here (run summary, /metrics gauge crawler_alerts_consecutive_failures) instead of being
/// retried silently forever; deliveries also count as crawler.alerts.sent in <see cref="CrawlerMetrics"/>.
/// </summary>
public sealed class ChannelHealth(CrawlerMetrics? metrics = null)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, ChannelHealthEntry> _entries = new(StringComparer.Ordinal);

    public void RecordDelivered(string channel, DateTimeOffset at)
    {
        Update(channel, e => e with { ConsecutiveFailures = 0, Delivered = e.Delivered + 1, LastDeliveredAt = at });
        metrics?.AlertSent(channel);
    }

    /// <returns>The channel's consecutive failures, this one included.</returns>
    public int RecordFailed(string channel, string error, DateTimeOffset at, bool dead) =>
        Update(channel, e => e with
        {
            ConsecutiveFailures = e.ConsecutiveFailures + 1,
            FailedAttempts = e.FailedAttempts + 1,
            Dead = dead ? e.Dead + 1 : e.Dead,
            LastError = error,
            LastFailedAt = at,
        }).ConsecutiveFailures;

    /// <summary>Dead messages already in the outbox when the worker starts (they stay reported after a restart).</summary>
    public void RecordDeadAtStart(string channel, int dead) => Update(channel, e => e with { Dead = Math.Max(e.Dead, dead) });

    public IReadOnlyList<ChannelHealthEntry> Snapshot()
    {
        lock (_gate) return _entries.Values.OrderBy(e => e.Channel, StringComparer.Ordinal).ToList();
    }

    public ChannelHealthEntry For(string channel)
    {
        lock (_gate) return _entries.GetValueOrDefault(channel) ?? ChannelHealthEntry.Empty(channel);
    }

    private ChannelHealthEntry Update(string channel, Func<ChannelHealthEntry, ChannelHealthEntry> change)
    {
        lock (_gate)
        {
            var entry = change(_entries.GetValueOrDefault(channel) ?? ChannelHealthEntry.Empty(channel));
            _entries[channel] = entry;
            return entry;
        }
    }
}
