namespace Crawler.Pipeline.Outbox;

/// <summary>
/// The retry budget of one kind of outbox message. A failed attempt n (1-based) is retried after
/// <see cref="InitialDelay"/>·2^(n−1), capped at <see cref="MaxDelay"/>; the <see cref="MaxAttempts"/>-th failure
/// (the <see cref="MaxRejections"/>-th when the receiver rejected the message itself) declares it dead.
/// The same curve paces the retries of a receiver that cannot be reached at all.
/// </summary>
public sealed record OutboxRetryPolicy(int MaxAttempts, TimeSpan InitialDelay, TimeSpan MaxDelay, int MaxRejections)
{
    public TimeSpan DelayAfter(int attempts)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 30);
        var ticks = InitialDelay.Ticks * Math.Pow(2, exponent);
        return ticks >= MaxDelay.Ticks ? MaxDelay : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>How many attempts a message gets when its failures are of this kind.</summary>
    public int BudgetFor(DeliveryVerdict verdict) => verdict switch
    {
        DeliveryVerdict.Undeliverable => 1,
        DeliveryVerdict.Rejected => Math.Min(MaxRejections, MaxAttempts),
        _ => MaxAttempts,
    };
}
