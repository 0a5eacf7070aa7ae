namespace Crawler.Pipeline.Notification;

/// <summary>What one pass of the dispatcher did: delivered, failed and rescheduled, failed for the last time.</summary>
public sealed record DispatchReport(int Delivered, int Retrying, int Dead)
{
    public static DispatchReport None { get; } = new(0, 0, 0);

    public DispatchReport Add(DispatchReport other) => new(Delivered + other.Delivered, Retrying + other.Retrying, Dead + other.Dead);
}
