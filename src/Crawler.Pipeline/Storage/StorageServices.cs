using Crawler.Pipeline.Archiving;
using Crawler.Pipeline.Discovery;
using Crawler.Pipeline.Fetching;
using Crawler.Pipeline.Processing;
using Crawler.Pipeline.Search;
using Crawler.Pipeline.Storage.PostgreSql;
using Crawler.Reports.Parsing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Crawler.Pipeline.Storage;

/// <summary>Wires the state store (SQLite by default, PostgreSQL on request) and search; with them the archive and processing stages (AddArchiving, AddProcessing).</summary>
public static class StorageServices
{
    /// <summary>
    /// Binds <see cref="StorageOptions"/> from the "Storage" section and registers the state store (as
    /// <see cref="IReportStore"/>, <see cref="IFetchLedger"/> and <see cref="IReportCatalog"/>), the outbox, the
    /// search (with its indexer as an <see cref="IReportVersionObserver"/>), and calls <see cref="ArchivingServices.AddArchiving"/>
    /// and <see cref="ProcessingServices.AddProcessing"/> for the stages that use the store (the IDocumentExtraction comes from AddExtraction).
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => DataLayout.At(provider.GetRequiredService<IOptions<StorageOptions>>().Value.DataDirectory));
        var options = configuration.GetSection(StorageOptions.SectionName);
        if (options.GetValue<StorageProvider?>(nameof(StorageOptions.Provider)) == StorageProvider.PostgreSql) AddPostgreSql(services);
        else AddSqlite(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReportVersionObserver, EmbeddedSearchIndexer>());
        // The stages the store serves, each wired by its own folder (hosts may call them themselves; TryAdd keeps one).
        services.AddArchiving();
        services.AddProcessing();
        return services;
    }

    /// <summary>The embedded default: <c>state.db</c> in the data directory.</summary>
    private static void AddSqlite(IServiceCollection services)
    {
        services.TryAddSingleton(provider => new StateDatabase(provider.GetRequiredService<DataLayout>(),
            provider.GetRequiredService<IOptions<StorageOptions>>().Value.ReadOnly));
        services.TryAddSingleton<ICrawlRunLog, SqliteCrawlRunLog>();
        services.TryAddSingleton<SqliteReportStore>();
        services.TryAddSingleton<IReportStore>(provider => provider.GetRequiredService<SqliteReportStore>());
        services.TryAddSingleton<IFetchLedger>(provider => provider.GetRequiredService<IReportStore>());
        services.TryAddSingleton<IReportCatalog>(provider => provider.GetRequiredService<IReportStore>());
        services.TryAddSingleton<IOutbox>(provider =>
        {
            var layout = provider.GetRequiredService<DataLayout>();
            Directory.CreateDirectory(layout.Root);
            return new SqliteOutbox(layout.ConnectionString, provider.GetRequiredService<TimeProvider>());
        });
        services.TryAddSingleton<SqliteReportSearch>();
        services.TryAddSingleton<IReportSearch>(provider => provider.GetRequiredService<SqliteReportSearch>());
        services.TryAddSingleton<IReportTexts>(provider => provider.GetRequiredService<SqliteReportSearch>());
        services.TryAddSingleton<Crawling.ICrawlHistory, SqliteCrawlHistory>();
        services.TryAddSingleton<IReportStatistics, SqliteReportStatistics>();
    }

    /// <summary>
    /// <c>Storage__Provider=PostgreSql</c>: the same interfaces on the database of <c>Storage__ConnectionString</c>, shared by
    /// every worker; the archive and WARC files stay in the (shared) data directory.
    /// </summary>
    private static void AddPostgreSql(IServiceCollection services)
    {
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            return new PostgresDatabase(options.ConnectionString ?? "", options.ReadOnly);
        });
        services.TryAddSingleton<ICrawlRunLog, PostgresCrawlRunLog>();
        services.TryAddSingleton<PostgresReportStore>();
        services.TryAddSingleton<IReportStore>(provider => provider.GetRequiredService<PostgresReportStore>());
        services.TryAddSingleton<IFetchLedger>(provider => provider.GetRequiredService<IReportStore>());
        services.TryAddSingleton<IReportCatalog>(provider => provider.GetRequiredService<IReportStore>());
        services.TryAddSingleton<IOutbox>(provider => new PostgresOutbox(provider.GetRequiredService<PostgresDatabase>(),
            provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<IOptions<StorageOptions>>().Value.Node()));
        services.TryAddSingleton<PostgresReportSearch>();
        services.TryAddSingleton<IReportSearch>(provider => provider.GetRequiredService<PostgresReportSearch>());
        services.TryAddSingleton<IReportTexts>(provider => provider.GetRequiredService<PostgresReportSearch>());
        services.TryAddSingleton<Crawling.ICrawlHistory, PostgresCrawlHistory>();
        services.TryAddSingleton<IReportStatistics, PostgresReportStatistics>();
        // The per-host turn and delay kept across nodes (HostGate takes it when registered; alone it keeps them itself).
        services.TryAddSingleton<IHostPacing, PostgresHostPacing>();
    }
}
