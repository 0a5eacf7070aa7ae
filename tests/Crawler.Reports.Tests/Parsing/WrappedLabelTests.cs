using Crawler.Reports.Model;

namespace Crawler.Reports.Tests.Parsing;

/// <summary>Labels that a PDF dump wraps onto a line of their own are joined back, not lost and not variants.</summary>
public class WrappedLabelTests
{
    private static string WithRow(string rows)
    {
        var text = SeedParsing.SeedText("001_9c70bb7b05579109");
        var line = text.Split('\n').Single(l => l.Contains("5. 要求行政机关确认或重新出具已获取信息", StringComparison.Ordinal));
        return text.Replace(line, rows, StringComparison.Ordinal);
    }

    [Fact]
    public void A_label_tail_on_the_next_line_without_tabs_is_joined()
    {
        var result = SeedParsing.Parse(WithRow("\t\t5. 要求行政机关确认或重新\t1\t0\t0\t0\t0\t0\t1\n出具已获取信息"));

        Assert.Equal(1m, result.Report.Applications["rejectedConfirmation", "naturalPerson"]);
        Assert.Equal(1m, result.Report.Applications["rejectedConfirmation", "total"]);
        Assert.DoesNotContain(result.Findings, f => f.Code == FindingCodes.LabelVariant);
        Assert.Contains(result.Findings, f => f.Code == FindingCodes.T3ResultTotal && f.Where == "applications.columns.naturalPerson");
    }

    [Fact]
    public void A_label_head_on_a_row_of_its_own_is_joined_to_the_row_with_the_numbers()
    {
        var result = SeedParsing.Parse(WithRow("\t\t5. 要求行政机关确认或重新\t\t\t\t\t\t\t\n\t\t出具已获取信息\t2\t0\t0\t0\t0\t0\t2"));

        Assert.Equal(2m, result.Report.Applications["rejectedConfirmation", "total"]);
        Assert.DoesNotContain(result.Findings, f => f.Code == FindingCodes.LabelVariant);
    }
}
