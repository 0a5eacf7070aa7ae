using Crawler.Pipeline.Fetching;

namespace Crawler.Pipeline.Storage;

/// <summary>
/// The state store as the pipeline sees it: fetch history, documents, processing state, reports and
/// their versions. SQLite is the embedded default; nothing here assumes it, so a PostgreSQL store for
/// several workers can implement the same interface.
/// </summary>
public interface IReportStore : IFetchLedger, IReportCatalog
{
    /// <summary>Records an exchange; a successful body is also registered as a document (by sha256).</summary>
    Task RecordFetchAsync(FetchRecord fetch, CancellationToken cancellationToken);

    Task<ProcessingState?> FindProcessingAsync(string sha256, CancellationToken cancellationToken);

    Task MarkDoneAsync(string sha256, DocumentContext context, string detail, long? versionId, CancellationToken cancellationToken);

    /// <summary>Quarantines the document with its error; it is retried on the next run.</summary>
    Task MarkFailedAsync(string sha256, DocumentContext context, string error, CancellationToken cancellationToken);

    Task<IReadOnlyList<ProcessingState>> QuarantinedAsync(CancellationToken cancellationToken);

    /// <summary>Stores a parsed report under (agency, year): a new report, a new version, or the version it already is.</summary>
    Task<StoredVersion> StoreVersionAsync(ReportVersionDraft draft, CancellationToken cancellationToken);

    /// <summary>Report versions, by agency, year and version.</summary>
    Task<IReadOnlyList<ReportVersionRecord>> ListVersionsAsync(ReportFilter filter, CancellationToken cancellationToken);
}
