using System.Text.Json;

namespace Crawler.Pipeline.Notification;

/// <summary>
/// Reads a chat robot's answer. WeCom and DingTalk answer {"errcode":0,"errmsg":"ok"}; Feishu answers
/// {"code":0,…} (older bots {"StatusCode":0,…}). Anything but 0 — including HTTP 200 with errcode
/// 310000 (bad signature) or 93000 (invalid key) — is a failed delivery.
/// </summary>
internal static class RobotReply
{
    public static Func<string, DeliveryResult> ZeroIn(params string[] codeProperties) => body =>
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object) return DeliveryResult.Failed($"reply is not a JSON object: {JsonPost.Shorten(body)}");
            foreach (var property in codeProperties)
            {
                if (!document.RootElement.TryGetProperty(property, out var code) || code.ValueKind != JsonValueKind.Number) continue;
                return code.TryGetInt64(out var value) && value == 0
                    ? DeliveryResult.Ok
                    : DeliveryResult.Failed($"robot refused the message ({property} {code.GetRawText()}): {JsonPost.Shorten(body)}");
            }
            return DeliveryResult.Failed($"reply has none of {string.Join("/", codeProperties)}: {JsonPost.Shorten(body)}");
        }
        catch (JsonException)
        {
            return DeliveryResult.Failed($"reply is not JSON: {JsonPost.Shorten(body)}");
        }
    };
}
