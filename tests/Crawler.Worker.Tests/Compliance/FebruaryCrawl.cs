using Crawler.Pipeline.Sources;
using Crawler.Worker.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Crawler.Worker.Tests.Compliance;

/// <summary>One real crawl pass (fetch, archive, extract, parse, date, store) over a site into a data directory.</summary>
internal static class FebruaryCrawl
{
    /// <param name="settings">More configuration (e.g. Elasticsearch:Url), over the crawl's own.</param>
    public static async Task<CrawlPassSummary> RunAsync(string dataDirectory, IReadOnlyList<Source> sources, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = dataDirectory,
            ["Fetch:ContactUrl"] = "https://example.org/contact",
            ["Fetch:PerHostDelay"] = "00:00:00.010",
            ["Fetch:TemporaryDirectory"] = Path.Combine(dataDirectory, "..", "bodies"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        await using var provider = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration)
            .AddCrawler(configuration, sources).AddSingleton<CrawlPass>().BuildServiceProvider();
        var summary = await provider.GetRequiredService<CrawlPass>().RunAsync(sources, 4, null, null, CancellationToken.None);
        Assert.All(summary.Sources, s => Assert.True(s.Problems.Count == 0, string.Join("\n", s.Problems)));
        return summary;
    }
}
