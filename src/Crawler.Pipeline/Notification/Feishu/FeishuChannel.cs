using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Crawler.Pipeline.Notification.Feishu;

/// <summary>
/// 飞书/Lark custom bot: {"msg_type":"text","content":{"text":…}}, plus "timestamp" and "sign" when a
/// secret is set; success is code 0 (StatusCode 0 on older bots). The body may not exceed 20 KB.
/// </summary>
public sealed class FeishuChannel(IHttpClientFactory http, IOptions<AlertOptions> options, TimeProvider time) : IAlertChannel
{
    private const int MaxTextBytes = 18_000;

    public string Name => "feishu";

    public bool IsConfigured => AlertUrl.OrNull(options.Value.Feishu.Url) is not null;

    public Task<DeliveryResult> SendAsync(AlertEvent alert, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var url = AlertUrl.OrNull(settings.Feishu.Url) ?? throw new InvalidOperationException("Alerts:Feishu:Url is not configured");
        var body = new JsonObject();
        if (!string.IsNullOrEmpty(settings.Feishu.Secret))
        {
            var seconds = time.GetUtcNow().ToUnixTimeSeconds();
            body["timestamp"] = seconds.ToString(CultureInfo.InvariantCulture);
            body["sign"] = FeishuSignature.Sign(seconds, settings.Feishu.Secret);
        }
        body["msg_type"] = "text";
        body["content"] = new JsonObject { ["text"] = AlertText.Plain(alert, MaxTextBytes) };
        return JsonPost.SendAsync(http.CreateClient(JsonPost.ClientName), url, body.ToJsonString(AlertJson.Options), settings.Timeout,
            RobotReply.ZeroIn("code", "StatusCode"), cancellationToken);
    }
}
