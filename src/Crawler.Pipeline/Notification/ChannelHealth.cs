using System.Diagnostics.Metrics;

namespace Crawler.Pipeline.Notification;

/// <summary>
/// Per channel: consecutive failures, deliveries, dead messages. A channel that keeps failing is
/// visible here (and as the crawler.alerts.* instruments of the "Crawler.Alerts" meter) instead of
/// being retried silently forever.
/// </summary>
public sealed class ChannelHealth
{
    public const string MeterName = "Crawler.Alerts";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Sent = Meter.CreateCounter<long>("crawler.alerts.sent", description: "Alerts delivered, by channel");
    private static readonly Counter<long> Failures = Meter.CreateCounter<long>("crawler.alerts.failed", description: "Failed delivery attempts, by channel");
    private static readonly Counter<long> DeadLetters = Meter.CreateCounter<long>("crawler.alerts.dead", description: "Alerts given up after the retry budget, by channel");

    private readonly object _gate = new();
    private readonly Dictionary<string, ChannelHealthEntry> _entries = new(StringComparer.Ordinal);

    public void RecordDelivered(string channel, DateTimeOffset at)
    {
        Update(channel, e => e with { ConsecutiveFailures = 0, Delivered = e.Delivered + 1, LastDeliveredAt = at });
        Sent.Add(1, new KeyValuePair<string, object?>("channel", channel));
    }

    /// <returns>The channel's consecutive failures, this one included.</returns>
    public int RecordFailed(string channel, string error, DateTimeOffset at, bool dead)
    {
        var entry = Update(channel, e => e with
        {
            ConsecutiveFailures = e.ConsecutiveFailures + 1,
            FailedAttempts = e.FailedAttempts + 1,
            Dead = dead ? e.Dead + 1 : e.Dead,
            LastError = error,
            LastFailedAt = at,
        });
        Failures.Add(1, new KeyValuePair<string, object?>("channel", channel));
        if (dead) DeadLetters.Add(1, new KeyValuePair<string, object?>("channel", channel));
        return entry.ConsecutiveFailures;
    }

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
