using Crawler.Reports.Documents;

namespace Crawler.Reports.Parsing;

/// <summary>
/// The parse stage: turns a format-neutral document into a report with the findings of reading it, and what the page
/// showed for the rules; the rules themselves are the validation stage (<see cref="Validation.ReportValidator"/>).
/// Never throws on malformed input.
/// </summary>
public interface IReportParser
{
    ReportParseResult Read(ReportDocument document);
}
