namespace Crawler.Pipeline.Notification;

/// <summary>
/// A channel URL from configuration. Compose files pass unset variables as empty strings
/// (Alerts__Webhook__Url: ${ALERT_WEBHOOK_URL}), which bind to an empty relative Uri: that means "off".
/// </summary>
public static class AlertUrl
{
    public static Uri? OrNull(Uri? url) => string.IsNullOrWhiteSpace(url?.OriginalString) ? null : url;
}
