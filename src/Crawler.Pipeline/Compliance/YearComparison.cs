using Crawler.Pipeline.Storage;
using Crawler.Reports.Json;

namespace Crawler.Pipeline.Compliance;

/// <summary>
/// One agency's reports of several years side by side: every figure any of them reports, its value each year
/// (null when that report left it empty or has no such cell) and its change from the previous year shown.
/// </summary>
public sealed record YearComparison(string Agency, IReadOnlyList<int> Years, IReadOnlyList<ReportVersionRecord?> Reports, IReadOnlyList<FigureComparison> Figures)
{
    /// <param name="latest">The latest version of each report of the agency (any years; those not asked for are ignored).</param>
    public static YearComparison Build(string agency, IReadOnlyList<int> years, IEnumerable<ReportVersionRecord> latest)
    {
        var byYear = latest.Where(v => v.Agency == agency).GroupBy(v => v.Year).ToDictionary(g => g.Key, g => g.OrderByDescending(v => v.Version).First());
        var reports = years.Select(y => byYear.GetValueOrDefault(y)).ToList();
        var figures = reports.Select(r => r is null
            ? new Dictionary<string, decimal?>()
            : ReportJson.Deserialize(r.ParsedJson).Report.Figures().ToDictionary(f => f.Key, f => f.Value)).ToList();
        var keys = new List<string>();
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var report in figures) keys.AddRange(report.Keys.Where(known.Add));
        var rows = keys
            .Select(key => new FigureComparison(key, FigureLabels.Of(key), [.. figures.Select(f => f.GetValueOrDefault(key))]))
            .Where(row => row.Values.Any(v => v is not null))
            .ToList();
        return new YearComparison(agency, years, reports, rows);
    }
}
