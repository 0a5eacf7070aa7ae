using System.Collections.Concurrent;
using System.Data.Common;
using Crawler.Pipeline.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Crawler.Pipeline.Outbox;

/// <summary>
/// The one loop that delivers what the outbox holds, for every <see cref="IOutboxConsumer"/> (the index and the alert
/// channels). A round on a topic is: claim a batch of due messages, hand it to the consumer, record each outcome as
/// it arrives — delivered; failed and due again after a backoff; dead after the retry budget, with its reason; or,
/// when the receiver cannot be reached, left exactly as it was. The claim is the single
/// <see cref="IOutbox.DueAsync"/> call below: a store shared by several nodes makes it a claim with a lease, and the
/// rest of the round stays as it is. Within one process a topic is never dispatched twice at once.
/// </summary>
public sealed partial class OutboxDispatcher : BackgroundService
{
    private readonly IOutbox _outbox;
    private readonly TimeProvider _time;
    private readonly ILogger<OutboxDispatcher> _logger;
    private readonly IReadOnlyDictionary<string, IOutboxConsumer> _consumers;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<IOutboxConsumer, Lazy<Task>> _prepared = new();

    public OutboxDispatcher(IOutbox outbox, IEnumerable<IOutboxConsumer> consumers, TimeProvider time, ILogger<OutboxDispatcher> logger)
    {
        _outbox = outbox;
        _time = time;
        _logger = logger;
        var byTopic = new Dictionary<string, IOutboxConsumer>(StringComparer.Ordinal);
        foreach (var consumer in consumers)
        {
            foreach (var topic in consumer.Topics)
            {
                if (!byTopic.TryAdd(topic, consumer)) throw new InvalidOperationException($"outbox topic '{topic}' has two consumers");
            }
        }
        _consumers = byTopic;
    }

    /// <summary>Every topic some consumer delivers.</summary>
    public IReadOnlyCollection<string> Topics => [.. _consumers.Keys];

