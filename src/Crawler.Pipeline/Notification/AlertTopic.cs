namespace Crawler.Pipeline.Notification;

/// <summary>Outbox topics of alerts: one per channel, so each channel delivers and retries on its own.</summary>
public static class AlertTopic
{
    public const string Prefix = "alert:";

    public static string For(string channelName) => Prefix + channelName;
}
