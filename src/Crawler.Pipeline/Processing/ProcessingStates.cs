using Crawler.Pipeline.Archiving;
using Crawler.Pipeline.Storage;
using Microsoft.Extensions.Logging;

namespace Crawler.Pipeline.Processing;

/// <summary>
/// The ways a document's processing ends without a report version, as every stage records them: quarantined (kept,
/// with its error, and retried from the archive on the next run) done as no report (kept, never parsed again), or done as the report version it was stored as.
/// </summary>
public sealed class ProcessingStates(IReportStore store, ILogger<ProcessingStates> logger)
{
    /// <summary>The documents in quarantine, to be retried from the archive.</summary>
    public Task<IReadOnlyList<ProcessingState>> QuarantinedAsync(CancellationToken cancellationToken) => store.QuarantinedAsync(cancellationToken);

    public async Task<ProcessingOutcome> QuarantineAsync(ArchivedDocument document, string error, CancellationToken cancellationToken)
    {
        await store.MarkFailedAsync(document.Sha256, document.Context, error, cancellationToken).ConfigureAwait(false);
        logger.Quarantined(document.Context.Url, document.Sha256, document.Context.SourceId, error);
        return ProcessingOutcome.Failed(document.Context.Url, document.Sha256, error);
    }

    /// <summary>A stage's code threw on this document: a bug, but the document is not lost to it.</summary>
    public Task<ProcessingOutcome> CrashedAsync(ArchivedDocument document, Exception exception, CancellationToken cancellationToken) =>
        QuarantineAsync(document, $"处理时异常 (crashed): {exception.GetType().Name}: {exception.Message}", cancellationToken);

    public async Task<ProcessingOutcome> NotAReportAsync(ArchivedDocument document, string reason, CancellationToken cancellationToken)
    {
        await store.MarkDoneAsync(document.Sha256, document.Context, reason, null, cancellationToken).ConfigureAwait(false);
        logger.NotAReport(document.Context.Url, reason);
        return ProcessingOutcome.NotAReport(document.Context.Url, document.Sha256, reason);
    }

    /// <summary>Marks the document done as the version it was stored as; its outcome (a new report, a new version, unchanged).</summary>
    public async Task<ProcessingOutcome> VersionStoredAsync(ArchivedDocument document, StoredReport stored, CancellationToken cancellationToken)
    {
        var (report, version) = (stored.Report, stored.Stored);
        await store.MarkDoneAsync(document.Sha256, document.Context, $"{report.Agency} {report.Year} 第 {version.Version} 版 ({version.Change})", version.VersionId, cancellationToken)
            .ConfigureAwait(false);
        var kind = version.Change switch
        {
            VersionChange.NewReport => ProcessingOutcomeKind.NewReport,
            VersionChange.NewVersion => ProcessingOutcomeKind.NewVersion,
            _ => ProcessingOutcomeKind.Unchanged,
        };
        return Outcome(document, report, version, kind);
    }

    internal static ProcessingOutcome Outcome(ArchivedDocument document, ReadReport report, StoredVersion stored, ProcessingOutcomeKind kind) =>
        new(kind, document.Context.Url)
        {
            Sha256 = document.Sha256, Agency = report.Agency, Year = report.Year, Version = stored.Version, Reason = stored.Change.ToString(),
        };
}
