namespace Crawler.Pipeline.Indexing;

/// <summary>One pass of the index outbox: how many messages were delivered, put back for later, or declared dead.</summary>
public sealed record DispatchSummary(int Delivered, int Retrying, int Dead, string? Unreachable)
{
    public static DispatchSummary Idle { get; } = new(0, 0, 0, null);

    public int Handled => Delivered + Retrying + Dead;
}
