using Crawler.Pipeline.Notification;
using Crawler.Pipeline.Sources;

namespace Crawler.Pipeline.Compliance;

/// <summary>
/// The due date of one agency's report on year Y, most specific first: an explicit date for the whole list
/// (<c>compliance --deadline</c>), a Compliance:Deadlines entry for Y whose region is the longest prefix of the
/// source's region, one for Y without a region, the source's Alerts:Deadline rule (people's governments by 31 March),
/// and the regulation's 31 January of Y+1 (条例 第四十九条). All in Beijing time: the report is on time through the due day.
/// </summary>
public sealed class ComplianceDeadlines(ComplianceOptions? options = null, DeadlineOptions? alerts = null, DateOnly? everywhere = null)
{
    public static DateOnly Regulation(int year) => new(year + 1, 1, 31);

    public DateOnly DueDate(int year, string? sourceId, string? region)
    {
        if (everywhere is { } fixedDate) return fixedDate;
        var configured = (options?.Deadlines ?? []).Where(d => d.Year == year).ToList();
        var regional = configured.Where(d => !string.IsNullOrWhiteSpace(d.Region) && region is not null && region.StartsWith(d.Region.Trim(), StringComparison.Ordinal))
            .OrderByDescending(d => d.Region!.Trim().Length).FirstOrDefault();
        if (regional is not null) return regional.Date;
        if (configured.FirstOrDefault(d => string.IsNullOrWhiteSpace(d.Region)) is { } general) return general.Date;
        if (alerts is not null && sourceId is not null && alerts.Sources.ContainsKey(sourceId))
        {
            var (month, day, _) = alerts.RuleFor(sourceId);
            return new DateOnly(year + 1, month, Math.Min(day, DateTime.DaysInMonth(year + 1, month)));
        }
        return Regulation(year);
    }

    public DateOnly DueDate(int year, Source source) => DueDate(year, source.Id, source.Region);
}
