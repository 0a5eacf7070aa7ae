using Crawler.Reports.Documents;
using Crawler.Reports.Model;
using Crawler.Reports.Parsing;
using Crawler.Reports.Tests.Parsing;
using Crawler.Reports.Validation;

namespace Crawler.Reports.Tests.Validation;

public sealed class OcrSuspectCellsTests
{
    private static readonly Dictionary<string, double> Confident = new();

    [Fact]
    public void A_consistent_fully_read_report_has_no_suspect_cells()
    {
        var report = ConsistentReport.Create();
        Assert.Empty(OcrSuspectCells.Check(report, ReportValidator.Validate(report), Confident));
    }

    [Fact]
    public void Every_cell_of_a_broken_balance_is_named_on_its_row()
    {
        var report = ConsistentReport.Create();
        report.Applications["carriedForward", "naturalPerson"] = 8;
        var findings = ReportValidator.Validate(report);
        var suspects = OcrSuspectCells.Check(report, findings, Confident);
        var rows = suspects.Select(f => f.Where).ToHashSet();
        // T3_BALANCE on 自然人 names four rows; T3_ROW_TOTAL names the row whose total no longer adds up.
        Assert.Superset(new HashSet<string> { "applications.newReceived", "applications.carriedOver", "applications.totalHandled", "applications.carriedForward" }, rows);
        Assert.All(suspects, f => Assert.Equal((FindingCodes.LowConfidence, FindingSeverity.Warning), (f.Code, f.Severity)));
        var forward = suspects.First(f => f.Where == "applications.carriedForward");
        Assert.Contains("OCR 识别的数字未通过勾稽校验，以下单元格可疑", forward.Message);
        Assert.Contains("自然人 8", forward.Message);
    }

    [Fact]
    public void A_row_read_below_the_threshold_and_a_row_not_read_are_named()
    {
        var report = ConsistentReport.Create();
        report.ReviewAndLitigation["review", "pending"] = null;
        var confidence = new Dictionary<string, double> { ["applications.granted"] = 0.41, ["applications.newReceived"] = 0.95 };
        var suspects = OcrSuspectCells.Check(report, ReportValidator.Validate(report), confidence);
        Assert.Equal(["applications.granted", "reviewAndLitigation.review"], suspects.Select(f => f.Where).Order());
        Assert.Contains("最低置信度 41%，低于 80%", suspects.Single(f => f.Where == "applications.granted").Message);
        Assert.Contains("尚未审结", suspects.Single(f => f.Where == "reviewAndLitigation.review").Message);
    }

    [Fact]
    public void The_parser_names_suspect_cells_only_when_the_table_came_from_ocr()
    {
        var text = SeedParsing.SeedText(SeedParsing.SeedNames().First());
        var document = Crawler.Extraction.PlainText.PlainTextDocumentReader.Read(text);
        Assert.DoesNotContain(new ReportParser().Parse(document).Findings, f => f.Code == FindingCodes.LowConfidence);

        // The same document as if OCR had read every cell at 50%: every row with figures is suspect.
        var ocr = document with { Blocks = document.Blocks.Select(b => b is Table t ? WithConfidence(t, 0.5) : b).ToList() };
        var findings = new ReportParser().Parse(ocr).Findings.Where(f => f.Code == FindingCodes.LowConfidence).ToList();
        Assert.Contains(findings, f => f.Where == "applications.newReceived" && f.Message.Contains("50%"));
        Assert.Contains(findings, f => f.Where == "reviewAndLitigation.review");
    }

    private static Table WithConfidence(Table table, double confidence) =>
        new(table.Rows.Select(r => r with { Cells = r.Cells.Select(c => c with { Confidence = confidence }).ToList() }).ToList());
}
