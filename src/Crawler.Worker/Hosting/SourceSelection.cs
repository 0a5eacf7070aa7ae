using Crawler.Pipeline.Sources;
using Crawler.Worker.SampleSite;

namespace Crawler.Worker.Hosting;

/// <summary>
/// The sources a crawl or the worker runs on: the sources file, or — when none of its entries is verified and no
/// file was named — the bundled sample site served on 127.0.0.1, so a fresh machine without internet still ends
/// with archived, parsed reports. Shared by <c>crawl --once</c> and <c>run</c>; disposing stops the sample site.
/// </summary>
internal sealed class SourceSelection : IAsyncDisposable
{
    private SourceSelection(IReadOnlyList<Source> sources, SampleSiteServer? sampleSite)
    {
        Sources = sources;
        SampleSite = sampleSite;
    }

    public IReadOnlyList<Source> Sources { get; }

    public SampleSiteServer? SampleSite { get; }

    /// <summary>
    /// Loads the sources; when the sample site is used, its fetch settings go into <paramref name="overrides"/>.
    /// An invalid sources file throws <see cref="SourceCatalogException"/> (a usage error at the command line).
    /// </summary>
    public static async Task<SourceSelection> LoadAsync(IConfiguration configuration, string? explicitFile, bool forceSample,
        IDictionary<string, string?> overrides, TextWriter error, CancellationToken cancellationToken)
    {
        var sources = SourceCatalog.Load(CrawlerConfiguration.SourcesFile(configuration, explicitFile));
        if (!forceSample && (explicitFile is not null || sources.Any(s => s.Verified))) return new SourceSelection(sources, null);

        var sampleSite = await SampleSiteServer.StartAsync(null, configuration.GetValue<int?>(SampleSiteServer.PortKey), cancellationToken);
        // Politeness towards our own loopback server is moot; the contact URL is the site itself.
        overrides["Fetch:PerHostDelay"] = "00:00:00.050";
        overrides["Fetch:ContactUrl"] = configuration["Fetch:ContactUrl"] ?? sampleSite.BaseUrl.ToString();
        // A notice, not a result: on stderr, so that stdout holds only the summary.
        await error.WriteLineAsync($"没有已验证的来源：使用内置示例站点 {sampleSite.BaseUrl}（真实来源见 config/sources.json，用 --sources 指定）");
        await error.WriteLineAsync($"No verified sources configured: using the bundled sample site at {sampleSite.BaseUrl} (pass --sources config/sources.json for the real ones).");
        return new SourceSelection(sampleSite.Sources(), sampleSite);
    }

    public async ValueTask DisposeAsync()
    {
        if (SampleSite is not null) await SampleSite.DisposeAsync();
    }
}
