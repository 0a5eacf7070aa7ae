using Crawler.Reports.Model;

namespace Crawler.Reports.Publication;

/// <summary>
/// PUBLISHED_AT_CONFLICT: the dates found contradict each other by more than a day. Two things cannot both be
/// true: the sources that claim when the report went online (page, URL, list entry) naming days more than a day
/// apart (or a day outside a URL's month); and a document signed or made more than a day after the chosen
/// publication date. Last-Modified later than the publication is a CMS re-publishing a file, and an earlier
/// creation date or 落款 is a report written before it was published: neither is a conflict.
/// </summary>
public static class PublicationRule
{
    public const string Code = "PUBLISHED_AT_CONFLICT";

    public const string Where = "publishedAt";

    public static IReadOnlyList<Finding> Check(PublicationDecision decision)
    {
        var claims = decision.Candidates.Where(c => DateSources.ClaimsPublication(c.Source)).ToList();
        var conflicting = new List<PublicationDate>();
        for (var i = 0; i < claims.Count; i++)
        {
            for (var j = i + 1; j < claims.Count; j++)
            {
                if (!Apart(claims[i], claims[j])) continue;
                conflicting.Add(claims[i]);
                conflicting.Add(claims[j]);
            }
        }
        var chosen = decision.Chosen;
        var later = decision.Candidates
            .Where(c => c.Source is DateSource.Signature or DateSource.DocumentCreated && c.Date.DayNumber > chosen.LatestDate.DayNumber + 1)
            .ToList();
        if (conflicting.Count == 0 && later.Count == 0) return [];
        var named = conflicting.Concat(later).Prepend(chosen).Distinct().Select(Describe);
        var message = later.Count > 0 && conflicting.Count == 0
            ? $"文档日期晚于发布日期 {chosen.Text} 一天以上：{string.Join("；", later.Select(Describe))}（采用 {Describe(chosen)}）"
            : $"发布日期来源相差一天以上：{string.Join("；", named)}（采用 {DateSources.Label(chosen.Source)} {chosen.Text}）";
        return [new Finding(Code, FindingSeverity.Warning, Where, message)];
    }

    public static string Describe(PublicationDate date) => $"{DateSources.Label(date.Source)} {date.Text}（{date.Evidence}）";

    /// <summary>More than one day apart; a month is apart from a day more than a day outside it.</summary>
    private static bool Apart(PublicationDate a, PublicationDate b)
    {
        if (a.Precision == DatePrecision.Month && b.Precision == DatePrecision.Month) return a.Date != b.Date;
        var earliest = a.Date.DayNumber < b.Date.DayNumber ? a : b;
        var latest = ReferenceEquals(earliest, a) ? b : a;
        return latest.Date.DayNumber - earliest.LatestDate.DayNumber > 1;
    }
}
