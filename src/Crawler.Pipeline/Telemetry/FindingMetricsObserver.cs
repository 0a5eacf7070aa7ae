using Crawler.Pipeline.Processing;

namespace Crawler.Pipeline.Telemetry;

/// <summary>Counts the findings of every stored version by code, for /metrics.</summary>
public sealed class FindingMetricsObserver(CrawlerMetrics metrics) : IReportVersionObserver
{
    public Task OnStoredAsync(StoredReportVersion version, CancellationToken cancellationToken)
    {
        foreach (var finding in version.Result.Findings) metrics.FindingRaised(finding.Code);
        return Task.CompletedTask;
    }
}
