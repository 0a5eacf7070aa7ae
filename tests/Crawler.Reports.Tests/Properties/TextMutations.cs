using System.Text;
using System.Text.RegularExpressions;

namespace Crawler.Reports.Tests.Properties;

/// <summary>
/// Edits a seed text the way real publication does without changing what it says: re-wrapped prose,
/// different whitespace, label synonyms, page numbers, prose paragraphs in another order.
/// </summary>
internal static partial class TextMutations
{
    private static readonly string[] PageNumbers = ["-3-", "- 12 -", "第 2 页", "第3页 共9页", "— 4 —"];

    private static string[] Lines(string text) => text.Replace("\r\n", "\n").Split('\n');

    private static bool IsProse(string line) => !line.Contains('\t') && line.Trim().Length > 0 && !line.TrimStart().StartsWith('|');

    /// <summary>Splits long prose lines in two, with a line break or a blank line, at a random point.</summary>
    public static string Rewrap(string text, Random random)
    {
        var output = new List<string>();
        foreach (var line in Lines(text))
        {
            if (IsProse(line) && line.Length > 40 && random.Next(2) == 0)
            {
                var at = random.Next(15, line.Length - 15);
                output.Add(line[..at]);
                if (random.Next(2) == 0) output.Add("");
                output.Add(line[at..]);
            }
            else output.Add(line);
        }
        return string.Join("\n", output);
    }

    /// <summary>Pads table cells and prose with spaces (ASCII and full-width) and adds trailing spaces.</summary>
    public static string Whitespace(string text, Random random)
    {
        var output = new List<string>();
        foreach (var line in Lines(text))
        {
            if (line.Trim().Length == 0 || random.Next(3) == 0) { output.Add(line); continue; }
            if (line.Contains('\t'))
            {
                var fields = line.Split('\t');
                for (var i = 0; i < fields.Length; i++)
                {
                    if (fields[i].Length > 0 && random.Next(2) == 0) fields[i] = Pad(random) + fields[i] + Pad(random);
                }
                output.Add(string.Join('\t', fields));
            }
            else output.Add(Pad(random) + line + Pad(random));
        }
        return string.Join("\n", output);
    }

    /// <summary>Doubles some tabs of PDF table rows: an extra empty field, as another extraction would give.</summary>
    public static string ExtraTabs(string text, Random random)
    {
        var output = new List<string>();
        foreach (var line in Lines(text))
        {
            if (!line.Contains('\t') || line.StartsWith('\t') && line.IndexOf('\t', 1) < 0 || random.Next(3) == 0) { output.Add(line); continue; }
            var builder = new StringBuilder();
            foreach (var c in line)
            {
                builder.Append(c);
                if (c == '\t' && random.Next(4) == 0) builder.Append('\t');
            }
            if (random.Next(3) == 0) builder.Append('\t');
            output.Add(builder.ToString());
        }
        return string.Join("\n", output);
    }

    /// <summary>Prints the other spelling of a label everywhere: 合计/总计, 社会组织/社会公益组织.</summary>
    public static string Synonyms(string text, Random random) => random.Next(4) switch
    {
        0 => text.Replace("总计", "合计", StringComparison.Ordinal),
        1 => text.Replace("合计", "总计", StringComparison.Ordinal),
        2 => text.Replace("社会公益组织", "社会组织", StringComparison.Ordinal),
        _ => SocialOrganisation().Replace(text, "社会公益组织"),
    };

    /// <summary>Inserts page-number lines between random lines, inside tables too.</summary>
    public static string PageNumberLines(string text, Random random)
    {
        var output = new List<string>();
        foreach (var line in Lines(text))
        {
            output.Add(line);
            if (random.Next(6) == 0) output.Add(PageNumbers[random.Next(PageNumbers.Length)]);
        }
        return string.Join("\n", output);
    }

    /// <summary>Shuffles the prose lines of sections 一, 五 and 六 among themselves.</summary>
    public static string ShuffleProse(string text, Random random)
    {
        var lines = Lines(text);
        var headings = new List<(int Line, char Section)>();
        for (var i = 0; i < lines.Length; i++)
        {
            var match = Heading().Match(lines[i]);
            if (match.Success) headings.Add((i, match.Groups[1].Value[0]));
        }
        for (var h = 0; h < headings.Count; h++)
        {
            if (headings[h].Section is not ('一' or '五' or '六' or '5' or '6')) continue;
            var end = h + 1 < headings.Count ? headings[h + 1].Line : lines.Length;
            var positions = Enumerable.Range(headings[h].Line + 1, end - headings[h].Line - 1).Where(i => IsProse(lines[i])).ToArray();
            var shuffled = positions.Select(i => lines[i]).OrderBy(_ => random.Next()).ToArray();
            for (var k = 0; k < positions.Length; k++) lines[positions[k]] = shuffled[k];
        }
        return string.Join("\n", lines);
    }

    private static string Pad(Random random) => random.Next(3) switch { 0 => "", 1 => " ", _ => "\u3000" };

    [GeneratedRegex(@"^[#\s]*([一二三四五六1-6])\s*[、.]\s*(?:总体情况|主动公开|收到和处理|政府信息公开行政复议|存在的主要问题|其他需要报告)")]
    private static partial Regex Heading();

    [GeneratedRegex("社会组织")]
    private static partial Regex SocialOrganisation();
}
