namespace Crawler.Pipeline.Storage;

public enum OutboxStatus
{
    Pending,
    Delivered,

    /// <summary>Gave up after the retry budget: reported, never retried again on its own.</summary>
    Dead,
}
