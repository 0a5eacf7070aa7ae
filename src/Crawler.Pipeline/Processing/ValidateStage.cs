using Crawler.Pipeline.Archiving;
using Crawler.Pipeline.Compliance;
using Crawler.Pipeline.Publication;
using Crawler.Pipeline.Storage;
using Crawler.Reports.Parsing;
using Crawler.Reports.Publication;
using Crawler.Reports.Validation;

namespace Crawler.Pipeline.Processing;

/// <summary>
/// The validate stage: the consistency rules over what was read (<see cref="ReportValidator.Validate(ReportParseResult, double)"/>),
/// extraction's own findings, the publication date by its evidence (<see cref="PublicationDating"/>, with its rule) and the
/// carry-over against the stored previous year (<see cref="CarryOverCheck"/>). A report whose figures do not add up goes on
/// with its findings: it is stored and announced, never dropped.
/// </summary>
public sealed class ValidateStage(ContentAddressedArchive archive, IReportStore store, ProcessingStates states)
{
    private readonly PublicationDating _dating = new(archive, store);
    private readonly CarryOverCheck _carryOver = new(store);

    public async Task<DocumentStep<ReadReport>> ValidateAsync(ArchivedDocument document, ReadReport report, CancellationToken cancellationToken)
    {
        ReportParseResult validated;
        try
        {
            validated = ReportValidator.Validate(report.Result);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return await states.CrashedAsync(document, exception, cancellationToken).ConfigureAwait(false);
        }
        var publication = await _dating.DateAsync(document.Sha256, document.Context, report.Extraction, cancellationToken).ConfigureAwait(false);
        var carryOver = await _carryOver.CheckAsync(report.Agency, report.Year, validated.Report, cancellationToken).ConfigureAwait(false);
        validated = validated with { Findings = [.. validated.Findings, .. report.Extraction.Findings, .. PublicationRule.Check(publication), .. carryOver] };
        return DocumentStep<ReadReport>.Continue(report with { Result = validated, Publication = publication });
    }
}
