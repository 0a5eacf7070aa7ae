using System.Globalization;

namespace Crawler.Pipeline.Fetching;

/// <summary>
/// The robots.txt group that applies to us (RFC 9309): the group naming our product token, else "*". Allow/Disallow
/// patterns support '*' and '$'; the longest matching pattern wins and Allow wins a tie.
/// </summary>
public sealed class RobotsRules
{
    private readonly IReadOnlyList<(string Pattern, bool Allow)> rules;

    private RobotsRules(IReadOnlyList<(string Pattern, bool Allow)> rules, TimeSpan? crawlDelay, string? unavailableReason)
    {
        this.rules = rules;
        CrawlDelay = crawlDelay;
        UnavailableReason = unavailableReason;
    }

    public static RobotsRules AllowAll { get; } = new([], null, null);

    /// <summary>RFC 9309 §2.3.1.4: an unreachable robots.txt (5xx, network failure) means "disallow everything" for now.</summary>
    public static RobotsRules Unavailable(string reason) => new([("/", false)], null, reason);

    public TimeSpan? CrawlDelay { get; }

    /// <summary>Why robots.txt could not be read, when everything is disallowed for that reason.</summary>
    public string? UnavailableReason { get; }

    public static RobotsRules Parse(string text, string productToken)
    {
        var groups = new List<Group>();
        Group? current = null;
        var lastWasAgent = false;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Split('#')[0].Trim();
            var colon = line.IndexOf(':');
            if (colon <= 0) continue;
            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (key is "user-agent")
            {
                if (current is null || !lastWasAgent)
                {
                    current = new Group();
                    groups.Add(current);
                }
                current.Agents.Add(value.ToLowerInvariant());
                lastWasAgent = true;
                continue;
            }
            lastWasAgent = false;
            if (current is null) continue;
            if (key is "allow" or "disallow" && value.Length > 0) current.Rules.Add((value, key == "allow"));
            if (key is "crawl-delay" && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
                current.Delay = TimeSpan.FromSeconds(Math.Min(seconds, 86_400));
        }

        var token = productToken.ToLowerInvariant();
        var chosen = groups.Where(g => g.Agents.Contains(token)).ToList();
        if (chosen.Count == 0) chosen = groups.Where(g => g.Agents.Contains("*")).ToList();
        return new RobotsRules(
            chosen.SelectMany(g => g.Rules).ToList(),
            chosen.Select(g => g.Delay).FirstOrDefault(d => d is not null),
            null);
    }

    public bool IsAllowed(Uri url)
    {
        var path = url.AbsolutePath == "/robots.txt" ? null : url.PathAndQuery;
        if (path is null) return true;
        var best = -1;
        var allowed = true;
        foreach (var (pattern, allow) in rules)
        {
            if (!Matches(pattern, path)) continue;
            if (pattern.Length > best || (pattern.Length == best && allow))
            {
                best = pattern.Length;
                allowed = allow;
            }
        }
        return allowed;
    }

    private static bool Matches(string pattern, string path)
    {
        var anchored = pattern.EndsWith('$');
        if (anchored) pattern = pattern[..^1];
        return Match(pattern, 0, path, 0, anchored);
    }

    private static bool Match(string pattern, int p, string path, int s, bool anchored)
    {
        while (p < pattern.Length)
        {
            if (pattern[p] == '*')
            {
                for (var k = s; k <= path.Length; k++)
                {
                    if (Match(pattern, p + 1, path, k, anchored)) return true;
                }
                return false;
            }
            if (s >= path.Length || pattern[p] != path[s]) return false;
            p++;
            s++;
        }
        return !anchored || s == path.Length;
    }

    private sealed class Group
    {
        public List<string> Agents { get; } = [];

        public List<(string Pattern, bool Allow)> Rules { get; } = [];

        public TimeSpan? Delay { get; set; }
    }
}
