namespace Crawler.Pipeline.Outbox;

/// <summary>The kinds of <see cref="DeliveryOutcome"/>; each is marked in the outbox its own way.</summary>
public enum DeliveryVerdict
{
    Delivered,
    Failed,
    Rejected,
    Undeliverable,
    Unreachable,
}
