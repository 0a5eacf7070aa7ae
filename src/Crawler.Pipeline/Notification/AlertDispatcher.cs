using System.Data.Common;
using System.Text.Json;
using Crawler.Pipeline.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Crawler.Pipeline.Faults;

namespace Crawler.Pipeline.Notification;

/// <summary>
/// Delivers due alert messages channel by channel, retries failures with exponential backoff stored in
/// the outbox (so a restart keeps the schedule), and after the retry budget declares a message dead and
/// reports it (log + <see cref="ChannelHealth"/>). A crash between sending and recording can repeat one
/// delivery; the Idempotency-Key lets a webhook receiver drop it.
/// </summary>
public sealed class AlertDispatcher(
    IOutbox outbox,
    IEnumerable<IAlertChannel> channels,
    IOptions<AlertOptions> options,
    ChannelHealth health,
    TimeProvider time,
    ILogger<AlertDispatcher> logger) : BackgroundService
{
    private const int BatchSize = 50;
    private readonly IReadOnlyList<IAlertChannel> _channels = channels.Where(c => c.IsConfigured).ToList();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _started;

    /// <summary>One pass over every configured channel's due messages (the worker's loop, tests and the CLI call this).</summary>
    public async Task<DispatchReport> DeliverDueAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_started) await RecordDeadAtStartAsync(cancellationToken).ConfigureAwait(false);
            var report = DispatchReport.None;
            foreach (var channel in _channels) report = report.Add(await DeliverAsync(channel, cancellationToken).ConfigureAwait(false));
            return report;
        }
        finally
        {
            _gate.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.PollInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DeliverDueAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (DbException exception)
            {
                // The state database being briefly locked or full must not stop the worker; messages wait in it.
                logger.OutboxUnavailable(exception, interval);
            }
            try
            {
                await Task.Delay(interval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task<DispatchReport> DeliverAsync(IAlertChannel channel, CancellationToken cancellationToken)
    {
        var report = DispatchReport.None;
        var seen = new HashSet<long>();
        while (true)
        {
            var due = await outbox.DueAsync(AlertTopic.For(channel.Name), BatchSize, cancellationToken).ConfigureAwait(false);
            var fresh = due.Where(m => seen.Add(m.Id)).ToList();
            if (fresh.Count == 0) return report;
            foreach (var message in fresh) report = report.Add(await DeliverAsync(channel, message, cancellationToken).ConfigureAwait(false));
            if (due.Count < BatchSize) return report;
        }
    }

    private async Task<DispatchReport> DeliverAsync(IAlertChannel channel, OutboxMessage message, CancellationToken cancellationToken)
    {
        DeliveryResult result;
        try
        {
            result = await channel.SendAsync(AlertJson.Deserialize(message.Payload), cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException exception)
        {
            result = DeliveryResult.Failed($"payload is not an alert: {exception.Message}");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A defect in one message's rendering must not stop every other alert; it is logged with its
            // stack and ends up dead and reported like any delivery that keeps failing.
            logger.Defect(exception, message.IdempotencyKey, channel.Name);
            result = DeliveryResult.Failed($"defect: {exception.GetType().Name}: {exception.Message}");
        }

        var now = time.GetUtcNow();
        if (result.Delivered)
        {
            CrashPoint.Reach(CrashPhase.AlertDelivery);
            await outbox.MarkDeliveredAsync(message.Id, cancellationToken).ConfigureAwait(false);
            health.RecordDelivered(channel.Name, now);
            logger.Delivered(message.IdempotencyKey, channel.Name);
            return new DispatchReport(1, 0, 0);
        }

        var retry = options.Value.Retry;
        var attempt = message.Attempts + 1;
        var error = result.Error ?? "unknown failure";
        var dead = attempt >= retry.MaxAttempts;
        var retryAt = dead ? (DateTimeOffset?)null : now + retry.DelayAfter(attempt);
        await outbox.MarkFailedAsync(message.Id, error, retryAt, cancellationToken).ConfigureAwait(false);
        var failures = health.RecordFailed(channel.Name, error, now, dead);
        if (dead) logger.Dead(message.IdempotencyKey, channel.Name, attempt, error);
        else logger.WillRetry(message.IdempotencyKey, channel.Name, attempt, retry.MaxAttempts, retryAt!.Value, error);
        if (failures == retry.FailingThreshold) logger.ChannelFailing(channel.Name, failures, error);
        return dead ? new DispatchReport(0, 0, 1) : new DispatchReport(0, 1, 0);
    }

    private async Task RecordDeadAtStartAsync(CancellationToken cancellationToken)
    {
        foreach (var channel in _channels)
        {
            var counts = await outbox.CountAsync(AlertTopic.For(channel.Name), cancellationToken).ConfigureAwait(false);
            health.RecordDeadAtStart(channel.Name, counts.GetValueOrDefault(OutboxStatus.Dead));
        }
        _started = true;
    }

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }
}
