using Crawler.Pipeline.Discovery;
using Crawler.Pipeline.Fetching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Crawler.Pipeline.Tests.Discovery;

public sealed class CrawlingServicesTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddLogging()
            .AddCrawling(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();

    [Fact]
    public void Configured_sections_bind_and_the_crawler_resolves()
    {
        using var services = Build(new()
        {
            ["Fetch:ContactUrl"] = "mailto:crawler@example.org",
            ["Fetch:PerHostDelay"] = "00:00:02",
            ["Discovery:MaxListPages"] = "7",
        });

        Assert.Equal(TimeSpan.FromSeconds(2), services.GetRequiredService<IOptions<FetchOptions>>().Value.PerHostDelay);
        Assert.Equal(7, services.GetRequiredService<IOptions<DiscoveryOptions>>().Value.MaxListPages);
        Assert.NotNull(services.GetRequiredService<ReportDiscovery>());
    }

    [Fact]
    public void Missing_contact_and_impolite_settings_are_rejected_with_their_keys()
    {
        using var services = Build(new()
        {
            ["Fetch:PerHostDelay"] = "-00:00:01",
            ["Discovery:MaxDepth"] = "50",
        });

        var fetch = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<FetchOptions>>().Value);
        Assert.Contains(fetch.Failures, f => f.StartsWith("Fetch:ContactUrl must be an absolute", StringComparison.Ordinal));
        Assert.Contains("Fetch:PerHostDelay must not be negative", fetch.Failures);
        var discovery = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<DiscoveryOptions>>().Value);
        Assert.Contains("Discovery:MaxDepth must be between 0 and 10 (was 50)", discovery.Failures);
    }
}
