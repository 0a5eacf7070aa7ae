using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Crawler.Pipeline.Notification.Feishu;

/// <summary>
/// 飞书 签名校验: unlike DingTalk, "timestamp\nsecret" (timestamp in seconds) is the HMAC-SHA256 KEY and
/// the message is empty; the Base64 result goes into the JSON body as <c>sign</c>.
/// </summary>
public static class FeishuSignature
{
    public static string Sign(long timestampSeconds, string secret)
    {
        var key = Encoding.UTF8.GetBytes(timestampSeconds.ToString(CultureInfo.InvariantCulture) + "\n" + secret);
        return Convert.ToBase64String(HMACSHA256.HashData(key, Array.Empty<byte>()));
    }
}
