using System.Globalization;
using System.Text;

namespace Crawler.Pipeline.Fetching;

/// <summary>
/// The robots.txt group that applies to us (RFC 9309): the groups naming our product token (case-insensitive, the
/// identifier part of the line: "GovDisclosureReportCrawler/1.0" names it too), else the "*" groups; groups naming
/// one agent are merged. A leading UTF-8 byte-order mark is ignored. Paths and patterns are compared in one
/// canonical form (§2.2.2): non-ASCII octets percent-encoded as UTF-8 with upper-case hex, percent-encoded unreserved
/// characters decoded, so <c>Disallow: /年报/</c> and <c>Disallow: /%E5%B9%B4%E6%8A%A5/</c> match the same URLs.
/// Patterns support '*' and a final '$'; the longest matching pattern wins and Allow wins a tie. Matching takes
/// time linear in the path for each literal run of the pattern, never exponential in the number of '*'.
/// </summary>
public sealed class RobotsRules
{
    private readonly IReadOnlyList<Rule> rules;

    private RobotsRules(IReadOnlyList<Rule> rules, TimeSpan? crawlDelay, string? unavailableReason)
    {
        this.rules = rules;
        CrawlDelay = crawlDelay;
        UnavailableReason = unavailableReason;
    }

    public static RobotsRules AllowAll { get; } = new([], null, null);

    /// <summary>RFC 9309 §2.3.1.4: an unreachable robots.txt (5xx, network failure) means "disallow everything" for now.</summary>
    public static RobotsRules Unavailable(string reason) => new([new Rule("/", "/".Split('*'), false, false)], null, reason);

    public TimeSpan? CrawlDelay { get; }

    /// <summary>Why robots.txt could not be read, when everything is disallowed for that reason.</summary>
    public string? UnavailableReason { get; }

    public static RobotsRules Parse(string text, string productToken)
    {
        if (text.StartsWith('\uFEFF')) text = text[1..];
        var groups = new List<Group>();
        Group? current = null;
        var lastWasAgent = false;
        foreach (var rawLine in text.Split('\n', '\r'))
        {
            var comment = rawLine.IndexOf('#');
            var line = (comment >= 0 ? rawLine[..comment] : rawLine).Trim();
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
                current.Agents.Add(AgentToken(value));
                lastWasAgent = true;
                continue;
            }
            lastWasAgent = false;
            if (current is null) continue;
            if (key is "allow" or "disallow" && value.Length > 0) current.Rules.Add(Rule.Of(value, key == "allow"));
            if (key is "crawl-delay" && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
                current.Delay = TimeSpan.FromSeconds(Math.Min(seconds, 86_400));
        }

        var token = AgentToken(productToken);
        var chosen = groups.Where(g => g.Agents.Contains(token)).ToList();
        if (chosen.Count == 0) chosen = groups.Where(g => g.Agents.Contains("*")).ToList();
        return new RobotsRules(
            chosen.SelectMany(g => g.Rules).ToList(),
            chosen.Select(g => g.Delay).FirstOrDefault(d => d is not null),
            null);
    }

    public bool IsAllowed(Uri url)
    {
        if (url.AbsolutePath == "/robots.txt") return true;
        var path = Canonical(url.GetComponents(UriComponents.PathAndQuery, UriFormat.UriEscaped));
        var best = -1;
        var allowed = true;
        foreach (var rule in rules)
        {
            if (!rule.Matches(path)) continue;
            if (rule.Pattern.Length > best || (rule.Pattern.Length == best && rule.Allow))
            {
                best = rule.Pattern.Length;
                allowed = rule.Allow;
            }
        }
        return allowed;
    }

    /// <summary>The identifier a user-agent line names: letters, '-' and '_' up to the first other character, lower-cased.</summary>
    private static string AgentToken(string value)
    {
        if (value.StartsWith('*')) return "*";
        var end = 0;
        while (end < value.Length && (char.IsAsciiLetter(value[end]) || value[end] is '-' or '_')) end++;
        return value[..end].ToLowerInvariant();
    }

    /// <summary>
    /// RFC 9309 §2.2.2: octets outside US-ASCII percent-encoded (UTF-8, upper-case hex); a percent-encoded unreserved
    /// character decoded; other percent-encodings kept, with upper-case hex.
    /// </summary>
    internal static string Canonical(string path)
    {
        var result = new StringBuilder(path.Length + 16);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            if (c == '%' && i + 2 < path.Length && Uri.IsHexDigit(path[i + 1]) && Uri.IsHexDigit(path[i + 2]))
            {
                var octet = (char)Convert.ToByte(path.Substring(i + 1, 2), 16);
                if (char.IsAsciiLetterOrDigit(octet) || octet is '-' or '.' or '_' or '~') result.Append(octet);
                else result.Append('%').Append(char.ToUpperInvariant(path[i + 1])).Append(char.ToUpperInvariant(path[i + 2]));
                i += 2;
                continue;
            }
            if (c < 0x80)
            {
                result.Append(c);
                continue;
            }
            var length = char.IsHighSurrogate(c) && i + 1 < path.Length
                ? Encoding.UTF8.GetBytes(path.AsSpan(i++, 2), utf8)
                : Encoding.UTF8.GetBytes(path.AsSpan(i, 1), utf8);
            foreach (var b in utf8[..length]) result.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return result.ToString();
    }

    private sealed record Rule(string Pattern, string[] Pieces, bool Anchored, bool Allow)
    {
        public static Rule Of(string value, bool allow)
        {
            var pattern = Canonical(value);
            var anchored = pattern.EndsWith('$');
            return new Rule(pattern, (anchored ? pattern[..^1] : pattern).Split('*'), anchored, allow);
        }

        /// <summary>
        /// '*'-only globs match greedily: the first literal run must start the path, each later run is found at its
        /// leftmost place after the previous one, and an anchored pattern's last run must end the path.
        /// </summary>
        public bool Matches(string path)
        {
            if (!path.StartsWith(Pieces[0], StringComparison.Ordinal)) return false;
            if (Pieces.Length == 1) return !Anchored || path.Length == Pieces[0].Length;
            var at = Pieces[0].Length;
            for (var i = 1; i < Pieces.Length - 1; i++)
            {
                var found = path.IndexOf(Pieces[i], at, StringComparison.Ordinal);
                if (found < 0) return false;
                at = found + Pieces[i].Length;
            }
            var last = Pieces[^1];
            if (!Anchored) return path.IndexOf(last, at, StringComparison.Ordinal) >= 0;
            return path.Length - last.Length >= at && path.EndsWith(last, StringComparison.Ordinal);
        }
    }

    private sealed class Group
    {
        public List<string> Agents { get; } = [];

        public List<Rule> Rules { get; } = [];

        public TimeSpan? Delay { get; set; }
    }
}
