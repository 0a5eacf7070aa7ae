using Crawler.Reports.Documents;

namespace Crawler.Reports.Parsing;

/// <summary>Turns a format-neutral document into a report with its findings. Never throws on malformed input.</summary>
public interface IReportParser
{
    ReportParseResult Parse(ReportDocument document);
}
