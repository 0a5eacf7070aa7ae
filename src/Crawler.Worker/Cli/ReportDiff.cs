using System.Globalization;
using Crawler.Pipeline.Storage;
using Crawler.Reports.Json;

namespace Crawler.Worker.Cli;

/// <summary>
/// What changed between two stored versions of a report, figure by figure (an empty cell is not 0), with the title,
/// template and finding codes that changed.
/// </summary>
internal sealed record ReportDiff(ReportVersionRecord From, ReportVersionRecord To, IReadOnlyList<FigureChange> Figures,
    IReadOnlyList<(string Field, string? From, string? To)> Metadata, IReadOnlyList<string> FindingsAdded, IReadOnlyList<string> FindingsRemoved)
{
    /// <summary>Each report's consecutive versions compared (1→2, 2→3 …), for the reports that have more than one.</summary>
    public static IReadOnlyList<ReportDiff> Consecutive(IEnumerable<ReportVersionRecord> versions) =>
        versions.GroupBy(v => v.ReportId)
            .SelectMany(report => report.OrderBy(v => v.Version).Zip(report.OrderBy(v => v.Version).Skip(1), Between))
            .ToList();

    public static ReportDiff Between(ReportVersionRecord from, ReportVersionRecord to)
    {
        var before = ReportCsvExport.Figures(from);
        var after = ReportCsvExport.Figures(to);
        var figures = ReportExportColumns.FigureKeys
            .Where(k => before.ContainsKey(k) || after.ContainsKey(k))
            .Select(k => new FigureChange(k, before.GetValueOrDefault(k), after.GetValueOrDefault(k)))
            .Where(c => c.Before != c.After)
            .ToList();
        var (oldReport, newReport) = (ReportJson.Deserialize(from.ParsedJson).Report, ReportJson.Deserialize(to.ParsedJson).Report);
        var metadata = new List<(string, string?, string?)>();
        if (oldReport.Title != newReport.Title) metadata.Add(("标题 title", oldReport.Title, newReport.Title));
        if (from.Template != to.Template) metadata.Add(("模板 template", from.Template, to.Template));
        if (from.DocumentUrl != to.DocumentUrl) metadata.Add(("文档 document", from.DocumentUrl.AbsoluteUri, to.DocumentUrl.AbsoluteUri));
        var (oldCodes, newCodes) = (Codes(from), Codes(to));
        return new ReportDiff(from, to, figures, metadata, newCodes.Except(oldCodes).ToList(), oldCodes.Except(newCodes).ToList());
    }

    public void Write(TextWriter output)
    {
        output.WriteLine($"{To.Agency} {To.Year} 年：第{From.Version}版 → 第{To.Version}版（抓取 {Time(From)} → {Time(To)}，北京时间）");
        foreach (var (field, before, after) in Metadata) output.WriteLine($"  {field}: {before ?? Blank} → {after ?? Blank}");
        foreach (var change in Figures)
        {
            output.WriteLine($"  {ReportExportColumns.FigureLabel(change.Key)} [{change.Key}]: {Show(change.Before)} → {Show(change.After)}");
        }
        if (FindingsAdded.Count + FindingsRemoved.Count > 0)
        {
            output.WriteLine("  发现 findings: " + string.Join(' ', FindingsAdded.Select(c => "+" + c).Concat(FindingsRemoved.Select(c => "−" + c))));
        }
        output.WriteLine(Figures.Count == 0 ? "  数字相同 (no figure changed)" : $"  {Figures.Count} 个数字不同 (figures changed)");
    }

    private const string Blank = "空";

    private static string Show(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? Blank;

    private static string Time(ReportVersionRecord version) => ReportExportColumns.BeijingTime(version.FetchedAt, ExportHeader.Labels);

    private static List<string> Codes(ReportVersionRecord version) => version.Findings.Select(f => f.Code).Distinct(StringComparer.Ordinal).ToList();
}

/// <summary>One figure that differs between two versions; null is an empty cell.</summary>
internal sealed record FigureChange(string Key, decimal? Before, decimal? After);
