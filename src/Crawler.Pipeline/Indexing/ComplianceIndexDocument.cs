using System.Globalization;
using System.Text.Json.Nodes;
using Crawler.Pipeline.Compliance;
using Crawler.Reports.Publication;

namespace Crawler.Pipeline.Indexing;

/// <summary>
/// One line of the compliance list (<see cref="ComplianceRow"/>, as <c>crawler compliance</c> judges it) as its
/// document in the compliance index (the shape of compliance-template.json). A missing agency has no publishedAt,
/// publishedAtSource, daysLate, template or figuresAddUp: absent, not null.
/// </summary>
public static class ComplianceIndexDocument
{
    /// <summary>{sourceId}:{year} (the agency when a stored report has no source id): re-indexing overwrites.</summary>
    public static string IdOf(ComplianceRow row) =>
        string.Create(CultureInfo.InvariantCulture, $"{(string.IsNullOrWhiteSpace(row.SourceId) ? row.Agency : row.SourceId)}:{row.Year}");

    /// <summary>
    /// The document without indexedAt: what it says, which changes only when the agency's line changes (its hash keys
    /// the outbox message); <see cref="Stamp"/> adds indexedAt before it is queued.
    /// </summary>
    /// <param name="today">The Beijing calendar day of indexing: the deadline has passed when it is before today.</param>
    public static JsonObject Content(ComplianceRow row, DateOnly today)
    {
        var missing = row.Status == ComplianceStatus.Missing;
        var document = new JsonObject
        {
            ["sourceId"] = row.SourceId,
            ["agency"] = row.Agency,
            ["region"] = row.Region,
            ["province"] = row.Region is { } region ? Regions.Province(region) : null,
            ["year"] = row.Year,
            ["reportYear"] = ReportIndexDocument.ReportYear(row.Year),
            ["status"] = ComplianceStatuses.Name(row.Status),
            ["statusLabel"] = ComplianceStatuses.Label(row.Status, row.DaysLate),
            ["publishedAt"] = row.PublishedAt is { } published ? ReportIndexDocument.Day(published.Date) : null,
            ["publishedAtSource"] = row.PublishedAt is { } source ? DateSources.Name(source.Source) : null,
            ["daysLate"] = row.DaysLate,
            ["deadline"] = ReportIndexDocument.Day(row.DueDate),
            ["deadlinePassed"] = today > row.DueDate,
            ["template"] = row.Template,
            ["standardFormat"] = row.Template is null ? null : row.StandardFormat,
            ["figuresAddUp"] = missing ? null : row.FiguresAddUp,
            ["findingCount"] = row.Findings.Count,
            ["findingCodes"] = Codes(row.Findings),
            ["ruleViolationCodes"] = Codes(row.RuleViolations),
            ["versions"] = row.Versions,
            ["firstFoundAt"] = row.FirstFoundAt?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            ["documentUrl"] = row.DocumentUrl?.AbsoluteUri,
        };
        foreach (var key in document.Where(p => p.Value is null).Select(p => p.Key).ToList()) document.Remove(key);
        return document;
    }

    /// <summary>Adds when the document was indexed (the last field of the document).</summary>
    public static JsonObject Stamp(JsonObject content, DateTimeOffset indexedAt)
    {
        content["indexedAt"] = indexedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
        return content;
    }

    private static JsonArray Codes(IEnumerable<Crawler.Reports.Model.Finding> findings) =>
        new([.. findings.Select(f => f.Code).Distinct().Select(c => (JsonNode?)JsonValue.Create(c))]);
}
