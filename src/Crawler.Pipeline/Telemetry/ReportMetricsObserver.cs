using Crawler.Pipeline.Processing;

namespace Crawler.Pipeline.Telemetry;

/// <summary>Counts stored report versions by source and their findings by code, for /metrics.</summary>
public sealed class ReportMetricsObserver : IReportVersionObserver
{
    private readonly CrawlerMetrics _metrics;

    public ReportMetricsObserver(CrawlerMetrics metrics) => _metrics = metrics;

    public Task OnStoredAsync(StoredReportVersion version, CancellationToken cancellationToken)
    {
        _metrics.ReportFound(version.Source.Id);
        foreach (var finding in version.Result.Findings) _metrics.FindingRaised(finding.Code);
        return Task.CompletedTask;
    }
}
