using System.Text.RegularExpressions;

namespace Crawler.Reports.Publication;

/// <summary>
/// The dates a report page states about itself: CMS meta tags, and the 发布时间 / 发布日期 / 成文日期 line of its
/// visible text. Pure: the caller reads the meta tags and the text from the HTML.
/// </summary>
public static partial class PageDates
{
    /// <summary>
    /// Meta names that carry the publication date, in the order trusted: TRS/Hanweb/gkmlpt CMSs, then the
    /// generic Dublin Core and Open Graph ones. Modification dates (lastmodifiedtime) are not publication.
    /// </summary>
    public static IReadOnlyList<string> MetaNames { get; } =
    [
        "PubDate", "firstpublishedtime", "ArticleDate", "publishdate", "publishtime", "pubtime", "ArticlePubDate", "releasedate",
        "article:published_time", "og:published_time", "dcterms.issued", "dc.date.issued", "DC.Date",
    ];

    /// <summary>Labels of the page's own date line, most trusted first (成文日期 is when the report was written).</summary>
    private static readonly string[] Labels = ["发布时间", "发布日期", "公开时间", "公开日期", "发文时间", "发文日期", "成文日期", "印发日期", "日期", "时间"];

    /// <summary>The first meta tag (in <see cref="MetaNames"/> order) whose content is a date.</summary>
    public static PublicationDate? FromMeta(IEnumerable<KeyValuePair<string, string>> metaTags)
    {
        var tags = metaTags.Where(t => !string.IsNullOrWhiteSpace(t.Value)).ToList();
        foreach (var name in MetaNames)
        {
            foreach (var tag in tags.Where(t => t.Key.Trim().Equals(name, StringComparison.OrdinalIgnoreCase)))
            {
                if (DateText.ParseValue(tag.Value) is { } date) return new PublicationDate(date, DateSource.PageMetadata, $"<meta name=\"{tag.Key}\" content=\"{tag.Value.Trim()}\">");
            }
        }
        return null;
    }

    /// <summary>
    /// The page's date line: the best-ranked label followed by a date (发布时间：2024-01-25 10:30). Only the first
    /// occurrence of a label counts: later ones belong to related-article lists. A range (…至…) is a period, not a date.
    /// </summary>
    public static PublicationDate? FromText(string? pageText)
    {
        if (string.IsNullOrWhiteSpace(pageText)) return null;
        PublicationDate? best = null;
        var bestRank = int.MaxValue;
        foreach (Match match in DateLine().Matches(pageText))
        {
            var label = match.Groups["label"].Value;
            var rank = Array.IndexOf(Labels, label);
            if (rank < 0 || rank >= bestRank) continue;
            var after = pageText.AsSpan(match.Index + match.Length, Math.Min(12, pageText.Length - match.Index - match.Length));
            if (after.TrimStart().StartsWith("至") || after.TrimStart().StartsWith("—") || after.TrimStart().StartsWith("到")) continue;
            if (DateText.First(match.Groups["date"].Value) is not { } date) continue;
            best = new PublicationDate(date, DateSource.PageText, match.Value.Trim());
            bestRank = rank;
        }
        return best;
    }

    // A label (not 更新时间 or 统计时间), an optional colon, then the date (with an optional time) within a few characters.
    [GeneratedRegex(@"(?<!更新|修改|统计|截止|更改|访问|浏览)(?<label>发布时间|发布日期|公开时间|公开日期|发文时间|发文日期|成文日期|印发日期|日期|时间)\s*[:：]?\s*(?<date>20\d{2}\s*(?:[-/.]|年)\s*\d{1,2}\s*(?:[-/.]|月)\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?)")]
    private static partial Regex DateLine();
}
