using Crawler.Extraction;
using Crawler.Pipeline;
using Crawler.Pipeline.Archiving;
using Crawler.Pipeline.Crawling;
using Crawler.Pipeline.Discovery;
using Crawler.Pipeline.Indexing;
using Crawler.Pipeline.Notification;
using Crawler.Pipeline.Processing;
using Crawler.Pipeline.Sources;
using Crawler.Pipeline.Storage;
using Crawler.Pipeline.Telemetry;
using Crawler.Reports.Parsing;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Crawler.Worker.Hosting;

/// <summary>
/// The composition root: every stage of the pipeline wired from configuration, in pipeline order.
/// Used by <c>crawler run</c> (with the scheduler and web endpoints on top) and <c>crawler crawl --once</c>.
/// </summary>
public static class CrawlerServices
{
    public static IServiceCollection AddCrawler(this IServiceCollection services, IConfiguration configuration, IReadOnlyList<Source> sources)
    {
        foreach (var source in sources) services.AddSingleton(source);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CrawlerMetrics>();

        services.AddCrawling(configuration);                                // source → discover → fetch
        services.AddArchiving();                                            // archive (originals, WARC)
        services.AddExtraction(configuration);                              // extract
        services.AddProcessing();                                           // parse → validate → store → announce, per document
        services.AddStorage(configuration);                                 // the state store and search
        services.AddIndexing(configuration);                                // index (when Elasticsearch:Url is set)
        services.AddAlerts(configuration);                                  // notify
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReportVersionObserver, FindingMetricsObserver>());
        services.TryAddSingleton<ReportPipeline>();
        services.TryAddSingleton<ISourceCrawlRun, RecordedSourceCrawlRun>();
        return services;
    }
}
