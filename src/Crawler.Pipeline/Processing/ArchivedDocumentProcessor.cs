using Crawler.Reports.Validation;
using Crawler.Extraction;
using Crawler.Pipeline.Archiving;
using Crawler.Pipeline.Compliance;
using Crawler.Pipeline.Discovery;
using Crawler.Pipeline.Publication;
using Crawler.Pipeline.Sources;
using Crawler.Pipeline.Storage;
using Crawler.Reports.Parsing;
using Crawler.Reports.Publication;
using Microsoft.Extensions.Logging;
using Crawler.Pipeline.Faults;

namespace Crawler.Pipeline.Processing;

/// <summary>
/// Extract → parse → classify → store → announce, for bytes already in the archive. Every way out is
/// recorded in the processing state: done (a version, a non-report, a context page) or quarantined.
/// </summary>
public sealed class ArchivedDocumentProcessor
{
    private readonly ContentAddressedArchive _archive;
    private readonly IReportStore _store;
    private readonly IDocumentExtraction _extraction;
    private readonly IReportParser _parser;
    private readonly IEnumerable<IReportVersionObserver> _observers;
    private readonly ILogger<ArchivedDocumentProcessor> _logger;
    private readonly PublicationDating _dating;
    private readonly CarryOverCheck _carryOver;
    private readonly SemaphoreSlim _cpuSlots = new(Environment.ProcessorCount, Environment.ProcessorCount);

    public ArchivedDocumentProcessor(ContentAddressedArchive archive, IReportStore store, IDocumentExtraction extraction, IReportParser parser,
        IEnumerable<IReportVersionObserver> observers, ILogger<ArchivedDocumentProcessor> logger)
    {
        _archive = archive;
        _store = store;
        _extraction = extraction;
        _parser = parser;
        _observers = observers;
        _logger = logger;
        _dating = new PublicationDating(archive, store);
        _carryOver = new CarryOverCheck(store);
    }

    public async Task<ProcessingOutcome> ProcessAsync(Source source, string sha256, DocumentContext context, CancellationToken cancellationToken)
    {
        var linked = new List<AttachmentLink>();
        var outcome = await ProcessAsync(source, sha256, context, linked, cancellationToken).ConfigureAwait(false);
        return linked.Count == 0 ? outcome : outcome with { Attachments = linked };
    }

