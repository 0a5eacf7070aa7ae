using Crawler.Reports.Documents;
using Crawler.Reports.Model;
using Crawler.Reports.Templates;
using Crawler.Reports.Parsing;
using Crawler.Reports.Validation;

namespace Crawler.Reports.Tests.Parsing;

/// <summary>
/// Tables as an HTML or DOCX extractor gives them, with row and column spans: the parser maps rows and
/// columns by their labels, so merged label cells and merged headers read like the text dumps do.
/// </summary>
public class SpannedTableTests
{
    private static TableCell C(string text, int rows = 1, int columns = 1) => new(text, rows, columns);

    private static TableRow Row(IEnumerable<TableCell> labels, params object[] values) =>
        new([.. labels, .. values.Select(v => C(v.ToString()!))]);

    private static readonly string[] Denied = ["属于国家秘密", "其他法律行政法规禁止公开", "危及“三安全一稳定”", "保护第三方合法权益", "属于三类内部事务信息", "属于四类过程性信息", "属于行政执法案卷", "属于行政查询事项"];
    private static readonly string[] Unavailable = ["本机关不掌握相关政府信息", "没有现成信息需要另行制作", "补正后申请内容仍不明确"];
    private static readonly string[] Rejected = ["信访举报投诉类申请", "重复申请", "要求提供公开出版物", "无正当理由大量反复申请", "要求行政机关确认或重新出具已获取信息"];
    private static readonly string[] Other = ["申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "其他"];

    private static Table ApplicationsTable()
    {
        var zero = Enumerable.Repeat<object>(0, 7).ToArray();
        var rows = new List<TableRow>
        {
            new([C("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3), C("申请人情况", 1, 7)]),
            new([C("自然人", 2), C("法人或其他组织", 1, 5), C("总计", 2)]),
            new([C("商业企业"), C("科研机构"), C("社会公益组织"), C("法律服务机构"), C("其他")]),
            Row([C("一、本年新收政府信息公开申请数量", 1, 3)], 4, 1, 0, 0, 0, 0, 5),
            Row([C("二、上年结转政府信息公开申请数量", 1, 3)], zero),
            Row([C("三、本年度办理结果", 22), C("（一）予以公开", 1, 2)], 3, "", 0, 0, 0, 0, 3),
            Row([C("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 1, 2)], zero),
        };
        void Group(string group, string[] labels)
        {
            for (var i = 0; i < labels.Length; i++)
            {
                TableCell[] cells = i == 0 ? [C(group, labels.Length), C($"{i + 1}.{labels[i]}")] : [C($"{i + 1}.{labels[i]}")];
                rows.Add(group == "（四）无法提供" && i == 0 ? Row(cells, 1, 1, 0, 0, 0, 0, 2) : Row(cells, zero));
            }
        }
        Group("（三）不予公开", Denied);
        Group("（四）无法提供", Unavailable);
        Group("（五）不予处理", Rejected);
        Group("（六）其他处理", Other);
        rows.Add(Row([C("（七）总计", 1, 2)], 4, "", 0, 0, 0, 0, 5));
        rows.Add(Row([C("四、结转下年度继续办理", 1, 3)], zero));
        return new Table(rows);
    }

    /// <summary>
    /// As a text PDF's rebuilt grid gives the table when LibreOffice let the header row break at a page
    /// end (seed 001): "自然" at the foot of page 1, "人" at the top of page 2, in the same column; and the
    /// last row alone on a further page, printing only its total (seed 003).
    /// </summary>
    private static Table TableBrokenAcrossPages()
    {
        var rows = ApplicationsTable().Rows.ToList();
        rows[1] = new([C("自然"), C("法人或其他组织", 1, 5), C("总计", 2)]);
        rows[2] = new([C("人"), .. rows[2].Cells], StartsPage: true);
        rows[^1] = new([C("四、结转下年度继续办理", 1, 3), C(""), C(""), C(""), C(""), C(""), C(""), C("9")], StartsPage: true);
        return new Table(rows);
    }

    [Fact]
    public void A_header_label_broken_over_a_page_and_a_lone_total_on_the_next_page_are_read_by_label()
    {
        var result = new ReportParser().Parse(new ReportDocument(
        [
            new Paragraph("青山县商务局2023年政府信息公开工作年度报告"),
            new Paragraph("三、收到和处理政府信息公开申请情况"),
            TableBrokenAcrossPages(),
        ]));
        var applications = result.Report.Applications;

        Assert.Equal([4m, 1m, 0m, 0m, 0m, 0m, 5m], ReportSchema.ApplicantColumns.Select(c => applications["newReceived", c.Key]));
        Assert.Equal(3m, applications["granted", "naturalPerson"]);
        Assert.Equal(9m, applications["carriedForward", "total"]);
        Assert.Null(applications["carriedForward", "naturalPerson"]);
        Assert.DoesNotContain(result.Findings, f => f.Code == FindingCodes.ColumnRepaired);
    }

    private static Table ReviewTable() => new(
    [
        new([C("行政复议", 1, 5), C("行政诉讼", 1, 10)]),
        new([C("结果维持", 2), C("结果纠正", 2), C("其他结果", 2), C("尚未审结", 2), C("总计", 2), C("未经复议直接起诉", 1, 5), C("复议后起诉", 1, 5)]),
        new(Enumerable.Range(0, 2).SelectMany(_ => new[] { "结果维持", "结果纠正", "其他结果", "尚未审结", "总计" }).Select(t => C(t)).ToArray()),
        new(new[] { 1, 0, 0, 1, 2, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1 }.Select(v => C(v.ToString())).ToArray()),
    ]);

    private static ReportParseResult Parse() => Parse(ApplicationsTable());

    private static ReportParseResult Parse(Table applications) => new ReportParser().Parse(new ReportDocument(
    [
        new Paragraph("青山县商务局2023年政府信息公开工作年度报告"),
        new Paragraph("一、总体情况"),
        new Paragraph("2023年共收到政府信息公开申请5件。"),
        new Paragraph("三、收到和处理政府信息公开申请情况"),
        applications,
        new Paragraph("四、政府信息公开行政复议、行政诉讼情况"),
        ReviewTable(),
    ]));

    [Fact]
    public void Merged_labels_and_headers_are_read_by_label()
    {
        var report = Parse().Report;

        Assert.Equal("青山县商务局", report.Agency);
        Assert.Equal(2023, report.Year);
        Assert.Equal(Template2021.Id, report.Template);
        var applications = report.Applications;
        Assert.Equal([4m, 1m, 0m, 0m, 0m, 0m, 5m], ReportSchema.ApplicantColumns.Select(c => applications["newReceived", c.Key]));
        Assert.Equal(3m, applications["granted", "naturalPerson"]);
        Assert.Null(applications["granted", "commercialEnterprise"]);
        Assert.Equal(1m, applications["unavailableNotHeld", "commercialEnterprise"]);
        Assert.Equal(2m, applications["unavailableNotHeld", "total"]);
        Assert.Equal(0m, applications["otherOther", "total"]);
        Assert.Equal(5m, applications["totalHandled", "total"]);
        Assert.Equal(2m, report.ReviewAndLitigation["review", "total"]);
        Assert.Equal(1m, report.ReviewAndLitigation["litigationAfterReview", "corrected"]);
    }

    [Fact]
    public void The_only_findings_are_the_blank_cells_and_the_missing_table_two()
    {
        var findings = Parse().Findings.Select(f => $"{f.Code}@{f.Where}").Order();

        Assert.Equal(["BLANK_CELLS@applications", "TABLE_MISSING@activeDisclosure"], findings);
    }

    [Fact]
    public void A_blank_cell_silences_the_rules_it_takes_part_in_but_not_the_others()
    {
        var document = Parse();
        // 商业企业 of 予以公开 is blank: its column's balance and result total and its row total are not
        // evaluated. Break the 自然人 column instead, and only that column's rule fires.
        document.Report.Applications["carriedForward", "naturalPerson"] = 1;
        document.Report.Applications["carriedForward", "total"] = 1;

        var rules = ReportValidator.Validate(document.Report).Where(f => f.Severity == FindingSeverity.Error).Select(f => $"{f.Code}@{f.Where}");

        Assert.Equal(["T3_BALANCE@applications.columns.naturalPerson", "T3_BALANCE@applications.columns.total"], rules.Order());
    }

    /// <summary>
    /// Table 3 with every cell filled (the blank 商业企业 cells printed as the figures that add up: 0 granted,
    /// 1 in （七）总计) and the rows at <paramref name="lost"/> left out.
    /// </summary>
    private static Table FilledApplicationsTable(params int[] lost) => new(ApplicationsTable().Rows
        .Where((_, i) => !lost.Contains(i))
        .Select(r => new TableRow([.. r.Cells.Select(c => c.Text.Length > 0 ? c : c with { Text = r.Cells[0].Text.StartsWith("（七）") ? "1" : "0" })], r.StartsPage))
        .ToArray());

    [Fact]
    public void A_row_that_could_not_be_read_is_row_unread_with_null_cells_and_never_blank_cells()
    {
        // Row 6 is （二）部分公开: its label and figures are lost, as when a label wraps around its figures.
        var result = Parse(FilledApplicationsTable(6));

        Assert.All(ReportSchema.ApplicantColumns, c => Assert.Null(result.Report.Applications["partiallyGranted", c.Key]));
        Assert.Equal(0m, result.Report.Applications["granted", "commercialEnterprise"]);
        var unread = Assert.Single(result.Findings, f => f.Code == FindingCodes.RowUnread);
        Assert.Equal(("applications.partiallyGranted", FindingSeverity.Error), (unread.Where, unread.Severity));
        Assert.Contains("（二）部分公开", unread.Message);
        Assert.Equal(["ROW_UNREAD@applications.partiallyGranted", "TABLE_MISSING@activeDisclosure"], result.Findings.Select(f => $"{f.Code}@{f.Where}").Order());
    }

    [Fact]
    public void Cells_seen_empty_beside_an_unread_row_are_still_blank_cells_counting_only_the_seen_ones()
    {
        var result = Parse(new Table(ApplicationsTable().Rows.Where((_, i) => i != 6).ToArray()));

        var blank = Assert.Single(result.Findings, f => f.Code == FindingCodes.BlankCells);
        Assert.Contains("有 2 个单元格未填", blank.Message);
        Assert.Contains(result.Findings, f => f.Code == FindingCodes.RowUnread && f.Where == "applications.partiallyGranted");
    }

    [Fact]
    public void A_complete_table_has_no_row_unread()
    {
        Assert.DoesNotContain(Parse(FilledApplicationsTable()).Findings, f => f.Code == FindingCodes.RowUnread);
    }

    [Fact]
    public void A_header_label_the_extractor_garbled_is_no_missing_column_when_the_rows_print_every_column()
    {
        var rows = ApplicationsTable().Rows.ToList();
        rows[2] = new([C("商止仚"), .. rows[2].Cells.Skip(1)]);

        var result = Parse(new Table(rows));

        Assert.DoesNotContain(result.Findings, f => f.Code == FindingCodes.ColumnRepaired);
        Assert.Equal([4m, 1m, 0m, 0m, 0m, 0m, 5m], ReportSchema.ApplicantColumns.Select(c => result.Report.Applications["newReceived", c.Key]));
        Assert.Equal(1m, result.Report.Applications["unavailableNotHeld", "commercialEnterprise"]);
        Assert.Null(result.Report.Applications["granted", "commercialEnterprise"]);
        Assert.Equal(3m, result.Report.Applications["granted", "total"]);
    }
}
