using Crawler.Reports.Documents;

namespace Crawler.Extraction.Tests.Fixtures;

/// <summary>What every rendering of a seed must give back: each figure cell equal to gold, spans expanded.</summary>
internal static class RenderedReportAssertions
{
    public static void TablesEqualGold(ReportDocument document, GoldFigures gold)
    {
        var columns = gold.OmitsOtherColumn ? 6 : 7;
        var rows = ReportTables.ApplicationDataRows(ReportTables.Applications(document));
        Assert.Equal(GoldFigures.ApplicationRows.Length, rows.Length);
        for (var i = 0; i < rows.Length; i++)
        {
            Assert.Equal(gold.ApplicationRow(GoldFigures.ApplicationRows[i]), ReportTables.Values(rows[i], columns));
        }

        var table2 = ReportTables.ActiveDisclosure(document);
        Assert.Equal(
            new[] { gold.ActiveDisclosure("normativeDocuments", "issued"), gold.ActiveDisclosure("normativeDocuments", "repealed"), gold.ActiveDisclosure("normativeDocuments", "inForce") },
            ReportTables.Values(ReportTables.RowWith(table2, "行政规范性文件"), 3));
        Assert.Equal(new[] { gold.ActiveDisclosure("licensing", "decisions") }, ReportTables.Values(ReportTables.RowWith(table2, "行政许可"), 1));
        Assert.Equal(new[] { gold.ActiveDisclosure("fees", "amountTenThousandYuan") }, ReportTables.Values(ReportTables.RowWith(table2, "行政事业性收费"), 1));

        var table4 = ReportTables.ReviewAndLitigation(document);
        Assert.Equal(gold.ReviewAndLitigationRow(), ReportTables.Values(table4[^1], 15));
        Assert.Equal(15, table4[^1].Length);
    }

    /// <summary>The merged labels of table 3 cover the rows and columns they cover on paper.</summary>
    public static void SpansExpanded(ReportDocument document, GoldFigures gold, bool splitAtPageBreak = false)
    {
        var grid = ReportTables.Applications(document);
        var width = gold.OmitsOtherColumn ? 9 : 10;
        Assert.All(grid, row => Assert.Equal(width, row.Length));

        var header = grid[0];
        Assert.Same(header[0], grid[2][2]);
        Assert.Equal("申请人情况", header[3]!.Text);
        Assert.Same(header[3], header[^1]);
        var legal = grid[1].Where(c => c?.Text == "法人或其他组织").Distinct().Single();
        Assert.Equal(gold.OmitsOtherColumn ? 4 : 5, grid[1].Count(c => ReferenceEquals(c, legal)));
        Assert.Same(grid[1][3], grid[2][3]);

        var group = grid.First(row => row[0]?.Text == "三、本年度办理结果")[0];
        Assert.Equal(splitAtPageBreak ? 10 : 22, grid.Count(row => ReferenceEquals(row[0], group)));
        Assert.Equal(8, grid.Count(row => row[1]?.Text == "（三）不予公开"));
        Assert.Equal(3, grid.Count(row => row[1]?.Text == "（四）无法提供"));
        Assert.Equal(5, grid.Count(row => row[1]?.Text == "（五）不予处理"));
    }

    public static void NoFurniture(ReportDocument document)
    {
        foreach (var paragraph in document.Paragraphs)
        {
            Assert.DoesNotContain("打印本页", paragraph.Text);
            Assert.DoesNotContain("关闭窗口", paragraph.Text);
            Assert.DoesNotContain("分享到", paragraph.Text);
            Assert.DoesNotContain("当前位置", paragraph.Text);
            Assert.DoesNotContain("网站地图", paragraph.Text);
        }
    }
}
