using Crawler.Pipeline.Outbox;

namespace Crawler.Pipeline.Notification;

/// <summary>
/// <c>Alerts:Retry</c>: the retry budget of one message on one channel. Attempt n (1-based) that fails
/// is retried after <see cref="InitialDelay"/>·2^(n−1), capped at <see cref="MaxDelay"/>; the
/// <see cref="MaxAttempts"/>-th failure declares the message dead.
/// </summary>
public sealed record RetryOptions
{
    public int MaxAttempts { get; init; } = 10;

    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromHours(6);

    /// <summary>Consecutive failures after which a channel is reported as failing (log warning, health).</summary>
    public int FailingThreshold { get; init; } = 3;

    /// <summary>The outbox's view of this budget (an alert is never "rejected": every failure counts the same).</summary>
    public OutboxRetryPolicy Policy => new(MaxAttempts, InitialDelay, MaxDelay, MaxAttempts);

    public TimeSpan DelayAfter(int attempts) => Policy.DelayAfter(attempts);
}
