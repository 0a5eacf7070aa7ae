using Crawler.Pipeline.Sources;
using Crawler.Worker.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Crawler.Worker.Tests.Compliance;

/// <summary>One real crawl pass (fetch, archive, extract, parse, date, store) over a site into a data directory.</summary>
internal static class FebruaryCrawl
{
    public static async Task RunAsync(string dataDirectory, IReadOnlyList<Source> sources)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = dataDirectory,
            ["Fetch:ContactUrl"] = "https://example.org/contact",
            ["Fetch:PerHostDelay"] = "00:00:00.010",
            ["Fetch:TemporaryDirectory"] = Path.Combine(dataDirectory, "..", "bodies"),
        }).Build();
        await using var provider = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration)
            .AddCrawler(configuration, sources).AddSingleton<CrawlPass>().BuildServiceProvider();
        var summary = await provider.GetRequiredService<CrawlPass>().RunAsync(sources, 4, null, null, CancellationToken.None);
        Assert.All(summary.Sources, s => Assert.True(s.Problems.Count == 0, string.Join("\n", s.Problems)));
    }
}
