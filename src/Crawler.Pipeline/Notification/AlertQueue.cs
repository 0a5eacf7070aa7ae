using Crawler.Pipeline.Storage;
using Microsoft.Extensions.Logging;

namespace Crawler.Pipeline.Notification;

/// <summary>
/// Puts an alert into the outbox once per configured channel (topic alert:&lt;channel&gt;, key = the
/// alert's idempotency key); the outbox's unique (topic, key) makes a repeated event a no-op.
/// </summary>
public sealed class AlertQueue(IOutbox outbox, IEnumerable<IAlertChannel> channels, ILogger<AlertQueue> logger)
{
    private readonly IReadOnlyList<IAlertChannel> _channels = channels.ToList();

    public bool HasChannels => _channels.Any(c => c.IsConfigured);

    /// <returns>How many channels got a new message (0 when the event was already queued).</returns>
    public async Task<int> EnqueueAsync(AlertEvent alert, CancellationToken cancellationToken)
    {
        var payload = AlertJson.Serialize(alert);
        var queued = 0;
        foreach (var channel in _channels.Where(c => c.IsConfigured))
        {
            if (await outbox.EnqueueAsync(AlertTopic.For(channel.Name), alert.IdempotencyKey, payload, cancellationToken).ConfigureAwait(false))
                queued++;
        }
        if (queued > 0) logger.Queued(alert.IdempotencyKey, queued);
        return queued;
    }
}
