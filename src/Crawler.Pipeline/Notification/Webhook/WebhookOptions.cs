namespace Crawler.Pipeline.Notification.Webhook;

/// <summary><c>Alerts:Webhook</c>: any HTTP endpoint that accepts the alert as JSON.</summary>
public sealed record WebhookOptions
{
    public Uri? Url { get; init; }

    /// <summary>Sent as the Authorization header when set (e.g. "Bearer …").</summary>
    public string? Authorization { get; init; }
}
