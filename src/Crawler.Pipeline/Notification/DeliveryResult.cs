namespace Crawler.Pipeline.Notification;

/// <summary>How one delivery attempt went; <see cref="Error"/> says why it failed, for the log and the outbox.</summary>
public sealed record DeliveryResult(bool Delivered, string? Error)
{
    public static DeliveryResult Ok { get; } = new(true, null);

    public static DeliveryResult Failed(string error) => new(false, error);
}
