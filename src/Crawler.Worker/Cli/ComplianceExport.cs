using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Crawler.Pipeline.Compliance;
using Crawler.Reports.Publication;
using Crawler.Reports.Model;

namespace Crawler.Worker.Cli;

/// <summary>The compliance list as JSON (one object per agency) and CSV (the same facts, one row per agency).</summary>
internal static class ComplianceExport
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public static string Json(IReadOnlyList<ComplianceRow> rows) => JsonSerializer.Serialize(rows.Select(r => new
    {
        agency = r.Agency,
        sourceId = r.SourceId,
        region = r.Region,
        year = r.Year,
        status = ComplianceStatuses.Name(r.Status),
        statusLabel = ComplianceStatuses.Label(r.Status, r.DaysLate),
        publishedAt = r.PublishedAt?.Text,
        publishedAtSource = r.PublishedAt is { } p ? DateSources.Name(p.Source) : null,
        publishedAtEvidence = r.PublishedAt?.Evidence,
        daysLate = r.DaysLate,
        deadline = Day(r.DueDate),
        firstFoundAt = r.FirstFoundAt,
        template = r.Template,
        standardFormat = r.Template is null ? (bool?)null : r.StandardFormat,
        figuresAddUp = r.Status == ComplianceStatus.Missing ? (bool?)null : r.FiguresAddUp,
        versions = r.Versions,
        documentUrl = r.DocumentUrl?.AbsoluteUri,
        findings = r.Findings.Select(f => new { f.Code, Severity = f.Severity.ToString().ToLowerInvariant(), f.Where, f.Message }),
        ruleViolations = r.RuleViolations.Select(f => new { f.Code, f.Where, f.Message }),
    }), Options);

    public static IReadOnlyList<string> CsvColumns { get; } =
    [
        "agency", "sourceId", "region", "year", "status", "publishedAt", "publishedAtSource", "daysLate", "deadline", "firstFoundAt", "template",
        "standardFormat", "figuresAddUp", "ruleViolations", "findings", "documentUrl",
    ];

    public static string Csv(IReadOnlyList<ComplianceRow> rows)
    {
        // UTF-8 BOM so that Excel opens the Chinese correctly.
        var csv = new StringBuilder("\uFEFF").AppendJoin(',', CsvColumns).Append("\r\n");
        foreach (var r in rows)
        {
            string[] fields =
            [
                r.Agency, r.SourceId ?? "", r.Region ?? "", r.Year.ToString(CultureInfo.InvariantCulture), ComplianceStatuses.Name(r.Status),
                r.PublishedAt?.Text ?? "", r.PublishedAt is { } p ? DateSources.Name(p.Source) : "", r.DaysLate?.ToString(CultureInfo.InvariantCulture) ?? "",
                Day(r.DueDate), r.FirstFoundAt?.ToString("o", CultureInfo.InvariantCulture) ?? "", r.Template ?? "",
                r.Template is null ? "" : r.StandardFormat ? "true" : "false",
                r.Status == ComplianceStatus.Missing ? "" : r.FiguresAddUp ? "true" : "false",
                Codes(r.RuleViolations), Codes(r.Findings), r.DocumentUrl?.AbsoluteUri ?? "",
            ];
            csv.AppendJoin(',', fields.Select(Quote)).Append("\r\n");
        }
        return csv.ToString();
    }

    public static string Codes(IEnumerable<Finding> findings) =>
        string.Join(" ", findings.GroupBy(f => f.Code).Select(g => g.Count() > 1 ? $"{g.Key}×{g.Count()}" : g.Key));

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
