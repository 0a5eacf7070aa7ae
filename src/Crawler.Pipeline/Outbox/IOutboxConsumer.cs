using Crawler.Pipeline.Storage;

namespace Crawler.Pipeline.Outbox;

/// <summary>
/// One kind of outbox message and how to deliver it (the index, the alert channels). The <see cref="OutboxDispatcher"/>
/// claims due messages of each topic, hands them over in batches and records what became of each; the consumer only
/// delivers and says how it went, never touching the outbox itself.
/// </summary>
public interface IOutboxConsumer
{
    /// <summary>The topics delivered, each claimed and paced on its own (the alerts have one per channel).</summary>
    IReadOnlyList<string> Topics { get; }

    /// <summary>Messages claimed per round.</summary>
    int BatchSize { get; }

    /// <summary>How often the worker's loop looks for due messages.</summary>
    TimeSpan PollInterval { get; }

    OutboxRetryPolicy Retry { get; }

    /// <summary>Called once before the first round (e.g. to report the dead messages a restart finds).</summary>
    Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Delivers a batch of one topic and yields each message's outcome as soon as it is known, so it is recorded before
    /// the next is sent. Every message of the batch is yielded once. Never throws for a failed delivery.
    /// </summary>
    IAsyncEnumerable<MessageOutcome> DeliverAsync(string topic, IReadOnlyList<OutboxMessage> batch, CancellationToken cancellationToken);

    /// <summary>Told how the attempt was recorded (for health, metrics and logs).</summary>
    void Settled(string topic, OutboxMessage message, DeliveryOutcome outcome, Settlement settlement);
}
