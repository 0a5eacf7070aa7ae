using System.Collections.Concurrent;
using System.Net;
using Crawler.Pipeline.Discovery;
using Crawler.Pipeline.Fetching;
using Crawler.Pipeline.Sources;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Crawler.Pipeline.Tests.SimulatedWeb;

/// <summary>A real fetcher and crawler with small delays and limits, a temp folder for bodies, and a collector.</summary>
public sealed class CrawlerRig : IDisposable
{
    public CrawlerRig(FetchOptions? fetch = null, DiscoveryOptions? discovery = null, NetworkAddressPolicy? policy = null, IFetchLedger? ledger = null, IArchivedContent? archive = null)
    {
        BodyDirectory = Path.Combine(Path.GetTempPath(), "crawler-tests", Guid.NewGuid().ToString("N"));
        Options = (fetch ?? Fast) with { TemporaryDirectory = BodyDirectory };
        Fetcher = new PoliteFetcher(Microsoft.Extensions.Options.Options.Create(Options), TimeProvider.System, new HostGate(TimeProvider.System), policy ?? new NetworkAddressPolicy(), NullLogger<PoliteFetcher>.Instance, ledger);
        Crawler = new ReportDiscovery(Fetcher, Microsoft.Extensions.Options.Options.Create(discovery ?? new DiscoveryOptions()), TimeProvider.System, NullLogger<ReportDiscovery>.Instance, ledger, archive);
    }

    public static FetchOptions Fast { get; } = new()
    {
        ContactUrl = "https://example.org/crawler-contact",
        PerHostDelay = TimeSpan.FromMilliseconds(20),
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        MaxRetryDelay = TimeSpan.FromMilliseconds(100),
        MaxRetryAfter = TimeSpan.FromMilliseconds(100),
        RequestTimeout = TimeSpan.FromSeconds(15),
        IdleTimeout = TimeSpan.FromSeconds(2),
        MinTransferBytesPerSecond = 1000,
        TransferRateGracePeriod = TimeSpan.FromMilliseconds(500),
        MaxBodyBytes = 1024 * 1024,
    };

    /// <summary>Only 127.0.0.1 passes whatever the source says: lets tests reach their server with allowPrivateNetwork off.</summary>
    public static NetworkAddressPolicy LoopbackServerOnly => new([IPAddress.Loopback]);

    public FetchOptions Options { get; }

    public string BodyDirectory { get; }

    public PoliteFetcher Fetcher { get; }

    public ReportDiscovery Crawler { get; }

    public ConcurrentBag<CrawledDocument> Documents { get; } = [];

    /// <summary>Crawls the sources concurrently (as the worker's per-source jobs would), keeping every document.</summary>
    public async Task<IReadOnlyList<SourceCrawlResult>> CrawlAsync(params Source[] sources) =>
        await Task.WhenAll(sources.Select(s => Task.Run(() => KeepAllAsync(Crawler.Discover(s, CancellationToken.None)))));

    public Task<FetchedResponse> FetchAsync(Source source, Uri url) => Fetcher.FetchAsync(new FetchRequest(source, url), CancellationToken.None);

    public void Dispose()
    {
        Fetcher.Dispose();
        if (Directory.Exists(BodyDirectory)) Directory.Delete(BodyDirectory, recursive: true);
    }

    /// <summary>Runs a discovery to its end, keeping every report document (list pages' body files are deleted); its result.</summary>
    public async Task<SourceCrawlResult> KeepAllAsync(SourceDiscovery discovery)
    {
        await foreach (var document in discovery)
        {
            if (document.Role == DocumentRole.ListPage) DeleteBody(document);
            else Documents.Add(document);
        }
        return discovery.Result;
    }

    /// <summary>Deletes a yielded document's body file: what a consumer does with what it keeps no use for.</summary>
    public static void DeleteBody(CrawledDocument document)
    {
        if (document.Response.BodyFile is { } file) File.Delete(file);
    }
}
