using Crawler.Pipeline.Processing;

namespace Crawler.Pipeline.Search;

/// <summary>Keeps the embedded search index in step with stored versions (re-announcements re-index harmlessly).</summary>
public sealed class EmbeddedSearchIndexer : IReportVersionObserver
{
    private readonly IReportSearch _search;

    public EmbeddedSearchIndexer(IReportSearch search) => _search = search;

    public Task OnStoredAsync(StoredReportVersion version, CancellationToken cancellationToken) =>
        _search.IndexAsync(version.VersionId, version.Text, cancellationToken);
}
