using Microsoft.Extensions.Options;

namespace Crawler.Pipeline.Notification.DingTalk;

/// <summary>
/// 钉钉 custom robot: {"msgtype":"markdown","markdown":{"title":…,"text":…}}, signed in the query
/// when a secret is set; success is errcode 0. Its Markdown needs a blank line to break a line.
/// </summary>
public sealed class DingTalkChannel(IHttpClientFactory http, IOptions<AlertOptions> options, TimeProvider time) : IAlertChannel
{
    // The robot caps a message at 20,000 bytes; the margin leaves room for the JSON around the text.
    private const int MaxTextBytes = 18_000;

    public string Name => "dingtalk";

    public bool IsConfigured => AlertUrl.OrNull(options.Value.DingTalk.Url) is not null;

    public Task<DeliveryResult> SendAsync(AlertEvent alert, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var url = AlertUrl.OrNull(settings.DingTalk.Url) ?? throw new InvalidOperationException("Alerts:DingTalk:Url is not configured");
        if (!string.IsNullOrEmpty(settings.DingTalk.Secret))
            url = DingTalkSignature.Apply(url, time.GetUtcNow().ToUnixTimeMilliseconds(), settings.DingTalk.Secret);
        var body = new
        {
            msgtype = "markdown",
            markdown = new { title = AlertText.Subject(alert), text = AlertText.Markdown(alert, "\n\n", MaxTextBytes) },
        };
        return JsonPost.SendAsync(http.CreateClient(JsonPost.ClientName), url, AlertJson.Serialize(body), settings.Timeout,
            RobotReply.ZeroIn("errcode"), cancellationToken);
    }
}
