using Crawler.Pipeline.Indexing;
using Crawler.Pipeline.Processing;
using Crawler.Pipeline.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Crawler.Pipeline.Tests.Indexing;

public sealed class AddIndexingTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IOutbox>(new SqliteOutbox("Data Source=:memory:", TimeProvider.System));
        services.AddSingleton<IReportVersionSource>(new InMemoryReportVersions());
        services.AddIndexing(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void With_a_url_the_observer_the_client_and_the_dispatcher_are_registered()
    {
        using var provider = Build(new() { ["Elasticsearch:Url"] = "https://es01:9200", ["Elasticsearch:ApiKey"] = "abc", ["Elasticsearch:BatchSize"] = "50" });

        Assert.Contains(provider.GetServices<IReportVersionObserver>(), o => o is IndexingObserver);
        Assert.IsType<ElasticsearchRestClient>(provider.GetRequiredService<IReportIndex>());
        Assert.Same(provider.GetRequiredService<IndexOutboxDispatcher>(), provider.GetServices<IHostedService>().OfType<IndexOutboxDispatcher>().Single());
        Assert.Equal(50, provider.GetRequiredService<ElasticsearchOptions>().BatchSize);
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
}
