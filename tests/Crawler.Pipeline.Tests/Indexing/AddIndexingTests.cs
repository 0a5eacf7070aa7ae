using Crawler.Pipeline.Indexing;
using Crawler.Pipeline.Outbox;
using Crawler.Pipeline.Processing;
using Crawler.Pipeline.Storage;
using Crawler.Pipeline.Tests.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Crawler.Pipeline.Tests.Indexing;

public sealed class AddIndexingTests : IDisposable
{
    private readonly TemporaryDataDirectory _data = new();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Dispose();
    }

    private ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IOutbox>(new SqliteOutbox("Data Source=:memory:", TimeProvider.System));
        services.AddSingleton<IReportStore>(_data.Store());
        services.AddSingleton<IReportVersionSource>(new InMemoryReportVersions());
        services.AddIndexing(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void With_a_url_the_observer_the_client_and_the_dispatcher_are_registered()
    {
        using var provider = Build(new()
        {
            ["Elasticsearch:Url"] = "https://es01:9200", ["Elasticsearch:Nodes"] = "https://es02:9200, https://es03:9200",
            ["Elasticsearch:ApiKey"] = "ZXhhbXBsZTprZXk=", ["Elasticsearch:BatchSize"] = "50", ["Elasticsearch:Compression"] = "false",
        });

        Assert.Contains(provider.GetServices<IReportVersionObserver>(), o => o is IndexingObserver);
        // The compliance index's indexer is one instance: the observer that remembers the years stored is the one the pass asks.
        Assert.Same(provider.GetRequiredService<ComplianceIndexer>(), Assert.Single(provider.GetServices<IReportVersionObserver>().OfType<ComplianceIndexer>()));
        Assert.IsType<ElasticsearchReportIndex>(provider.GetRequiredService<IReportIndex>());
        Assert.Same(provider.GetRequiredService<OutboxDispatcher>(), provider.GetServices<IHostedService>().OfType<OutboxDispatcher>().Single());
        Assert.Equal([IndexMessage.Topic], provider.GetRequiredService<OutboxDispatcher>().Topics);
        var options = provider.GetRequiredService<ElasticsearchOptions>();
        Assert.Equal((50, false), (options.BatchSize, options.Compression));
        Assert.Equal(["https://es01:9200", "https://es02:9200", "https://es03:9200"], options.NodeUrls);
        var client = provider.GetRequiredService<Elastic.Clients.Elasticsearch.ElasticsearchClient>();
        Assert.Equal(["https://es01:9200/", "https://es02:9200/", "https://es03:9200/"], client.ElasticsearchClientSettings.NodePool.Nodes.Select(n => n.Uri.AbsoluteUri).Order());

    }

    [Fact]
    public void Without_a_url_nothing_is_queued_or_sent()
    {
        using var provider = Build(new());

        Assert.Empty(provider.GetServices<IReportVersionObserver>());
        Assert.Null(provider.GetService<IReportIndex>());
        Assert.Empty(provider.GetServices<IHostedService>());
    }

    [Fact]
    public void A_bad_configuration_fails_with_the_key_named()
    {
        using var provider = Build(new() { ["Elasticsearch:Url"] = "https://es01:9200", ["Elasticsearch:Username"] = "elastic" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ElasticsearchOptions>>().Value);
        Assert.Contains("Elasticsearch:Password is required", error.Message);
    }

    [Fact]
    public void A_value_that_does_not_parse_is_a_validation_error_not_a_crash()
    {
        using var provider = Build(new() { ["Elasticsearch:Url"] = "https://es01:9200", ["Elasticsearch:Compression"] = "yes" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ElasticsearchOptions>>().Value);
        Assert.Contains("Elasticsearch: ", error.Message);
        Assert.Contains("Compression", error.Message);
    }
}