    /// <param name="linked">Gets what extraction found a report page linking, whatever the outcome (the page may be context only).</param>
    private async Task<ProcessingOutcome> ProcessAsync(Source source, string sha256, DocumentContext context, List<AttachmentLink> linked,
        CancellationToken cancellationToken)
    {
        if (!_archive.Contains(sha256))
        {
            // Someone removed the file by hand: keep the document quarantined so the next fetch of its URL restores it.
            return await QuarantineAsync(sha256, context, $"存档文件缺失 (archived body missing): {_archive.PathFor(sha256)}", cancellationToken).ConfigureAwait(false);
        }
        ExtractionResult extraction;
        ReportParseResult parsed;
        try
        {
            (extraction, var result) = await ExtractAndParseAsync(sha256, context, cancellationToken).ConfigureAwait(false);
            if (result is null) return await QuarantineAsync(sha256, context, "提取失败 (extraction failed): " + extraction.Error, cancellationToken).ConfigureAwait(false);
            parsed = result;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A crashing extractor or parser is a bug, but the document must not be lost to it: quarantine and go on.
            return await QuarantineAsync(sha256, context, $"处理时异常 (crashed): {exception.GetType().Name}: {exception.Message}", cancellationToken)
                .ConfigureAwait(false);
        }
        CrashPoint.Reach(CrashPhase.Parse);
        if (context.Role == nameof(DocumentRole.ReportPage)) linked.AddRange(extraction.Attachments);
        if (extraction.Findings.Count > 0) parsed = parsed with { Findings = [.. parsed.Findings, .. extraction.Findings] };
        // Checked before the parser's verdict: a report page that only links its attachment reads as "not a report" to
        // the parser; the page is kept as context and the attachment, processed on its own, becomes the report document.
        if (context.Role == nameof(DocumentRole.ReportPage) && extraction.Attachments.Count > 0 && (!parsed.IsReport || HasNoFigures(parsed)))
        {
            var verdict = parsed.IsReport ? "" : $"正文不是年报（{parsed.NotReportReason}）；";
            return await NotAReportAsync(sha256, context,
                $"{verdict}页面只链接附件（{extraction.Attachments.Count} 个），报告以附件为准，页面作为上下文保留 (a page linking the report as an attachment)",
                cancellationToken).ConfigureAwait(false);
        }
        // Structure decides, not the title: a page whose title names the report but holds no table figures and no section
        // text (an image-only 图解) is no version; the real document, when it comes, is version 1.
        if (ReportStructure.Lacking(parsed) is { } lacking)
            return await NotAReportAsync(sha256, context, "不是年报 (not a report): " + lacking, cancellationToken).ConfigureAwait(false);
        var (agency, year) = ReportIdentity.Decide(source.Agency, context.YearHint, parsed.Report);
        if (year is null) return await QuarantineAsync(sha256, context, "无法确定报告年度 (no year in the report, its link or title)", cancellationToken).ConfigureAwait(false);
        if (parsed.Report.Year is { } parsedYear && context.YearHint is { } hint && parsedYear != hint) _logger.YearDiffers(context.Url, parsedYear, hint);
        var text = ReportText.Build(parsed.Report.Title ?? extraction.Title, extraction.Document!);
        var publication = await _dating.DateAsync(sha256, context, extraction, cancellationToken).ConfigureAwait(false);
        var carryOver = await _carryOver.CheckAsync(agency, year.Value, parsed.Report, cancellationToken).ConfigureAwait(false);
        parsed = parsed with { Findings = [.. parsed.Findings, .. PublicationRule.Check(publication), .. carryOver] };
        var draft = new ReportVersionDraft
        {
            Agency = agency,
            Year = year.Value,
            SourceId = source.Id,
            Region = source.Region,
            Sha256 = sha256,
            ContentFingerprint = ReportFingerprint.Of(parsed.Report),
            DocumentUrl = context.Url,
            PageUrl = context.PageUrl,
            MediaType = MediaTypes.For(extraction.Format, context.MediaType),
            FetchedAt = context.FetchedAt,
            Result = parsed,
            Publication = publication,
        };
        var stored = await _store.StoreVersionAsync(draft, cancellationToken).ConfigureAwait(false);
        _logger.Stored(agency, year.Value, stored.Version, stored.Change.ToString(), context.Url);
        if (stored.Change is VersionChange.RenditionDiffers)
        {
            // The same report as the page (or attachment) it comes with, with other figures: no version of its own; the
            // version keeps the preferred document's figures and a RENDITIONS_DISAGREE finding names this one.
            var detail = $"{agency} {year} 第 {stored.Version} 版的另一文档，数字不一致，不另立版本 (another rendition of version {stored.Version} with other figures: {stored.Detail})";
            _logger.RenditionDiffers(context.Url, agency, year.Value, stored.Version, stored.Detail ?? "");
            await _store.MarkDoneAsync(sha256, context, detail, stored.VersionId, cancellationToken).ConfigureAwait(false);
            return new ProcessingOutcome(ProcessingOutcomeKind.Unchanged, context.Url)
            {
                Sha256 = sha256, Agency = agency, Year = year, Version = stored.Version, Reason = stored.Change.ToString(),
            };
        }
        if (stored.Change is not VersionChange.SameContent)
        {
            CrashPoint.Reach(CrashPhase.Announce);
            var failure = await AnnounceAsync(source, draft, stored, text, cancellationToken).ConfigureAwait(false);
            if (failure is not null) return await QuarantineAsync(sha256, context, failure, cancellationToken).ConfigureAwait(false);
        }
        await _store.MarkDoneAsync(sha256, context, $"{agency} {year} 第 {stored.Version} 版 ({stored.Change})", stored.VersionId, cancellationToken).ConfigureAwait(false);
        var kind = stored.Change switch
        {
            VersionChange.NewReport => ProcessingOutcomeKind.NewReport,
            VersionChange.NewVersion => ProcessingOutcomeKind.NewVersion,
            _ => ProcessingOutcomeKind.Unchanged,
        };
        return new ProcessingOutcome(kind, context.Url) { Sha256 = sha256, Agency = agency, Year = year, Version = stored.Version, Reason = stored.Change.ToString() };
    }

