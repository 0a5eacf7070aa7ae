using System.Collections.Concurrent;
using Crawler.Pipeline.Discovery;
using Crawler.Pipeline.Fetching;

namespace Crawler.Pipeline.Tests.SimulatedWeb;

/// <summary>
/// The state store's part as far as the crawler sees it: validators and bodies of what an earlier crawl handed on,
/// and the URLs the crawler asked about.
/// </summary>
public sealed class RecordingLedger : IFetchLedger, IArchivedContent
{
    private readonly ConcurrentDictionary<string, KnownFetch> known = new();
    private readonly ConcurrentDictionary<string, byte[]> bodies = new();

    public ConcurrentBag<Uri> Asked { get; } = [];

    public void Remember(CrawledDocument document)
    {
        var response = document.Response;
        if (response.BodyFile is null || response.Sha256 is null) return;
        string? Header(string name) => response.ResponseHeaders.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;
        var fetch = new KnownFetch(Header("ETag"), Header("Last-Modified"), response.Sha256, response.FetchedAt);
        known[response.RequestedUrl.AbsoluteUri] = fetch;
        known[response.FinalUrl.AbsoluteUri] = fetch;
        bodies[response.Sha256] = File.ReadAllBytes(response.BodyFile);
    }

    public Task<KnownFetch?> FindAsync(Uri url, CancellationToken cancellationToken)
    {
        Asked.Add(url);
        return Task.FromResult(known.TryGetValue(url.AbsoluteUri, out var fetch) ? fetch : null);
    }

    public Task<Stream?> OpenAsync(string sha256, CancellationToken cancellationToken) =>
        Task.FromResult<Stream?>(bodies.TryGetValue(sha256, out var body) ? new MemoryStream(body) : null);
}
