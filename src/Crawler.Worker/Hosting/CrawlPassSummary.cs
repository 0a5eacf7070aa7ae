using Crawler.Pipeline.Crawling;
using Crawler.Pipeline.Notification;
using Crawler.Pipeline.Outbox;
using Crawler.Pipeline.Processing;

namespace Crawler.Worker.Hosting;

/// <summary>What a pass over many sources did, for the summary table.</summary>
public sealed record CrawlPassSummary(
    IReadOnlyList<SourceCrawlSummary> Sources,
    IReadOnlyList<ProcessingOutcome> RetriedFromQuarantine,
    int MissingReportsAnnounced,
    DispatchSummary Alerts,
    DispatchSummary? Index)
{
    /// <summary>Each alert channel's health after the pass (consecutive failures, dead messages).</summary>
    public IReadOnlyList<ChannelHealthEntry> AlertChannels { get; init; } = [];

    /// <summary>Compliance index documents the pass queued (new or changed; sent with <see cref="Index"/>).</summary>
    public int ComplianceDocuments { get; init; }
}
