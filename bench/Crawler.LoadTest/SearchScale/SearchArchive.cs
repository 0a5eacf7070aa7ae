using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Crawler.Extraction.PlainText;
using Crawler.Pipeline.Search;
using Crawler.Pipeline.Storage;
using Crawler.Reports.Parsing;
using Microsoft.Data.Sqlite;

namespace Crawler.LoadTest.SearchScale;

/// <summary>
/// A real state database filled with synthetic report versions through the worker's own path: each text is
/// parsed by <see cref="ReportParser"/>, stored by <see cref="SqliteReportStore.StoreVersionAsync"/> and indexed as
/// <see cref="EmbeddedSearchIndexer"/> does it, by <see cref="SqliteReportSearch.IndexAsync"/>, so schema and FTS tables
/// are exactly the worker's. Each version is its own transaction, as in the worker.
/// </summary>
public sealed class SearchArchive
{
    private static readonly DateTimeOffset Fetched = new(2025, 1, 20, 2, 0, 0, TimeSpan.Zero);

    public SearchArchive(string dataDirectory)
    {
        Database = new StateDatabase(DataLayout.At(dataDirectory));
        Store = new SqliteReportStore(Database, TimeProvider.System);
        Search = new SqliteReportSearch(Database);
    }

    public StateDatabase Database { get; }

    public SqliteReportStore Store { get; }

    public SqliteReportSearch Search { get; }

    /// <summary>Version ids by (report, revised), for tests that check which versions a search returns.</summary>
    public Dictionary<(int Report, bool Revised), long> VersionIds { get; } = [];

    /// <summary>Where the fill's time went: generating and parsing the text, storing the version, indexing it.</summary>
    public TimeSpan Parsing { get; private set; }

    public TimeSpan Storing { get; private set; }

    public TimeSpan Indexing { get; private set; }

    public async Task<int> CountVersionsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM report_versions";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Stores and indexes the versions; returns the time taken.</summary>
    public async Task<TimeSpan> FillAsync(IEnumerable<SyntheticVersion> versions, Action<int>? progress, CancellationToken cancellationToken)
    {
        var parser = new ReportParser();
        var clock = Stopwatch.StartNew();
        var count = 0;
        foreach (var version in versions)
        {
            var started = clock.Elapsed;
            var result = parser.Parse(PlainTextDocumentReader.Read(version.Text, version.Agency));
            var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(version.Text)));
            var url = new Uri($"http://127.0.0.1/r{version.Report}/{version.Year}{(version.Revised ? "-rev" : "")}.html");
            Parsing += clock.Elapsed - started;
            started = clock.Elapsed;
            var stored = await Store.StoreVersionAsync(new ReportVersionDraft
            {
                Agency = version.Agency, Year = version.Year, Region = version.Region, SourceId = "src-" + version.Agency,
                Sha256 = sha, ContentFingerprint = sha, DocumentUrl = url, MediaType = "text/html", FetchedAt = Fetched, Result = result,
            }, cancellationToken).ConfigureAwait(false);
            Storing += clock.Elapsed - started;
            started = clock.Elapsed;
            // What EmbeddedSearchIndexer.OnStoredAsync does with the announced version.
            await Search.IndexAsync(stored.VersionId, version.Text, cancellationToken).ConfigureAwait(false);
            Indexing += clock.Elapsed - started;
            VersionIds[(version.Report, version.Revised)] = stored.VersionId;
            if (++count % 5000 == 0) progress?.Invoke(count);
        }
        return clock.Elapsed;
    }

    public long DatabaseBytes() =>
        new[] { "", "-wal", "-shm" }.Select(s => new FileInfo(Database.Layout.StateDatabase + s)).Where(f => f.Exists).Sum(f => f.Length);

    /// <summary>Checkpoints the WAL into the main file, so the measured size is the database's, and queries read one file.</summary>
    public async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        SqliteConnection.ClearAllPools();
    }
}
