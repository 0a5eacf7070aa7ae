namespace Crawler.Pipeline.Notification.DingTalk;

/// <summary>
/// <c>Alerts:DingTalk</c>: a 钉钉 custom robot, https://oapi.dingtalk.com/robot/send?access_token=…;
/// <see cref="Secret"/> (SEC…) when the robot's security setting is 加签.
/// </summary>
public sealed record DingTalkOptions
{
    public Uri? Url { get; init; }

    public string? Secret { get; init; }
}
