using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Crawler.Pipeline.Notification.DingTalk;

/// <summary>
/// 钉钉 加签: HMAC-SHA256 keyed with the secret over "timestamp\nsecret" (timestamp in milliseconds),
/// Base64, then URL-encoded into &amp;timestamp=…&amp;sign=…. The robot rejects a timestamp more
/// than an hour off, so it is taken at each attempt.
/// </summary>
public static class DingTalkSignature
{
    public static string Sign(long timestampMilliseconds, string secret)
    {
        var key = Encoding.UTF8.GetBytes(secret);
        var message = Encoding.UTF8.GetBytes(timestampMilliseconds.ToString(CultureInfo.InvariantCulture) + "\n" + secret);
        return Convert.ToBase64String(HMACSHA256.HashData(key, message));
    }

    public static Uri Apply(Uri url, long timestampMilliseconds, string secret)
    {
        var separator = string.IsNullOrEmpty(url.Query) ? "?" : "&";
        var query = $"timestamp={timestampMilliseconds.ToString(CultureInfo.InvariantCulture)}&sign={Uri.EscapeDataString(Sign(timestampMilliseconds, secret))}";
        return new Uri(url.AbsoluteUri + separator + query);
    }
}
