using Crawler.Extraction;
using Crawler.Pipeline.Archiving;
using Crawler.Pipeline.Discovery;
using Crawler.Pipeline.Faults;
using Crawler.Reports.Parsing;
using Microsoft.Extensions.Logging;

namespace Crawler.Pipeline.Processing;

/// <summary>
/// The parse stage: the extracted document read by <see cref="IReportParser.Read"/> (metadata, sections, the template's
/// tables, the findings of reading). Structure decides what is a report, not a title: a page holding neither table figures
/// nor section text, and a report page that only links its report as an attachment, are done as no report (the page is
/// context; the attachment, processed on its own, is the report). Then whose report of which year: without a year the
/// document is quarantined.
/// </summary>
public sealed class ParseStage(IReportParser parser, ProcessingStates states, ILogger<ParseStage> logger)
{
    public async Task<DocumentStep<ReadReport>> ReadAsync(ArchivedDocument document, ExtractionResult extracted, CancellationToken cancellationToken)
    {
        ReportParseResult read;
        try
        {
            read = parser.Read(extracted.Document!);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return await states.CrashedAsync(document, exception, cancellationToken).ConfigureAwait(false);
        }
        CrashPoint.Reach(CrashPhase.Parse);
        var context = document.Context;
        // Checked before the parser's verdict: a report page that only links its attachment reads as "not a report" to
        // the parser; the page is kept as context and the attachment, processed on its own, becomes the report document.
        if (context.Role == nameof(DocumentRole.ReportPage) && extracted.Attachments.Count > 0 && (!read.IsReport || HasNoFigures(read)))
        {
            var verdict = read.IsReport ? "" : $"正文不是年报（{read.NotReportReason}）；";
            return await states.NotAReportAsync(document,
                $"{verdict}页面只链接附件（{extracted.Attachments.Count} 个），报告以附件为准，页面作为上下文保留 (a page linking the report as an attachment)",
                cancellationToken).ConfigureAwait(false);
        }
        // A page whose title names the report but holds no table figures and no section text (an image-only 图解) is no
        // version; the real document, when it comes, is version 1.
        if (ReportStructure.Lacking(read) is { } lacking)
            return await states.NotAReportAsync(document, "不是年报 (not a report): " + lacking, cancellationToken).ConfigureAwait(false);
        var (agency, year) = ReportIdentity.Decide(document.Source.Agency, context.YearHint, read.Report);
        if (year is null) return await states.QuarantineAsync(document, "无法确定报告年度 (no year in the report, its link or title)", cancellationToken).ConfigureAwait(false);
        if (read.Report.Year is { } parsedYear && context.YearHint is { } hint && parsedYear != hint) logger.YearDiffers(context.Url, parsedYear, hint);
        return DocumentStep<ReadReport>.Continue(new ReadReport(extracted, read, agency, year.Value));
    }

    private static bool HasNoFigures(ReportParseResult read) =>
        read.Report.ActiveDisclosure.IsEmpty && read.Report.Applications.IsEmpty && read.Report.ReviewAndLitigation.IsEmpty;
}
