using Crawler.Reports.Model;

namespace Crawler.Pipeline.Notification;

/// <summary>
/// The handful of figures a reader of an alert wants at a glance. Null means the report left every
/// contributing cell empty (not reported), which is not zero.
/// </summary>
public sealed record KeyFigures(decimal? NewReceived, decimal? Granted, decimal? DeniedTotal, decimal? ReviewTotal, decimal? LitigationTotal)
{
    public static KeyFigures None { get; } = new(null, null, null, null, null);

    public static KeyFigures From(AnnualReport report)
    {
        var applications = report.Applications;
        var review = report.ReviewAndLitigation;
        var deniedRows = applications.Definition.Rows.Where(r => r.Key.StartsWith("denied", StringComparison.Ordinal));
        return new KeyFigures(
            applications["newReceived", "total"],
            applications["granted", "total"],
            Sum(deniedRows.Select(r => applications[r.Key, "total"])),
            review["review", "total"],
            Sum([review["litigationDirect", "total"], review["litigationAfterReview", "total"]]));
    }

    private static decimal? Sum(IEnumerable<decimal?> values)
    {
        var reported = values.Where(v => v is not null).ToList();
        return reported.Count == 0 ? null : reported.Sum();
    }
}
