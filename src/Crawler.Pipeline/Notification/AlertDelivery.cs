using System.Runtime.CompilerServices;
using System.Text.Json;
using Crawler.Pipeline.Faults;
using Crawler.Pipeline.Outbox;
using Crawler.Pipeline.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Crawler.Pipeline.Notification;

/// <summary>
/// The alert channels as an outbox consumer: topic alert:&lt;channel&gt; per configured channel, each message sent on its
/// own and recorded before the next is sent, so a crash between sending and recording repeats at most one delivery
/// (the Idempotency-Key lets a webhook receiver drop it). Failures are retried with the <c>Alerts:Retry</c> backoff
/// and, after the budget, declared dead and reported (log + <see cref="ChannelHealth"/>).
/// </summary>
public sealed class AlertDelivery : IOutboxConsumer
{
    private readonly IOutbox _outbox;
    private readonly IOptions<AlertOptions> _options;
    private readonly ChannelHealth _health;
    private readonly TimeProvider _time;
    private readonly ILogger<AlertDelivery> _logger;
    private readonly IReadOnlyDictionary<string, IAlertChannel> _channels;

    public AlertDelivery(IOutbox outbox, IEnumerable<IAlertChannel> channels, IOptions<AlertOptions> options, ChannelHealth health, TimeProvider time,
        ILogger<AlertDelivery> logger)
    {
        _outbox = outbox;
        _options = options;
        _health = health;
        _time = time;
        _logger = logger;
        _channels = channels.Where(c => c.IsConfigured).ToDictionary(c => AlertTopic.For(c.Name), StringComparer.Ordinal);
    }

    public IReadOnlyList<string> Topics => [.. _channels.Keys];

    public int BatchSize => 50;

    public TimeSpan PollInterval => _options.Value.PollInterval;

    public OutboxRetryPolicy Retry => _options.Value.Retry.Policy;

    /// <summary>Dead messages already in the outbox when the worker starts stay reported after a restart.</summary>
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        foreach (var channel in _channels.Values)
        {
            var counts = await _outbox.CountAsync(AlertTopic.For(channel.Name), cancellationToken).ConfigureAwait(false);
            _health.RecordDeadAtStart(channel.Name, counts.GetValueOrDefault(OutboxStatus.Dead));
        }
    }

    public async IAsyncEnumerable<MessageOutcome> DeliverAsync(string topic, IReadOnlyList<OutboxMessage> batch,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = _channels[topic];
        foreach (var message in batch)
        {
            var outcome = await SendAsync(channel, message, cancellationToken).ConfigureAwait(false);
            if (outcome.Verdict == DeliveryVerdict.Delivered) CrashPoint.Reach(CrashPhase.AlertDelivery);
            yield return new MessageOutcome(message, outcome);
        }
    }

    public void Settled(string topic, OutboxMessage message, DeliveryOutcome outcome, Settlement settlement)
    {
        var channel = _channels[topic].Name;
        var now = _time.GetUtcNow();
        if (settlement.Kind == SettlementKind.Delivered)
        {
            _health.RecordDelivered(channel, now);
            _logger.Delivered(message.IdempotencyKey, channel);
            return;
        }
        var error = outcome.Error ?? "unknown failure";
        var dead = settlement.Kind == SettlementKind.Dead;
        var failures = _health.RecordFailed(channel, error, now, dead);
        if (dead) _logger.Dead(message.IdempotencyKey, channel, settlement.Attempt, error);
        else _logger.WillRetry(message.IdempotencyKey, channel, settlement.Attempt, Retry.MaxAttempts, settlement.RetryAt!.Value, error);
        if (failures == _options.Value.Retry.FailingThreshold) _logger.ChannelFailing(channel, failures, error);
    }

    private async Task<DeliveryOutcome> SendAsync(IAlertChannel channel, OutboxMessage message, CancellationToken cancellationToken)
    {
        AlertEvent alert;
        try
        {
            alert = AlertJson.Deserialize(message.Payload);
        }
        catch (JsonException exception)
        {
            return DeliveryOutcome.Undeliverable($"payload is not an alert: {exception.Message}");
        }
        try
        {
            var result = await channel.SendAsync(alert, cancellationToken).ConfigureAwait(false);
            return result.Delivered ? DeliveryOutcome.Delivered : DeliveryOutcome.Failed(result.Error ?? "unknown failure");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A defect in one message's rendering must not stop every other alert; it is logged with its
            // stack and ends up dead and reported like any delivery that keeps failing.
            _logger.Defect(exception, message.IdempotencyKey, channel.Name);
            return DeliveryOutcome.Failed($"defect: {exception.GetType().Name}: {exception.Message}");
        }
    }
}
