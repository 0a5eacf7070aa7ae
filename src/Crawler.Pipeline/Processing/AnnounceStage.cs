using Crawler.Pipeline.Archiving;
using Crawler.Pipeline.Faults;

namespace Crawler.Pipeline.Processing;

/// <summary>
/// The announce stage: a new report or version told to every <see cref="IReportVersionObserver"/> — the index (its outbox),
/// the alerts (their outbox), the embedded search, the metrics — then the document is done. An observer that fails
/// quarantines the document: the version stays stored and is announced again when the document is retried.
/// </summary>
public sealed class AnnounceStage(IEnumerable<IReportVersionObserver> observers, ProcessingStates states)
{
    public async Task<ProcessingOutcome> AnnounceAsync(ArchivedDocument document, StoredReport stored, CancellationToken cancellationToken)
    {
        CrashPoint.Reach(CrashPhase.Announce);
        var (report, draft) = (stored.Report, stored.Draft);
        var version = new StoredReportVersion
        {
            VersionId = stored.Stored.VersionId,
            Source = document.Source,
            Result = draft.Result with { Report = draft.Result.Report with { Agency = draft.Agency, Year = draft.Year } },
            Sha256 = draft.Sha256,
            DocumentUrl = draft.DocumentUrl,
            PageUrl = draft.PageUrl,
            MediaType = draft.MediaType,
            FetchedAt = draft.FetchedAt,
            PublishedAt = draft.Publication?.Chosen,
            Version = stored.Stored.Version,
            Text = ReportText.Build(report.Result.Report.Title ?? report.Extraction.Title, report.Extraction.Document!),
        };
        foreach (var observer in observers)
        {
            try
            {
                await observer.OnStoredAsync(version, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                return await states.QuarantineAsync(document, $"已存储，但通知 {observer.GetType().Name} 失败 (stored, announcing failed): {exception.Message}", cancellationToken)
                    .ConfigureAwait(false);
            }
        }
        return await states.VersionStoredAsync(document, stored, cancellationToken).ConfigureAwait(false);
    }
}
