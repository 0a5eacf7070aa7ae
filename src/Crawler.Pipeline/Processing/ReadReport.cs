using Crawler.Extraction;
using Crawler.Reports.Publication;
using Crawler.Reports.Parsing;

namespace Crawler.Pipeline.Processing;

/// <summary>
/// A document read as a report (the parse stage's answer), on its way to the store: what extraction gave, what was read
/// (and, after the validate stage, its findings and publication date), and whose report of which year it is.
/// </summary>
public sealed record ReadReport(ExtractionResult Extraction, ReportParseResult Result, string Agency, int Year)
{
    /// <summary>When the report was published and by which evidence: set by the validate stage.</summary>
    public PublicationDecision? Publication { get; init; }
}
