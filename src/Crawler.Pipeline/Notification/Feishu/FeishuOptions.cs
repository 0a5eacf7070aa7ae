namespace Crawler.Pipeline.Notification.Feishu;

/// <summary>
/// <c>Alerts:Feishu</c>: a 飞书/Lark custom bot, https://open.feishu.cn/open-apis/bot/v2/hook/…;
/// <see cref="Secret"/> when the bot's security setting is 签名校验.
/// </summary>
public sealed record FeishuOptions
{
    public Uri? Url { get; init; }

    public string? Secret { get; init; }
}
