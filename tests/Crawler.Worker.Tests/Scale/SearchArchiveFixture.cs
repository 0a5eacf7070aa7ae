using Crawler.LoadTest.SearchScale;
using Crawler.Tests.Shared;

namespace Crawler.Worker.Tests.Scale;

/// <summary>A real state database with <see cref="Versions"/> synthetic report versions, filled once for the search-at-scale tests.</summary>
public sealed class SearchArchiveFixture : IAsyncLifetime
{
    public const int Versions = 2000;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "crawler-search-scale-" + Guid.NewGuid().ToString("N")[..8]);

    public SearchArchive Archive { get; private set; } = null!;

    public IReadOnlyList<SyntheticVersion> Stored { get; private set; } = [];

    /// <summary>The latest stored version of each report: what a default search sees.</summary>
    public IReadOnlyList<SyntheticVersion> Latest => Stored.GroupBy(v => v.Report).Select(g => g.Last()).ToList();

    public long IdOf(SyntheticVersion version) => Archive.VersionIds[(version.Report, version.Revised)];

    public async Task InitializeAsync()
    {
        Stored = new SyntheticReports(RepositoryPaths.Seeds).Versions(Versions).ToList();
        Archive = new SearchArchive(_root);
        await Archive.FillAsync(Stored, null, CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }
}
