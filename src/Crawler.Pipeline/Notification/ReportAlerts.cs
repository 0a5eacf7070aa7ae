using System.Globalization;
using Crawler.Pipeline.Processing;
using Crawler.Pipeline.Sources;
using Crawler.Reports.Model;

namespace Crawler.Pipeline.Notification;

/// <summary>Which alerts a stored report version, or a report not found by its deadline, gives rise to.</summary>
public static class ReportAlerts
{
    /// <summary>
    /// A new report or a new version, plus a rule violation when a finding is an error. A document
    /// that is not a report at all announces nothing.
    /// </summary>
    public static IReadOnlyList<AlertEvent> For(StoredReportVersion version, DateTimeOffset now)
    {
        if (!version.Result.IsReport) return [];
        var report = version.Result.Report;
        var source = version.Source;
        var findings = version.Result.Findings.Select(ToAlert).ToList();
        AlertEvent Make(AlertEventKind kind, IReadOnlyList<AlertFinding> carried) => new()
        {
            Event = kind,
            IdempotencyKey = Key(kind, source.Id, report.Year, version.Sha256),
            SourceId = source.Id,
            Agency = source.Agency,
            Region = source.Region,
            Year = report.Year,
            Title = report.Title ?? $"{source.Agency}{report.Year?.ToString(CultureInfo.InvariantCulture) ?? ""}年政府信息公开工作年度报告",
            Url = version.PageUrl ?? version.DocumentUrl,
            DocumentUrl = version.DocumentUrl,
            Version = version.Version,
            Sha256 = version.Sha256,
            Figures = KeyFigures.From(report),
            Findings = carried,
            OccurredAt = now,
        };

        var events = new List<AlertEvent> { Make(version.IsNewReport ? AlertEventKind.NewReport : AlertEventKind.NewVersion, findings) };
        var errors = findings.Where(f => f.Severity == "error").ToList();
        if (errors.Count > 0) events.Add(Make(AlertEventKind.RuleViolation, errors));
        return events;
    }

    public static AlertEvent Missing(Source source, int year, DateOnly dueDate, DateTimeOffset now) => new()
    {
        Event = AlertEventKind.MissingReport,
        IdempotencyKey = Key(AlertEventKind.MissingReport, source.Id, year, null),
        SourceId = source.Id,
        Agency = source.Agency,
        Region = source.Region,
        Year = year,
        Title = $"{source.Agency}{year}年政府信息公开工作年度报告",
        Url = source.StartUrls.Count > 0 && Uri.TryCreate(source.StartUrls[0], UriKind.Absolute, out var list) ? list : null,
        DueDate = dueDate,
        OccurredAt = now,
    };

    /// <summary>&lt;event&gt;:&lt;sourceId&gt;:&lt;year&gt;[:&lt;sha256&gt;]; a missing report is announced once per source and year.</summary>
    public static string Key(AlertEventKind kind, string sourceId, int? year, string? sha256)
    {
        var key = $"{AlertJson.EventName(kind)}:{sourceId}:{year?.ToString(CultureInfo.InvariantCulture) ?? "unknown"}";
        return sha256 is null ? key : $"{key}:{sha256}";
    }

    private static AlertFinding ToAlert(Finding finding) =>
        new(finding.Code, finding.Severity.ToString().ToLowerInvariant(), finding.Where, finding.Message);
}
