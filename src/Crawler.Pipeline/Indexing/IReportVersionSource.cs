using Crawler.Pipeline.Processing;

namespace Crawler.Pipeline.Indexing;

/// <summary>
/// What indexing needs of the state store: every stored version (for <c>crawler reindex</c>) and the versions of
/// one report (to find the one a new version supersedes). The SQLite state store implements it.
/// </summary>
public interface IReportVersionSource
{
    /// <summary>Every stored report version, in any order.</summary>
    IAsyncEnumerable<StoredReportVersion> AllVersionsAsync(CancellationToken cancellationToken);

    /// <summary>The stored versions of one report: the agency's report for a year (null year = year not recognised).</summary>
    Task<IReadOnlyList<StoredReportVersion>> VersionsOfAsync(string agency, int? year, CancellationToken cancellationToken);
}
