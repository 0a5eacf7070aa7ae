using Crawler.Pipeline.Archiving;
using Crawler.Pipeline.Storage;
using Microsoft.Extensions.Logging;

namespace Crawler.Pipeline.Processing;

/// <summary>
/// The store stage: the report as a version of its agency's report for its year (<see cref="IReportStore.StoreVersionAsync"/>).
/// A new report or a new version goes on to be announced. The same figures again, or another rendition of the version
/// (a page and its attachment) with other figures — which the version keeps as a RENDITIONS_DISAGREE finding — make no
/// version and end here, done.
/// </summary>
public sealed class StoreStage(IReportStore store, ProcessingStates states, ILogger<StoreStage> logger)
{
    public async Task<DocumentStep<StoredReport>> StoreAsync(ArchivedDocument document, ReadReport report, CancellationToken cancellationToken)
    {
        var (sha256, context) = (document.Sha256, document.Context);
        var draft = new ReportVersionDraft
        {
            Agency = report.Agency,
            Year = report.Year,
            SourceId = document.Source.Id,
            Region = document.Source.Region,
            Sha256 = sha256,
            ContentFingerprint = ReportFingerprint.Of(report.Result.Report),
            DocumentUrl = context.Url,
            PageUrl = context.PageUrl,
            MediaType = MediaTypes.For(report.Extraction.Format, context.MediaType),
            FetchedAt = context.FetchedAt,
            Result = report.Result,
            Publication = report.Publication,
        };
        var stored = await store.StoreVersionAsync(draft, cancellationToken).ConfigureAwait(false);
        logger.Stored(report.Agency, report.Year, stored.Version, stored.Change.ToString(), context.Url);
        switch (stored.Change)
        {
            case VersionChange.RenditionDiffers:
                var detail = $"{report.Agency} {report.Year} 第 {stored.Version} 版的另一文档，数字不一致，不另立版本 (another rendition of version {stored.Version} with other figures: {stored.Detail})";
                logger.RenditionDiffers(context.Url, report.Agency, report.Year, stored.Version, stored.Detail ?? "");
                await store.MarkDoneAsync(sha256, context, detail, stored.VersionId, cancellationToken).ConfigureAwait(false);
                return ProcessingStates.Outcome(document, report, stored, ProcessingOutcomeKind.Unchanged);
            case VersionChange.SameContent:
                return await states.VersionStoredAsync(document, new StoredReport(report, draft, stored), cancellationToken).ConfigureAwait(false);
            default:
                return DocumentStep<StoredReport>.Continue(new StoredReport(report, draft, stored));
        }
    }
}
