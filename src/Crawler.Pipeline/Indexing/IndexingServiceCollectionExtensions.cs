using Crawler.Pipeline.Compliance;
using Crawler.Pipeline.Notification;
using Crawler.Pipeline.Search;
using Crawler.Pipeline.Storage;
using Crawler.Pipeline.Outbox;
using Crawler.Pipeline.Processing;
using Crawler.Pipeline.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Crawler.Pipeline.Indexing;

public static class IndexingServiceCollectionExtensions
{
    /// <summary>
    /// Reads and validates the "Elasticsearch" section (at start-up) and, when it names a node, registers the official
    /// client behind <see cref="IReportIndex"/>, the observer that queues stored versions, their delivery through the
    /// one outbox dispatcher, the compliance index's <see cref="ComplianceIndexer"/>, and the reindexer. Expects the state store (AddStorage: IOutbox, IReportStore,
    /// StateDatabase); <see cref="StoredReportVersions"/> reads versions from it.
    /// </summary>
    public static IServiceCollection AddIndexing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ElasticsearchOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<ElasticsearchOptions>>(new ElasticsearchConfiguration.FromSection(configuration)));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ElasticsearchOptions>, ElasticsearchOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<ElasticsearchOptions>>().Value);

        // Idempotent: a second call must not deliver every document twice.
        if (!ElasticsearchConfiguration.Read(configuration).Enabled || services.Any(d => d.ServiceType == typeof(IReportIndex))) return services;

        services.TryAddSingleton(sp => ElasticsearchClientFactory.Create(sp.GetRequiredService<ElasticsearchOptions>()));
        services.TryAddSingleton<IReportIndex, ElasticsearchReportIndex>();
        // The due dates of the compliance facts: Compliance:Deadlines, then the Alerts:Deadline rules, then 31 January.
        services.TryAddSingleton(sp => new ComplianceDeadlines(configuration.GetSection(ComplianceOptions.SectionName).Get<ComplianceOptions>(),
            sp.GetService<IOptions<AlertOptions>>()?.Value.Deadline));
        services.TryAddSingleton<IReportVersionSource>(sp => new StoredReportVersions(sp.GetRequiredService<IReportStore>(), sp.GetRequiredService<IReportTexts>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReportVersionObserver, IndexingObserver>());
        // The compliance index: one observer instance remembers the years stored, the crawl pass queues their documents.
        services.TryAddSingleton(sp => new ComplianceIndexer(sp.GetRequiredService<IReportStore>(), sp.GetRequiredService<IOutbox>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ComplianceDeadlines>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReportVersionObserver, ComplianceIndexer>(sp => sp.GetRequiredService<ComplianceIndexer>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutboxConsumer, IndexDelivery>(sp => new IndexDelivery(
            sp.GetRequiredService<IReportIndex>(), sp.GetRequiredService<ElasticsearchOptions>(), sp.GetRequiredService<ILogger<IndexDelivery>>(),
            sp.GetService<CrawlerMetrics>())));
        services.AddOutboxDispatcher();
        services.TryAddSingleton<Reindexer>();
        return services;
    }
}
