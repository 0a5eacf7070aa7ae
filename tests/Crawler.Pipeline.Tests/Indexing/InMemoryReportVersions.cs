using System.Runtime.CompilerServices;
using Crawler.Pipeline.Indexing;
using Crawler.Pipeline.Processing;

namespace Crawler.Pipeline.Tests.Indexing;

/// <summary>Stands in for the SQLite state store's <see cref="IReportVersionSource"/> (owned by the store).</summary>
internal sealed class InMemoryReportVersions : IReportVersionSource
{
    public List<StoredReportVersion> Versions { get; } = [];

    public async IAsyncEnumerable<StoredReportVersion> AllVersionsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var version in Versions)
        {
            await Task.Yield();
            yield return version;
        }
    }

    public Task<IReadOnlyList<StoredReportVersion>> VersionsOfAsync(string agency, int? year, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StoredReportVersion>>([.. Versions.Where(v => ReportIndexDocument.AgencyOf(v) == agency && v.Result.Report.Year == year)]);
}
