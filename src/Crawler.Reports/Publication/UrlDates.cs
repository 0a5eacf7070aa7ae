using System.Globalization;
using System.Text.RegularExpressions;

namespace Crawler.Reports.Publication;

/// <summary>
/// Dates that CMS families write into the URLs of what they publish:
/// TRS <c>/202401/t20240125_1001.html</c> and attachments <c>P020240125….pdf</c>, Hanweb <c>/art/2024/1/29/art_….html</c>,
/// dated folders <c>/2024/0130/</c>, <c>/2024/01/30/</c>, <c>/2024-01-30/</c>, <c>/20240130/</c>, and month folders
/// <c>/202401/</c> (a month, not a day).
/// </summary>
public static partial class UrlDates
{
    /// <summary>The dates in the URL's path (not its host or query), most specific first; a month is left out when a day of it is there.</summary>
    public static IReadOnlyList<PublicationDate> Find(Uri url)
    {
        var path = Uri.UnescapeDataString(url.AbsolutePath);
        var days = new List<(DateOnly Date, string Evidence)>();
        foreach (var pattern in DayPatterns())
        {
            foreach (Match match in pattern.Matches(path))
            {
                if (DateText.Valid(Number(match, "y"), Number(match, "m"), Number(match, "d")) is { } date) days.Add((date, match.Value.Trim('/')));
            }
        }
        var found = days.DistinctBy(d => d.Date).Select(d => new PublicationDate(d.Date, DateSource.Url, $"{url.AbsoluteUri}（{d.Evidence}）")).ToList();
        foreach (Match match in MonthFolder().Matches(path))
        {
            if (DateText.Valid(Number(match, "y"), Number(match, "m"), 1) is not { } month) continue;
            if (found.Any(d => d.Date.Year == month.Year && d.Date.Month == month.Month)) continue;
            found.Add(new PublicationDate(month, DateSource.Url, $"{url.AbsoluteUri}（{match.Value.Trim('/')}）") { Precision = DatePrecision.Month });
        }
        return found;
    }

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    private static IEnumerable<Regex> DayPatterns() =>
        [TrsArticle(), TrsAttachment(), YearMonthDaySegments(), YearSlashMonthDay(), DashedFolder(), CompactFolder()];

    // t20240125_1001.html (TRS article), also 20240125_ prefixes some CMSs use.
    [GeneratedRegex(@"(?<=/)t?(?<y>20\d{2})(?<m>\d{2})(?<d>\d{2})_\d+")]
    private static partial Regex TrsArticle();

    // P020240125585934612345.pdf: TRS names uploaded files P0 + yyyyMMdd + a sequence.
    [GeneratedRegex(@"(?<=/)P0(?<y>20\d{2})(?<m>\d{2})(?<d>\d{2})\w*\.\w+$")]
    private static partial Regex TrsAttachment();

    // /art/2024/1/29/ (Hanweb), /2024/01/29/.
    [GeneratedRegex(@"/(?<y>20\d{2})/(?<m>\d{1,2})/(?<d>\d{1,2})/")]
    private static partial Regex YearMonthDaySegments();

    // /2024/0130/
    [GeneratedRegex(@"/(?<y>20\d{2})/(?<m>\d{2})(?<d>\d{2})/")]
    private static partial Regex YearSlashMonthDay();

    // /2024-01-30/
    [GeneratedRegex(@"/(?<y>20\d{2})-(?<m>\d{1,2})-(?<d>\d{1,2})/")]
    private static partial Regex DashedFolder();

    // /20240130/
    [GeneratedRegex(@"/(?<y>20\d{2})(?<m>\d{2})(?<d>\d{2})/")]
    private static partial Regex CompactFolder();

    // /202401/
    [GeneratedRegex(@"/(?<y>20\d{2})(?<m>\d{2})/")]
    private static partial Regex MonthFolder();
}
