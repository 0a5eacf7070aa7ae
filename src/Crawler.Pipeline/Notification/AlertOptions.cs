using Crawler.Pipeline.Notification.DingTalk;
using Crawler.Pipeline.Notification.Email;
using Crawler.Pipeline.Notification.Feishu;
using Crawler.Pipeline.Notification.WeCom;
using Crawler.Pipeline.Notification.Webhook;

namespace Crawler.Pipeline.Notification;

/// <summary>
/// The <c>Alerts</c> configuration section. A channel is on when its URL (or SMTP host) is set;
/// with none set, nothing is enqueued and nothing is sent.
/// </summary>
public sealed record AlertOptions
{
    public const string SectionName = "Alerts";

    /// <summary>
    /// Which events are announced (new-report, new-version, missing-report, rule-violation); empty means all.
    /// One entry may list several, comma-separated, which is handy for a single environment variable.
    /// </summary>
    public string[] Events { get; set; } = [];

    public DeadlineOptions Deadline { get; init; } = new();

    public RetryOptions Retry { get; init; } = new();

    /// <summary>How often the dispatcher looks for due messages.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Timeout of one HTTP or SMTP delivery attempt.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    public WebhookOptions Webhook { get; init; } = new();

    public WeComOptions WeCom { get; init; } = new();

    public DingTalkOptions DingTalk { get; init; } = new();

    public FeishuOptions Feishu { get; init; } = new();

    public EmailOptions Email { get; init; } = new();

    public bool IsEnabled(AlertEventKind kind)
    {
        var names = Events.SelectMany(e => e.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        return names.Count == 0 || names.Contains(AlertJson.EventName(kind), StringComparer.OrdinalIgnoreCase);
    }
}
