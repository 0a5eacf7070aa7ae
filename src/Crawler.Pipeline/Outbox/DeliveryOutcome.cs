namespace Crawler.Pipeline.Outbox;

/// <summary>What one delivery attempt of one outbox message came to; <see cref="Error"/> says why it did not arrive.</summary>
public readonly record struct DeliveryOutcome(DeliveryVerdict Verdict, string? Error)
{
    public static DeliveryOutcome Delivered { get; } = new(DeliveryVerdict.Delivered, null);

    /// <summary>Not delivered this time (a 429, a 5xx, a channel down): retried with backoff up to the retry budget.</summary>
    public static DeliveryOutcome Failed(string error) => new(DeliveryVerdict.Failed, error);

    /// <summary>The receiver refused this message itself (a mapping error): retried up to the smaller rejection budget.</summary>
    public static DeliveryOutcome Rejected(string error) => new(DeliveryVerdict.Rejected, error);

    /// <summary>The message can never be delivered (its payload does not parse): dead at once.</summary>
    public static DeliveryOutcome Undeliverable(string error) => new(DeliveryVerdict.Undeliverable, error);

    /// <summary>The receiver could not be reached at all: the message is left as it was, no attempt is spent.</summary>
    public static DeliveryOutcome Unreachable(string error) => new(DeliveryVerdict.Unreachable, error);
}
