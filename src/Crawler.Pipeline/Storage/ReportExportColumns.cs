using System.Globalization;
using Crawler.Reports.Model;
using Crawler.Reports.Templates;
using Crawler.Reports.Parsing;

namespace Crawler.Pipeline.Storage;

/// <summary>How export columns are headed: the template's printed labels (for people), or the dotted keys (for programs).</summary>
public enum ExportHeader
{
    Labels,
    Keys,
}

/// <summary>
/// The columns of the CSV and xlsx exports: the metadata, then every figure key of every declared template
/// (<see cref="ReportTemplates.FigureKeys"/>: the first template's in printed order, then the keys only later ones
/// have), each with its key and the label the template prints.
/// </summary>
public static class ReportExportColumns
{
    private static readonly TimeSpan BeijingOffset = TimeSpan.FromHours(8);

    public static IReadOnlyList<(string Key, string Label)> Metadata { get; } =
    [
        ("agency", "机关"), ("region", "地区"), ("year", "年度"), ("version", "版本"), ("isLatest", "是否最新版本"), ("template", "模板"),
        ("title", "标题"), ("statisticalPeriodFrom", "统计期限起"), ("statisticalPeriodTo", "统计期限止"), ("sourceId", "来源"),
        ("documentUrl", "文档地址"), ("pageUrl", "页面地址"), ("sha256", "sha256"), ("mediaType", "文件类型"),
        ("fetchedAt", "抓取时间（北京时间）"), ("publishedAt", "发布日期"), ("publishedAtSource", "发布日期来源"), ("findingCodes", "发现代码"),
    ];

    private sealed record KeysFor(object Snapshot, IReadOnlyList<string> Keys);

    private static KeysFor? _figureKeys;

    /// <summary>Every figure column; rebuilt when a template is registered.</summary>
    public static IReadOnlyList<string> FigureKeys
    {
        get
        {
            var all = ReportTemplates.All;
            if (Volatile.Read(ref _figureKeys) is { } cached && ReferenceEquals(cached.Snapshot, all)) return cached.Keys;
            var keys = ReportTemplates.FigureKeys();
            Volatile.Write(ref _figureKeys, new KeysFor(all, keys));
            return keys;
        }
    }

    public static IReadOnlyList<string> Headers(ExportHeader header) => header == ExportHeader.Keys
        ? [.. Metadata.Select(m => m.Key), .. FigureKeys]
        : [.. Metadata.Select(m => m.Label), .. FigureKeys.Select(FigureLabel)];

    /// <summary>
    /// A figure's printed label, its row's (with ordinal and group) then its column's:
    /// "一、本年新收政府信息公开申请数量 自然人", "行政诉讼 未经复议直接起诉 结果维持", "规章 本年制发件数".
    /// </summary>
    public static string FigureLabel(string key)
    {
        var parts = key.Split('.');
        if (parts.Length != 3) return key;
        var (table, row, cell) = (parts[0], parts[1], parts[2]);
        // The first layout whose row has that cell: a 2019 key (rules.made) is labelled by the 2019 row, not by 2021's rules row.
        var definition = ReportTemplates.AllTables.Where(t => t.Key == table).Select(t => t.Row(row))
            .FirstOrDefault(r => r is not null && r.Cells.Any(c => c.Key == cell));
        if (definition is null) return key;
        var rowLabel = table == ReportSchema.ApplicationsKey ? PrintedLabels.Of(table, row) : definition.Label;
        if (table != ReportSchema.ApplicationsKey && definition.Group is { } group && !group.StartsWith('第')) rowLabel = group + " " + rowLabel;
        var cellLabel = definition.Cells.FirstOrDefault(c => c.Key == cell)?.Label ?? cell;
        return rowLabel + " " + cellLabel;
    }

    /// <summary>Which template table a figure key belongs to: activeDisclosure, applications, reviewAndLitigation.</summary>
    public static string TableOf(string key) => key[..key.IndexOf('.', StringComparison.Ordinal)];

    /// <summary>A time in Beijing time to the second: "2024-01-25 11:00:00" for people, ISO 8601 with +08:00 for programs.</summary>
    public static string BeijingTime(DateTimeOffset at, ExportHeader header) =>
        at.ToOffset(BeijingOffset).ToString(header == ExportHeader.Keys ? "yyyy-MM-dd'T'HH:mm:sszzz" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
