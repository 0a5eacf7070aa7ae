using Crawler.Reports.Documents;
using Crawler.Reports.Json;
using Crawler.Reports.Parsing;

namespace Crawler.Pipeline.Tests.Processing;

/// <summary>
/// Stands in for the report parser until it is merged: the document's first paragraph is a report in
/// ReportJson form (a realistic parsed report from the gold files), read back as the parse result.
/// </summary>
internal sealed class ReportJsonParser : IReportParser
{
    public int Calls { get; private set; }

    public Exception? Crash { get; set; }

    public ReportParseResult Read(ReportDocument document)
    {
        Calls++;
        if (Crash is not null) throw Crash;
        return ReportJson.Deserialize(document.Paragraphs.First().Text);
    }
}