    /// <summary>
    /// Extraction and parsing are CPU work that allocates ~3 MB per document: one document per core at a time,
    /// however many sources are in flight (a 10,000-document crawl with 32 sources at once peaked at 322 MB RSS without
    /// this limit, 283 MB with it, and ran faster: docs/benchmarks.md).
    /// </summary>
    private async Task<(ExtractionResult Extraction, ReportParseResult? Parsed)> ExtractAndParseAsync(string sha256, DocumentContext context,
        CancellationToken cancellationToken)
    {
        await _cpuSlots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var bytes = await File.ReadAllBytesAsync(_archive.PathFor(sha256), cancellationToken).ConfigureAwait(false);
            var extraction = await _extraction.ExtractAsync(new SourceDocument(bytes, context.Url.AbsoluteUri, context.MediaType), cancellationToken)
                .ConfigureAwait(false);
            // Parse, then validate: the reader's findings, then the rules' over its figures.
            return (extraction, extraction.Succeeded ? ReportValidator.Validate(_parser.Read(extraction.Document!)) : null);
        }
        finally
        {
            _cpuSlots.Release();
        }
    }

    /// <returns>Null when every observer took the version; otherwise the error (the version stays stored and is announced again on retry).</returns>
    private async Task<string?> AnnounceAsync(Source source, ReportVersionDraft draft, StoredVersion stored, string text, CancellationToken cancellationToken)
    {
        var version = new StoredReportVersion
        {
            VersionId = stored.VersionId,
            Source = source,
            Result = draft.Result with { Report = draft.Result.Report with { Agency = draft.Agency, Year = draft.Year } },
            Sha256 = draft.Sha256,
            DocumentUrl = draft.DocumentUrl,
            PageUrl = draft.PageUrl,
            MediaType = draft.MediaType,
            FetchedAt = draft.FetchedAt,
            PublishedAt = draft.Publication?.Chosen,
            Version = stored.Version,
            Text = text,
        };
        foreach (var observer in _observers)
        {
            try
            {
                await observer.OnStoredAsync(version, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                return $"已存储，但通知 {observer.GetType().Name} 失败 (stored, announcing failed): {exception.Message}";
            }
        }
        return null;
    }

    private static bool HasNoFigures(ReportParseResult parsed) =>
        parsed.Report.ActiveDisclosure.IsEmpty && parsed.Report.Applications.IsEmpty && parsed.Report.ReviewAndLitigation.IsEmpty;

    private async Task<ProcessingOutcome> NotAReportAsync(string sha256, DocumentContext context, string reason, CancellationToken cancellationToken)
    {
        await _store.MarkDoneAsync(sha256, context, reason, null, cancellationToken).ConfigureAwait(false);
        _logger.NotAReport(context.Url, reason);
        return ProcessingOutcome.NotAReport(context.Url, sha256, reason);
    }

    private async Task<ProcessingOutcome> QuarantineAsync(string sha256, DocumentContext context, string error, CancellationToken cancellationToken)
    {
        await _store.MarkFailedAsync(sha256, context, error, cancellationToken).ConfigureAwait(false);
        _logger.Quarantined(context.Url, sha256, context.SourceId, error);
        return ProcessingOutcome.Failed(context.Url, sha256, error);
    }
}
