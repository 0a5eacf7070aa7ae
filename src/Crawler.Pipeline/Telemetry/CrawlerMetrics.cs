using System.Diagnostics.Metrics;

namespace Crawler.Pipeline.Telemetry;

/// <summary>
/// The crawler's counters (System.Diagnostics.Metrics), exposed by the worker at /metrics in Prometheus text.
/// Register one instance as a singleton; stages call the methods below, never the instruments. Alert delivery
/// counts come from the notify stage's own "Crawler.Alerts" meter (ChannelHealth), exported beside these.
/// </summary>
public sealed class CrawlerMetrics : IDisposable
{
    public const string MeterName = "Crawler";

    private readonly Counter<long> _documentsFetched;
    private readonly Counter<long> _reportsFound;
    private readonly Counter<long> _parseFailures;
    private readonly Counter<long> _findings;
    private readonly Counter<long> _documentsIndexed;

    public CrawlerMetrics()
    {
        Meter = new Meter(MeterName, "1.0");
        _documentsFetched = Meter.CreateCounter<long>("crawler.documents.fetched", "{document}", "Documents fetched (pages and attachments), by source.");
        _reportsFound = Meter.CreateCounter<long>("crawler.reports.found", "{report}", "Report versions stored, by source.");
        _parseFailures = Meter.CreateCounter<long>("crawler.parse.failures", "{document}", "Documents that could not be extracted or parsed, by source.");
        _findings = Meter.CreateCounter<long>("crawler.findings", "{finding}", "Findings raised on stored reports, by code.");
        _documentsIndexed = Meter.CreateCounter<long>("crawler.index.documents", "{document}", "Documents accepted by Elasticsearch.");
    }

    public Meter Meter { get; }

    public void DocumentFetched(string sourceId) => _documentsFetched.Add(1, new KeyValuePair<string, object?>("source", sourceId));

    public void ReportFound(string sourceId) => _reportsFound.Add(1, new KeyValuePair<string, object?>("source", sourceId));

    public void ParseFailed(string sourceId) => _parseFailures.Add(1, new KeyValuePair<string, object?>("source", sourceId));

    public void FindingRaised(string code) => _findings.Add(1, new KeyValuePair<string, object?>("code", code));

    public void DocumentsIndexed(int count) => _documentsIndexed.Add(count);

    public void Dispose() => Meter.Dispose();
}