    /// <summary>One round (claim, deliver, mark) on one topic.</summary>
    public async Task<DispatchSummary> DispatchOnceAsync(string topic, CancellationToken cancellationToken)
    {
        if (!_consumers.TryGetValue(topic, out var consumer)) return DispatchSummary.Idle;
        var gate = Gate(topic);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await PrepareAsync(consumer, cancellationToken).ConfigureAwait(false);
            return (await RoundAsync(consumer, topic, [], cancellationToken).ConfigureAwait(false)).Summary;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Rounds on every topic that starts with <paramref name="topicPrefix"/> ("index", "alert:") until nothing new is
    /// due or its receiver is unreachable: what a crawl pass and the commands run at their end.
    /// </summary>
    public async Task<DispatchSummary> DrainAsync(string topicPrefix, CancellationToken cancellationToken)
    {
        var total = DispatchSummary.Idle;
        foreach (var topic in _consumers.Keys.Where(t => t.StartsWith(topicPrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            total = total.Add(await DrainTopicAsync(topic, cancellationToken).ConfigureAwait(false));
        }
        return total;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var schedule = _consumers.Keys.ToDictionary(t => t, _ => (Next: _time.GetUtcNow(), Outages: 0), StringComparer.Ordinal);
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var topic in schedule.Keys.ToList())
            {
                var (next, outages) = schedule[topic];
                if (next > _time.GetUtcNow()) continue;
                var consumer = _consumers[topic];
                string? outage;
                try
                {
                    outage = (await DrainTopicAsync(topic, stoppingToken).ConfigureAwait(false)).Unreachable;
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (DbException exception)
                {
                    // A locked or briefly unavailable state database must not stop the worker: the messages wait in it.
                    LogOutboxUnavailable(_logger, exception, topic);
                    outage = exception.Message;
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // A defect in one consumer must not stop the others; it is logged and its topic backs off.
                    LogDefect(_logger, exception, topic);
                    outage = exception.Message;
                }
                outages = outage is null ? 0 : outages + 1;
                // An outage backs off so a dead receiver is not hammered; otherwise poll at the consumer's pace.
                var wait = outages > 0 ? consumer.Retry.DelayAfter(outages) : consumer.PollInterval;
                schedule[topic] = (_time.GetUtcNow() + wait, outages);
            }
            var sleep = schedule.Count == 0 ? Timeout.InfiniteTimeSpan : schedule.Values.Min(s => s.Next) - _time.GetUtcNow();
            try
            {
                await Task.Delay(sleep == Timeout.InfiniteTimeSpan || sleep > TimeSpan.Zero ? sleep : TimeSpan.Zero, _time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<DispatchSummary> DrainTopicAsync(string topic, CancellationToken cancellationToken)
    {
        var consumer = _consumers[topic];
        var gate = Gate(topic);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await PrepareAsync(consumer, cancellationToken).ConfigureAwait(false);
            var total = DispatchSummary.Idle;
            // A message handled once in this drain (failed with a short backoff, say) is not handled again in it.
            var seen = new HashSet<long>();
            while (true)
            {
                var (round, claimed) = await RoundAsync(consumer, topic, seen, cancellationToken).ConfigureAwait(false);
                total = total.Add(round);
                if (round.Unreachable is not null || round.Handled == 0 || claimed < consumer.BatchSize) return total;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<(DispatchSummary Summary, int Claimed)> RoundAsync(IOutboxConsumer consumer, string topic, HashSet<long> seen,
        CancellationToken cancellationToken)
    {
        // The claim. With SQLite (one process) "due" is enough; a shared store leases the rows it hands out here.
        var due = await _outbox.DueAsync(topic, consumer.BatchSize, cancellationToken).ConfigureAwait(false);
        var batch = due.Where(m => seen.Add(m.Id)).ToList();
        if (batch.Count == 0) return (DispatchSummary.Idle, due.Count);

        var summary = DispatchSummary.Idle;
        var answered = new HashSet<long>();
        await foreach (var (message, outcome) in consumer.DeliverAsync(topic, batch, cancellationToken).ConfigureAwait(false))
        {
            if (!answered.Add(message.Id)) continue;
            var settlement = await MarkAsync(consumer, message, outcome, cancellationToken).ConfigureAwait(false);
            consumer.Settled(topic, message, outcome, settlement);
            summary = summary.Add(DispatchSummary.Of(settlement, outcome.Error));
        }
        if (answered.Count < batch.Count) LogUnanswered(_logger, topic, batch.Count - answered.Count);
        return (summary, due.Count);
    }

    private async Task<Settlement> MarkAsync(IOutboxConsumer consumer, OutboxMessage message, DeliveryOutcome outcome, CancellationToken cancellationToken)
    {
        switch (outcome.Verdict)
        {
            case DeliveryVerdict.Delivered:
                await _outbox.MarkDeliveredAsync(message.Id, cancellationToken).ConfigureAwait(false);
                return new Settlement(SettlementKind.Delivered, message.Attempts + 1);
            case DeliveryVerdict.Unreachable:
                return new Settlement(SettlementKind.Untouched, message.Attempts);
        }
        var attempt = message.Attempts + 1;
        var error = outcome.Error ?? "no reason given";
        var budget = consumer.Retry.BudgetFor(outcome.Verdict);
        if (attempt >= budget)
        {
            var reason = budget == 1 ? error : $"gave up after {attempt} attempts: {error}";
            await _outbox.MarkFailedAsync(message.Id, reason, null, cancellationToken).ConfigureAwait(false);
            return new Settlement(SettlementKind.Dead, attempt, null, reason);
        }
        var retryAt = _time.GetUtcNow() + consumer.Retry.DelayAfter(attempt);
        await _outbox.MarkFailedAsync(message.Id, error, retryAt, cancellationToken).ConfigureAwait(false);
        return new Settlement(SettlementKind.Retrying, attempt, retryAt);
    }

    private SemaphoreSlim Gate(string topic) => _gates.GetOrAdd(topic, _ => new SemaphoreSlim(1, 1));

    private async Task PrepareAsync(IOutboxConsumer consumer, CancellationToken cancellationToken)
    {
        var prepared = _prepared.GetOrAdd(consumer, c => new Lazy<Task>(() => c.PrepareAsync(cancellationToken)));
        try
        {
            await prepared.Value.ConfigureAwait(false);
        }
        catch
        {
            // Prepared again next time rather than never.
            _prepared.TryRemove(consumer, out _);
            throw;
        }
    }

    public override void Dispose()
    {
        foreach (var gate in _gates.Values) gate.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox unavailable while dispatching {Topic}; retrying")]
    private static partial void LogOutboxUnavailable(ILogger logger, Exception exception, string topic);

    [LoggerMessage(Level = LogLevel.Error, Message = "Dispatching {Topic} failed because of a defect; retrying later")]
    private static partial void LogDefect(ILogger logger, Exception exception, string topic);

    [LoggerMessage(Level = LogLevel.Error, Message = "The consumer of {Topic} said nothing about {Count} message(s) of a batch; they stay pending")]
    private static partial void LogUnanswered(ILogger logger, string topic, int count);
}
