using Microsoft.Extensions.Options;

namespace Crawler.Pipeline.Notification.WeCom;

/// <summary>
/// 企业微信 group robot: {"msgtype":"markdown","markdown":{"content":…}}, content at most 4096 bytes
/// of UTF-8; success is errcode 0.
/// </summary>
public sealed class WeComChannel(IHttpClientFactory http, IOptions<AlertOptions> options) : IAlertChannel
{
    private const int MaxContentBytes = 4096;

    public string Name => "wecom";

    public bool IsConfigured => AlertUrl.OrNull(options.Value.WeCom.Url) is not null;

    public Task<DeliveryResult> SendAsync(AlertEvent alert, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var url = AlertUrl.OrNull(settings.WeCom.Url) ?? throw new InvalidOperationException("Alerts:WeCom:Url is not configured");
        var body = new { msgtype = "markdown", markdown = new { content = AlertText.Markdown(alert, "\n", MaxContentBytes) } };
        return JsonPost.SendAsync(http.CreateClient(JsonPost.ClientName), url, AlertJson.Serialize(body), settings.Timeout,
            RobotReply.ZeroIn("errcode"), cancellationToken);
    }
}
