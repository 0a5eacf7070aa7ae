using Crawler.Pipeline.Storage;
using Crawler.Pipeline.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Crawler.Pipeline.Faults;

namespace Crawler.Pipeline.Indexing;

/// <summary>
/// Sends queued index messages in _bulk batches. An unreachable cluster leaves every message pending and
/// untouched (no attempt is spent: an outage of hours loses nothing); a 429/5xx item is retried with backoff; a
/// 4xx item (a mapping error) is declared dead with Elasticsearch's reason and stays in the outbox for inspection.
/// </summary>
public sealed partial class IndexOutboxDispatcher : BackgroundService
{
    private readonly IOutbox _outbox;
    private readonly IReportIndex _index;
    private readonly ElasticsearchOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<IndexOutboxDispatcher> _logger;
    private readonly CrawlerMetrics? _metrics;

    public IndexOutboxDispatcher(IOutbox outbox, IReportIndex index, ElasticsearchOptions options, TimeProvider time, ILogger<IndexOutboxDispatcher> logger,
        CrawlerMetrics? metrics = null)
    {
        _metrics = metrics;
        _outbox = outbox;
        _index = index;
        _options = options;
        _time = time;
        _logger = logger;
    }

    public async Task<DispatchSummary> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        var due = await _outbox.DueAsync(IndexMessage.Topic, _options.BatchSize, cancellationToken).ConfigureAwait(false);
        if (due.Count == 0) return DispatchSummary.Idle;

        var dead = 0;
        var batch = new List<(Storage.OutboxMessage Message, BulkOperation Operation)>();
        foreach (var message in due)
        {
            if (IndexMessage.Deserialize(message.Payload) is { } parsed) batch.Add((message, parsed.ToOperation()));
            else
            {
                await _outbox.MarkFailedAsync(message.Id, "payload is not an index message", null, cancellationToken).ConfigureAwait(false);
                dead++;
            }
        }
        if (batch.Count == 0) return new DispatchSummary(0, 0, dead, null);

        var result = await _index.BulkAsync([.. batch.Select(b => b.Operation)], cancellationToken).ConfigureAwait(false);
        if (!result.Reached)
        {
            LogUnreachable(_logger, batch.Count, result.RequestError!);
            return new DispatchSummary(0, 0, dead, result.RequestError);
        }

        CrashPoint.Reach(CrashPhase.IndexDelivery);
        int delivered = 0, retrying = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            var (message, _) = batch[i];
            var item = result.Items[i];
            switch (item.Outcome)
            {
                case BulkItemOutcome.Succeeded:
                    await _outbox.MarkDeliveredAsync(message.Id, cancellationToken).ConfigureAwait(false);
                    delivered++;
                    break;
                case BulkItemOutcome.Retryable when message.Attempts + 1 < _options.MaxDeliveryAttempts:
                    await _outbox.MarkFailedAsync(message.Id, Reason(item), _time.GetUtcNow() + RetryDelay(message.Attempts + 1), cancellationToken).ConfigureAwait(false);
                    retrying++;
                    break;
                default:
                    var reason = item.Outcome == BulkItemOutcome.Permanent ? Reason(item) : $"gave up after {message.Attempts + 1} attempts: {Reason(item)}";
                    await _outbox.MarkFailedAsync(message.Id, reason, null, cancellationToken).ConfigureAwait(false);
                    LogDead(_logger, item.Operation.Id, reason);
                    dead++;
                    break;
            }
        }
        if (delivered > 0) _metrics?.DocumentsIndexed(delivered);
        return new DispatchSummary(delivered, retrying, dead, null);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var outages = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            DispatchSummary summary;
            try
            {
                summary = await DispatchOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Microsoft.Data.Sqlite.SqliteException exception)
            {
                // A locked or briefly unavailable state database must not stop the worker: log and try again later.
                LogOutboxUnavailable(_logger, exception);
                summary = new DispatchSummary(0, 0, 0, exception.Message);
            }
            outages = summary.Unreachable is null ? 0 : outages + 1;
            // A full batch means more is waiting; an outage backs off so a dead cluster is not hammered.
            var wait = summary.Unreachable is not null ? RetryDelay(outages)
                : summary.Handled >= _options.BatchSize ? TimeSpan.Zero
                : _options.PollInterval;
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, _time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private TimeSpan RetryDelay(int attempts)
    {
        var delay = _options.PollInterval * Math.Pow(2, Math.Min(attempts, 20));
        return delay < _options.MaxRetryDelay ? delay : _options.MaxRetryDelay;
    }

    private static string Reason(BulkItemResult item) => $"HTTP {item.Status}: {item.Error ?? "no reason given"}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Elasticsearch unreachable, {Count} documents stay queued: {Error}")]
    private static partial void LogUnreachable(ILogger logger, int count, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Index outbox unavailable; retrying")]
    private static partial void LogOutboxUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Index document {Id} declared dead: {Reason}")]
    private static partial void LogDead(ILogger logger, string id, string reason);
}
