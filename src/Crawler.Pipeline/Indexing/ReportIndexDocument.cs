using System.Globalization;
using System.Text.Json.Nodes;
using Crawler.Pipeline.Compliance;
using Crawler.Pipeline.Processing;
using Crawler.Reports.Publication;
using Crawler.Reports.Model;

namespace Crawler.Pipeline.Indexing;

/// <summary>Turns a stored report version into its Elasticsearch document (the shape of reports-template.json).</summary>
public static class ReportIndexDocument
{
    public static string IdOf(StoredReportVersion version) =>
        ReportDocumentId.For(AgencyOf(version), version.Result.Report.Year, version.Sha256);

    /// <summary>The agency the store filed the report under (it may correct the source's name), else the source's.</summary>
    public static string AgencyOf(StoredReportVersion version) =>
        string.IsNullOrWhiteSpace(version.Result.Report.Agency) ? version.Source.Agency : version.Result.Report.Agency;

    /// <param name="compliance">The report year's compliance facts (<see cref="ReportCompliance.Judge"/>); null leaves them out.</param>
    public static JsonObject Build(StoredReportVersion version, bool isLatest, DateTimeOffset indexedAt, ReportCompliance? compliance = null)
    {
        var report = version.Result.Report;
        var findings = version.Result.Findings;
        var document = new JsonObject
        {
            ["reportKey"] = ReportDocumentId.ReportKey(AgencyOf(version), report.Year),
            ["sourceId"] = version.Source.Id,
            ["agency"] = AgencyOf(version),
            ["region"] = version.Source.Region,
            ["province"] = version.Source.Region is { } region ? Regions.Province(region) : null,
            ["year"] = report.Year,
            // The report year as a date (2023 → 2023-01-01): the data views' time field, never the fetch time.
            ["reportYear"] = report.Year is { } y ? ReportYear(y) : null,
            ["template"] = report.Template.ToName(),
            ["title"] = report.Title,
            ["text"] = version.Text,
            ["sections"] = new JsonObject
            {
                ["overview"] = report.Sections.Overview,
                ["problems"] = report.Sections.Problems,
                ["other"] = report.Sections.Other,
            },
            ["findingCodes"] = Array(findings.Select(f => f.Code).Distinct()),
            ["findingSeverities"] = Array(findings.Select(f => SeverityName(f.Severity)).Distinct()),
            ["findingMessages"] = Array(findings.Select(f => f.Message)),
            ["findingCount"] = findings.Count,
            ["maxSeverity"] = findings.Count == 0 ? null : SeverityName(findings.Max(f => f.Severity)),
            ["pageUrl"] = version.PageUrl?.AbsoluteUri,
            ["documentUrl"] = version.DocumentUrl.AbsoluteUri,
            ["mediaType"] = version.MediaType,
            ["sha256"] = version.Sha256.ToLowerInvariant(),
            ["fetchedAt"] = version.FetchedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            ["indexedAt"] = indexedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            ["versionId"] = version.VersionId,
            ["version"] = version.Version,
            ["isLatest"] = isLatest,
        };
        var published = ReportCompliance.DateOf(version);
        document["publishedAt"] = Day(published.Date);
        document["publishedAtSource"] = DateSources.Name(published.Source);
        if (compliance is not null)
        {
            document["compliance"] = new JsonObject
            {
                ["status"] = ComplianceStatuses.Name(compliance.Status),
                ["daysLate"] = compliance.DaysLate,
                ["deadline"] = Day(compliance.Deadline),
            };
        }
        if (report.StatisticalPeriod is { } period)
        {
            document["statisticalPeriod"] = new JsonObject
            {
                ["from"] = period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["to"] = period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            };
        }
        foreach (var figure in report.Figures())
        {
            // An empty cell means "not reported", which is not zero: leave the field out so sums and averages skip it.
            if (figure.Value is not { } value) continue;
            JsonNode number = figure.Kind == FigureKind.Amount ? JsonValue.Create((double)value) : JsonValue.Create(decimal.ToInt64(decimal.Truncate(value)));
            Place(document, figure.Key.Split('.'), number);
        }
        RemoveNulls(document);
        return document;
    }

    /// <summary>2023 → "2023-01-01".</summary>
    public static string ReportYear(int year) => Day(new DateOnly(year, 1, 1));

    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string SeverityName(FindingSeverity severity) => severity.ToString().ToLowerInvariant();

    private static JsonArray Array(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);

    private static void Place(JsonObject document, string[] path, JsonNode value)
    {
        var current = document;
        for (var i = 0; i < path.Length - 1; i++)
        {
            if (current[path[i]] is not JsonObject child)
            {
                child = new JsonObject();
                current[path[i]] = child;
            }
            current = child;
        }
        current[path[^1]] = value;
    }

    private static void RemoveNulls(JsonObject node)
    {
        foreach (var key in node.Where(p => p.Value is null).Select(p => p.Key).ToList()) node.Remove(key);
        foreach (var child in node.Select(p => p.Value).OfType<JsonObject>()) RemoveNulls(child);
    }
}
