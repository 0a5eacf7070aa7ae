using Crawler.Pipeline.Processing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Crawler.Pipeline.Indexing;

public static class IndexingServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates the "Elasticsearch" section and, when it has a Url, registers the client, the observer
    /// that queues stored versions, the dispatcher that sends them and the reindexer. Expects the state store
    /// (AddStorage: IOutbox, IReportStore, StateDatabase); <see cref="StoredReportVersions"/> reads versions from it.
    /// </summary>
    public static IServiceCollection AddIndexing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ElasticsearchOptions>().Bind(configuration.GetSection(ElasticsearchOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ElasticsearchOptions>, ElasticsearchOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<ElasticsearchOptions>>().Value);

        var options = configuration.GetSection(ElasticsearchOptions.SectionName).Get<ElasticsearchOptions>() ?? new ElasticsearchOptions();
        // Idempotent: a second call must not start a second dispatcher.
        if (!options.Enabled || services.Any(d => d.ServiceType == typeof(IndexOutboxDispatcher))) return services;

        services.TryAddSingleton<IReportIndex>(sp =>
        {
            var bound = sp.GetRequiredService<ElasticsearchOptions>();
            return new ElasticsearchRestClient(ElasticsearchConnection.CreateClient(bound), bound,
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ElasticsearchRestClient>>());
        });
        services.TryAddSingleton<IReportVersionSource, StoredReportVersions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReportVersionObserver, IndexingObserver>());
        services.TryAddSingleton<Reindexer>();
        services.TryAddSingleton<IndexOutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<IndexOutboxDispatcher>());
        return services;
    }
}
