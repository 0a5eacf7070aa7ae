namespace Crawler.Pipeline.Fetching;

/// <summary>The fetcher's view of the state store: validators of earlier fetches (ETag, Last-Modified).</summary>
public interface IFetchLedger
{
    Task<KnownFetch?> FindAsync(Uri url, CancellationToken cancellationToken);
}
