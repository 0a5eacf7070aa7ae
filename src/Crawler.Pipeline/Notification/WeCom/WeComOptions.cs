namespace Crawler.Pipeline.Notification.WeCom;

/// <summary><c>Alerts:WeCom</c>: a 企业微信 group robot, https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=….</summary>
public sealed record WeComOptions
{
    public Uri? Url { get; init; }
}
