using System.Runtime.CompilerServices;
using Crawler.Pipeline.Faults;
using Crawler.Pipeline.Outbox;
using Crawler.Pipeline.Storage;
using Crawler.Pipeline.Telemetry;
using Microsoft.Extensions.Logging;

namespace Crawler.Pipeline.Indexing;

/// <summary>
/// The index as an outbox consumer (topic "index"). A batch goes in one _bulk request. When the cluster cannot be
/// reached, or answers the request as a whole with an error (401, 429, 503 …), every message is left untouched — no
/// attempt spent, so an outage of hours loses nothing. Items the cluster refused (429, a mapping error) are sent
/// again one by one, each alone; what still fails goes back to the outbox with its reason, retried with backoff, and
/// is declared dead after the retry budget (<see cref="ElasticsearchOptions.MaxDeliveryAttempts"/>, or the smaller
/// <see cref="ElasticsearchOptions.MaxRejectedAttempts"/> for a document Elasticsearch rejects).
/// </summary>
public sealed partial class IndexDelivery : IOutboxConsumer
{
    private readonly IReportIndex _index;
    private readonly ElasticsearchOptions _options;
    private readonly ILogger<IndexDelivery> _logger;
    private readonly CrawlerMetrics? _metrics;

    public IndexDelivery(IReportIndex index, ElasticsearchOptions options, ILogger<IndexDelivery> logger, CrawlerMetrics? metrics = null)
    {
        _index = index;
        _options = options;
        _logger = logger;
        _metrics = metrics;
        Retry = new OutboxRetryPolicy(options.MaxDeliveryAttempts, options.PollInterval * 2, options.MaxRetryDelay, options.MaxRejectedAttempts);
    }

    public IReadOnlyList<string> Topics { get; } = [IndexMessage.Topic];

    public int BatchSize => _options.BatchSize;

    public TimeSpan PollInterval => _options.PollInterval;

    public OutboxRetryPolicy Retry { get; }

    public async IAsyncEnumerable<MessageOutcome> DeliverAsync(string topic, IReadOnlyList<OutboxMessage> batch,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var sendable = new List<(OutboxMessage Message, BulkOperation Operation)>();
        foreach (var message in batch)
        {
            if (IndexMessage.Deserialize(message.Payload) is { } parsed) sendable.Add((message, parsed.ToOperation()));
            else yield return new MessageOutcome(message, DeliveryOutcome.Undeliverable("payload is not an index message"));
        }
        if (sendable.Count == 0) yield break;

        var result = await _index.BulkAsync([.. sendable.Select(s => s.Operation)], cancellationToken).ConfigureAwait(false);
        var refused = new List<(OutboxMessage Message, BulkOperation Operation, BulkItemResult? Item)>();
        if (!result.Reached)
        {
            // 413: the batch as a whole is too large for http.max_content_length; each document may still fit.
            if (result.RequestStatus != 413 || sendable.Count == 1)
            {
                LogUnreachable(_logger, sendable.Count, result.RequestError!);
                foreach (var (message, _) in sendable) yield return new MessageOutcome(message, DeliveryOutcome.Unreachable(result.RequestError!));
                yield break;
            }
            refused.AddRange(sendable.Select(s => (s.Message, s.Operation, (BulkItemResult?)null)));
        }
        else
        {
            CrashPoint.Reach(CrashPhase.IndexDelivery);
            for (var i = 0; i < sendable.Count; i++)
            {
                var item = result.Items[i];
                if (item.Outcome == BulkItemOutcome.Succeeded) yield return new MessageOutcome(sendable[i].Message, DeliveryOutcome.Delivered);
                else refused.Add((sendable[i].Message, sendable[i].Operation, item));
            }
        }

        // One by one: each refused document alone, so one bad document cannot hold the others back. A cluster that
        // pushes back (429) or stops answering ends the round; the rest wait for their backoff.
        string? stop = null;
        foreach (var (message, operation, item) in refused)
        {
            if (stop is not null)
            {
                yield return new MessageOutcome(message, item is null ? DeliveryOutcome.Failed(stop) : Outcome(item));
                continue;
            }
            var alone = await _index.BulkAsync([operation], cancellationToken).ConfigureAwait(false);
            if (!alone.Reached)
            {
                stop = alone.RequestError!;
                yield return new MessageOutcome(message, item is null ? DeliveryOutcome.Failed(stop) : Outcome(item));
                continue;
            }
            CrashPoint.Reach(CrashPhase.IndexDelivery);
            var retried = alone.Items[0];
            if (retried.Status == 429) stop = Reason(retried);
            yield return new MessageOutcome(message, Outcome(retried));
        }
    }

    public void Settled(string topic, OutboxMessage message, DeliveryOutcome outcome, Settlement settlement)
    {
        switch (settlement.Kind)
        {
            case SettlementKind.Delivered:
                _metrics?.DocumentsIndexed(1);
                break;
            case SettlementKind.Dead:
                LogDead(_logger, message.IdempotencyKey, settlement.Reason ?? outcome.Error ?? "");
                break;
            case SettlementKind.Retrying:
                LogRetrying(_logger, message.IdempotencyKey, settlement.Attempt, outcome.Error ?? "", settlement.RetryAt!.Value);
                break;
        }
    }

    private static DeliveryOutcome Outcome(BulkItemResult item) => item.Outcome switch
    {
        BulkItemOutcome.Succeeded => DeliveryOutcome.Delivered,
        BulkItemOutcome.Rejected => DeliveryOutcome.Rejected(Reason(item)),
        _ => DeliveryOutcome.Failed(Reason(item)),
    };

    private static string Reason(BulkItemResult item) => $"HTTP {item.Status}: {item.Error ?? "no reason given"}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Elasticsearch unreachable, {Count} documents stay queued: {Error}")]
    private static partial void LogUnreachable(ILogger logger, int count, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Index document {Key} failed (attempt {Attempt}): {Error}; retry at {RetryAt}")]
    private static partial void LogRetrying(ILogger logger, string key, int attempt, string error, DateTimeOffset retryAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Index document {Key} declared dead: {Reason}")]
    private static partial void LogDead(ILogger logger, string key, string reason);
}
