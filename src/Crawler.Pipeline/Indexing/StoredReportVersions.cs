using System.Runtime.CompilerServices;
using Crawler.Pipeline.Processing;
using Crawler.Pipeline.Search;
using Crawler.Pipeline.Sources;
using Crawler.Pipeline.Storage;
using Crawler.Reports.Json;

namespace Crawler.Pipeline.Indexing;

/// <summary>
/// <see cref="IReportVersionSource"/> over the state store: versions from <see cref="IReportStore"/>, each rebuilt
/// as the processor announced it (agency and year as filed, findings as stored), with its full text from the
/// embedded search's report_texts table.
/// </summary>
public sealed class StoredReportVersions : IReportVersionSource
{
    private readonly IReportStore _store;
    private readonly IReportTexts _texts;

    public StoredReportVersions(IReportStore store, StateDatabase database)
        : this(store, new SqliteReportSearch(database))
    {
    }

    public StoredReportVersions(IReportStore store, IReportTexts texts)
    {
        _store = store;
        _texts = texts;
    }

    public async IAsyncEnumerable<StoredReportVersion> AllVersionsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var records = await _store.ListVersionsAsync(new ReportFilter(), cancellationToken).ConfigureAwait(false);
        foreach (var record in records) yield return await ToVersionAsync(record, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<StoredReportVersion>> VersionsOfAsync(string agency, int? year, CancellationToken cancellationToken)
    {
        if (year is null) return [];
        // The store's agency filter matches a substring: keep the report filed under exactly this name.
        var records = await _store.ListVersionsAsync(new ReportFilter { Agency = agency, Year = year }, cancellationToken).ConfigureAwait(false);
        var versions = new List<StoredReportVersion>();
        foreach (var record in records.Where(r => r.Agency == agency)) versions.Add(await ToVersionAsync(record, cancellationToken).ConfigureAwait(false));
        return versions;
    }

    private async Task<StoredReportVersion> ToVersionAsync(ReportVersionRecord record, CancellationToken cancellationToken)
    {
        var parsed = ReportJson.Deserialize(record.ParsedJson);
        return new StoredReportVersion
        {
            VersionId = record.VersionId,
            Source = new Source { Id = record.SourceId, Agency = record.Agency, Region = record.Region, StartUrls = [] },
            Result = parsed with { Report = parsed.Report with { Agency = record.Agency, Year = record.Year }, Findings = record.Findings },
            Sha256 = record.Sha256,
            DocumentUrl = record.DocumentUrl,
            PageUrl = record.PageUrl,
            MediaType = record.MediaType,
            FetchedAt = record.FetchedAt,
            PublishedAt = record.PublishedAt,
            Version = record.Version,
            Text = await TextAsync(record.VersionId, cancellationToken).ConfigureAwait(false),
        };
    }

    private Task<string> TextAsync(long versionId, CancellationToken cancellationToken) => _texts.TextAsync(versionId, cancellationToken);
}
