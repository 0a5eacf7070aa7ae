using System.Globalization;
using System.Text.Json.Nodes;
using Crawler.Reports.Json;
using Crawler.Reports.Publication;

namespace Crawler.Pipeline.Storage;

/// <summary>
/// One CSV row per report version, one column per figure (RFC 4180: CRLF, quotes doubled, fields with
/// commas, quotes or line breaks quoted), headed by the template's printed labels or by the dotted keys
/// (<see cref="ReportExportColumns"/>); a figure the report's layout lacks, or left empty, is an empty cell.
/// </summary>
public static class ReportCsvExport
{
    public static IReadOnlyList<string> FigureColumns => ReportExportColumns.FigureKeys;

    /// <summary>The machine keys (the header of <c>--header keys</c>).</summary>
    public static IReadOnlyList<string> Columns => ReportExportColumns.Headers(ExportHeader.Keys);

    public static async Task WriteAsync(TextWriter output, IEnumerable<ReportVersionRecord> versions, ExportHeader header, CancellationToken cancellationToken)
    {
        await output.WriteAsync(Line(ReportExportColumns.Headers(header)).AsMemory(), cancellationToken).ConfigureAwait(false);
        foreach (var version in versions)
        {
            await output.WriteAsync(Line(Row(version, header)).AsMemory(), cancellationToken).ConfigureAwait(false);
        }
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public static IReadOnlyList<string> Row(ReportVersionRecord version, ExportHeader header = ExportHeader.Keys)
    {
        var figures = Figures(version);
        return [.. Metadata(version, header), .. FigureColumns.Select(key => figures.TryGetValue(key, out var value) && value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "")];
    }

    /// <summary>The metadata cells of a version, in the order of <see cref="ReportExportColumns.Metadata"/>.</summary>
    public static IReadOnlyList<string> Metadata(ReportVersionRecord version, ExportHeader header)
    {
        var report = ReportJson.Deserialize(version.ParsedJson).Report;
        var period = JsonNode.Parse(version.ParsedJson)?["statisticalPeriod"];
        return
        [
            version.Agency, version.Region ?? "", version.Year.ToString(CultureInfo.InvariantCulture), version.Version.ToString(CultureInfo.InvariantCulture),
            header == ExportHeader.Keys ? (version.IsLatest ? "true" : "false") : (version.IsLatest ? "是" : "否"), version.Template, report.Title ?? "",
            period?["from"]?.GetValue<string>() ?? "", period?["to"]?.GetValue<string>() ?? "",
            version.SourceId, version.DocumentUrl.AbsoluteUri, version.PageUrl?.AbsoluteUri ?? "", version.Sha256, version.MediaType,
            ReportExportColumns.BeijingTime(version.FetchedAt, header),
            version.PublishedAt?.Text ?? "",
            version.PublishedAt is { } published ? header == ExportHeader.Keys ? DateSources.Name(published.Source) : DateSources.Label(published.Source) : "",
            string.Join(' ', version.Findings.Select(f => f.Code).Distinct(StringComparer.Ordinal)),
        ];
    }

    public static Dictionary<string, decimal?> Figures(ReportVersionRecord version) =>
        ReportJson.Deserialize(version.ParsedJson).Report.Figures().ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);

    public static string Line(IEnumerable<string> fields) => string.Join(',', fields.Select(Quote)) + "\r\n";

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
