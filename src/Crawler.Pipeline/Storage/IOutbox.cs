namespace Crawler.Pipeline.Storage;

/// <summary>
/// A durable queue in the state database. A message is enqueued in the same breath as the event that
/// causes it and stays until delivered or declared dead, so an outage or a crash loses nothing;
/// (topic, idempotency key) is unique, so an event enqueued twice is delivered once.
/// </summary>
public interface IOutbox
{
    /// <returns>True when the message is new; false when (topic, key) was already queued.</returns>
    Task<bool> EnqueueAsync(string topic, string idempotencyKey, string payload, CancellationToken cancellationToken);

    /// <summary>Pending messages of a topic whose next attempt is due, oldest first.</summary>
    Task<IReadOnlyList<OutboxMessage>> DueAsync(string topic, int max, CancellationToken cancellationToken);

    Task MarkDeliveredAsync(long id, CancellationToken cancellationToken);

    /// <summary>Records a failed attempt; <paramref name="retryAt"/> null declares the message dead.</summary>
    Task MarkFailedAsync(long id, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<OutboxStatus, int>> CountAsync(string topic, CancellationToken cancellationToken);

    /// <summary>Every known topic with its pending count (for /metrics and the run summary).</summary>
    Task<IReadOnlyDictionary<string, int>> PendingByTopicAsync(CancellationToken cancellationToken);
}
