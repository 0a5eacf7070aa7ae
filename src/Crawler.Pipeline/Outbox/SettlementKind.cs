namespace Crawler.Pipeline.Outbox;

public enum SettlementKind
{
    Delivered,

    /// <summary>Failed; pending again from <see cref="Settlement.RetryAt"/>.</summary>
    Retrying,

    /// <summary>Out of retries (or undeliverable): kept in the outbox with its reason, never tried again on its own.</summary>
    Dead,

    /// <summary>The receiver was unreachable: the message is exactly as it was.</summary>
    Untouched,
}
