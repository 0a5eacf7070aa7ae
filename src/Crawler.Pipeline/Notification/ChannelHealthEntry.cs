using System.Globalization;

namespace Crawler.Pipeline.Notification;

/// <summary>How one alert channel is doing, for the run summary, /metrics and the log.</summary>
public sealed record ChannelHealthEntry(
    string Channel,
    int ConsecutiveFailures,
    long Delivered,
    long FailedAttempts,
    int Dead,
    string? LastError,
    DateTimeOffset? LastDeliveredAt,
    DateTimeOffset? LastFailedAt)
{
    public static ChannelHealthEntry Empty(string channel) => new(channel, 0, 0, 0, 0, null, null, null);

    /// <summary>One line for the crawl summary, e.g. "dingtalk: 3 sent, 2 dead, failing for 4 attempts (HTTP 500 …)".</summary>
    public string Describe()
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{Channel}: {Delivered} sent, {Dead} dead");
        return ConsecutiveFailures == 0 ? text : $"{text}, failing for {ConsecutiveFailures} attempts ({LastError})";
    }
}
