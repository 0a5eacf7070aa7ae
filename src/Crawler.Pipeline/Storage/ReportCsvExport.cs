using System.Globalization;
using System.Text.Json.Nodes;
using Crawler.Reports.Json;
using Crawler.Reports.Model;
using Crawler.Reports.Publication;

namespace Crawler.Pipeline.Storage;

/// <summary>
/// One CSV row per report version, one column per figure (RFC 4180: CRLF, quotes doubled, fields with
/// commas, quotes or line breaks quoted). The figure columns are the 2021 layout's keys in printed order,
/// then the keys only the 2019 layout has; a figure the report's layout lacks, or left empty, is an empty cell.
/// </summary>
public static class ReportCsvExport
{
    private static readonly string[] MetadataColumns =
    [
        "agency", "region", "year", "version", "isLatest", "template", "title", "statisticalPeriodFrom", "statisticalPeriodTo",
        "sourceId", "documentUrl", "pageUrl", "sha256", "mediaType", "fetchedAt", "publishedAt", "publishedAtSource", "findingCodes",
    ];

    public static IReadOnlyList<string> FigureColumns { get; } = BuildFigureColumns();

    public static IReadOnlyList<string> Columns { get; } = [.. MetadataColumns, .. FigureColumns];

    public static async Task WriteAsync(TextWriter output, IEnumerable<ReportVersionRecord> versions, CancellationToken cancellationToken)
    {
        await output.WriteAsync(Line(Columns).AsMemory(), cancellationToken).ConfigureAwait(false);
        foreach (var version in versions)
        {
            await output.WriteAsync(Line(Row(version)).AsMemory(), cancellationToken).ConfigureAwait(false);
        }
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public static IReadOnlyList<string> Row(ReportVersionRecord version)
    {
        var result = ReportJson.Deserialize(version.ParsedJson);
        var report = result.Report;
        var figures = report.Figures().ToDictionary(f => f.Key, f => f.Value);
        var period = JsonNode.Parse(version.ParsedJson)?["statisticalPeriod"];
        string[] metadata =
        [
            version.Agency, version.Region ?? "", version.Year.ToString(CultureInfo.InvariantCulture), version.Version.ToString(CultureInfo.InvariantCulture),
            version.IsLatest ? "true" : "false", version.Template, report.Title ?? "",
            period?["from"]?.GetValue<string>() ?? "", period?["to"]?.GetValue<string>() ?? "",
            version.SourceId, version.DocumentUrl.AbsoluteUri, version.PageUrl?.AbsoluteUri ?? "", version.Sha256, version.MediaType,
            version.FetchedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            version.PublishedAt?.Text ?? "", version.PublishedAt is { } published ? DateSources.Name(published.Source) : "",
            string.Join(' ', version.Findings.Select(f => f.Code).Distinct(StringComparer.Ordinal)),
        ];
        return [.. metadata, .. FigureColumns.Select(key => figures.TryGetValue(key, out var value) && value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "")];
    }

    public static string Line(IEnumerable<string> fields) => string.Join(',', fields.Select(Quote)) + "\r\n";

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    private static List<string> BuildFigureColumns()
    {
        var keys = AnnualReport.Blank(ReportTemplate.Template2021).Figures().Select(f => f.Key).ToList();
        var known = keys.ToHashSet(StringComparer.Ordinal);
        keys.AddRange(AnnualReport.Blank(ReportTemplate.Template2019).Figures().Select(f => f.Key).Where(known.Add));
        return keys;
    }
}
