using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Crawler.Pipeline.Notification.Webhook;

/// <summary>
/// POSTs the alert as JSON (the <see cref="AlertEvent"/> plus a Chinese <c>text</c>) with an
/// Idempotency-Key header, so a receiver can drop a repeat after a crash between send and record.
/// Any 2xx is success.
/// </summary>
public sealed class WebhookChannel(IHttpClientFactory http, IOptions<AlertOptions> options) : IAlertChannel
{
    public string Name => "webhook";

    public bool IsConfigured => AlertUrl.OrNull(options.Value.Webhook.Url) is not null;

    public Task<DeliveryResult> SendAsync(AlertEvent alert, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var url = AlertUrl.OrNull(settings.Webhook.Url) ?? throw new InvalidOperationException("Alerts:Webhook:Url is not configured");
        var body = JsonNode.Parse(AlertJson.Serialize(alert))!.AsObject();
        body["text"] = AlertText.Plain(alert);
        var headers = new List<(string, string)> { ("Idempotency-Key", alert.IdempotencyKey) };
        if (!string.IsNullOrEmpty(settings.Webhook.Authorization)) headers.Add(("Authorization", settings.Webhook.Authorization));
        return JsonPost.SendAsync(http.CreateClient(JsonPost.ClientName), url, body.ToJsonString(AlertJson.Options), settings.Timeout,
            _ => DeliveryResult.Ok, cancellationToken, [.. headers]);
    }
}
