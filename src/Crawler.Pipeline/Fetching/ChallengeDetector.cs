namespace Crawler.Pipeline.Fetching;

/// <summary>
/// Recognises anti-bot JavaScript challenges seen on government sites: 瑞数 (412 or 202 with a script and $_ts),
/// 加速乐 (521 with __jsluid/__jsl_clearance cookies) and Cloudflare. A polite crawler reports these and does not
/// retry them in a tight loop; they never go away by asking again.
/// </summary>
public static class ChallengeDetector
{
    public const string Message = "blocked by a JavaScript challenge";

    /// <summary>The challenge's name (e.g. "加速乐"), or null when the response is not a challenge.</summary>
    public static string? Detect(int status, IEnumerable<KeyValuePair<string, string>> headers, string bodyHead)
    {
        var cookies = string.Join(";", headers.Where(h => h.Key.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase)).Select(h => h.Value));
        var server = headers.FirstOrDefault(h => h.Key.Equals("Server", StringComparison.OrdinalIgnoreCase)).Value ?? "";
        var hasScript = bodyHead.Contains("<script", StringComparison.OrdinalIgnoreCase);

        if (cookies.Contains("__jsluid", StringComparison.Ordinal) && (status == 521 || bodyHead.Contains("__jsl_clearance", StringComparison.Ordinal)))
            return "加速乐";
        if (status == 521 && bodyHead.Contains("document.cookie", StringComparison.Ordinal)) return "加速乐";
        if (headers.Any(h => h.Key.Equals("cf-mitigated", StringComparison.OrdinalIgnoreCase))
            || (server.Contains("cloudflare", StringComparison.OrdinalIgnoreCase) && status is 403 or 503 or 521
                && (hasScript || bodyHead.Contains("challenge-platform", StringComparison.Ordinal))))
            return "Cloudflare";
        if (status is 412 or 202 && hasScript
            && (bodyHead.Contains("$_ts", StringComparison.Ordinal) || status == 412 || !bodyHead.Contains("<a ", StringComparison.OrdinalIgnoreCase)))
            return "瑞数";
        return null;
    }
}
