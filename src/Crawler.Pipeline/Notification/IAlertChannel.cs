namespace Crawler.Pipeline.Notification;

/// <summary>
/// One way of telling people (a webhook, a chat robot, e-mail). A channel is asked to send one alert
/// and says how it went; it never throws for a failed delivery.
/// </summary>
public interface IAlertChannel
{
    /// <summary>webhook, wecom, dingtalk, feishu or email; the outbox topic is alert:&lt;name&gt;.</summary>
    string Name { get; }

    bool IsConfigured { get; }

    Task<DeliveryResult> SendAsync(AlertEvent alert, CancellationToken cancellationToken);
}
