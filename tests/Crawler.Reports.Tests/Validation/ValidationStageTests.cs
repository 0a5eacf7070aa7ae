using Crawler.Extraction.PlainText;
using Crawler.Reports.Model;
using Crawler.Reports.Parsing;
using Crawler.Reports.Tests.Parsing;
using Crawler.Reports.Validation;

namespace Crawler.Reports.Tests.Validation;

/// <summary>
/// Parsing and validation are two stages: the reader reports what it read (and could not), the rules judge the
/// figures after it. Together they give exactly what one <see cref="ReportParser.Parse"/> call gives.
/// </summary>
public sealed class ValidationStageTests
{
    public static TheoryData<string> Seeds() => new(SeedParsing.SeedNames());

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Reading_then_validating_gives_the_one_call_parse_finding_for_finding(string seed)
    {
        var document = PlainTextDocumentReader.Read(SeedParsing.SeedText(seed));
        var parser = new ReportParser();

        var read = parser.Read(document);
        var validated = ReportValidator.Validate(read);
        var parsed = parser.Parse(document);

        Assert.Equal(parsed.Findings.Select(f => (f.Code, f.Where, f.Message)), validated.Findings.Select(f => (f.Code, f.Where, f.Message)));
        Assert.Equal(read.Findings, validated.Findings.Take(read.Findings.Count)); // the reader's come first, unchanged
        Assert.Same(read.Report, validated.Report);
    }

    [Fact]
    public void Blank_cells_are_the_rules_finding_not_the_readers()
    {
        // Seed 003 prints empty cells in table 3: the reader reads them as empty, only the rules name them.
        var document = PlainTextDocumentReader.Read(SeedParsing.SeedText("003_1bfe41904e475b00"));

        var read = new ReportParser().Read(document);
        var validated = ReportValidator.Validate(read);

        Assert.DoesNotContain(read.Findings, f => f.Code == FindingCodes.BlankCells);
        Assert.Equal(2, validated.Findings.Count(f => f.Code == FindingCodes.BlankCells));
        Assert.Contains(ReportSchema.ApplicationsKey, read.PrintedTables!);
    }

    [Fact]
    public void A_document_that_is_not_a_report_passes_validation_unchanged()
    {
        var read = new ReportParser().Read(PlainTextDocumentReader.Read("关于召开全市安全生产工作会议的通知\n各区县：定于明日召开会议。"));

        var validated = ReportValidator.Validate(read);

        Assert.False(validated.IsReport);
        Assert.Same(read, validated);
    }
}
