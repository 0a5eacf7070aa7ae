using Crawler.Reports.Model;
using Crawler.Tests.Shared;

namespace Crawler.Reports.Tests.Parsing;

/// <summary>
/// Amounts are stored in their key's unit (amountTenThousandYuan: 万元). One printed in 元 or 亿元, after the
/// number or in its column header, is converted, with a UNIT_CONVERTED finding; one printed in 万元 is not.
/// The 2019 handmade fixture prints 政府集中采购 采购总金额 128.6 (万元).
/// </summary>
public class MoneyUnitTests
{
    private static readonly string Fixture = File.ReadAllText(Path.Combine(RepositoryPaths.Fixtures, "handmade", "2019_template_pdf_text.txt"));

    private static ReportParseResultView Parse(string header, string amount)
    {
        var text = Fixture.Replace("信息内容\t采购项目数量\t采购总金额\t", $"信息内容\t采购项目数量\t{header}\t")
            .Replace("政府集中采购\t5\t128.6\t", $"政府集中采购\t5\t{amount}\t");
        Assert.Contains($"{header}\t\n政府集中采购\t5\t{amount}\t", text);
        var result = SeedParsing.Parse(text);
        return new(result.Report.ActiveDisclosure["procurement", "amountTenThousandYuan"], result.Findings);
    }

    private sealed record ReportParseResultView(decimal? Amount, IReadOnlyList<Finding> Findings)
    {
        public IEnumerable<Finding> Converted => Findings.Where(f => f.Code == FindingCodes.UnitConverted);
    }

    [Theory]
    [InlineData("1286000元")]
    [InlineData("1,286,000 元")]
    [InlineData("0.01286亿元")]
    public void An_amount_printed_in_another_unit_is_stored_in_ten_thousand_yuan_with_an_info_finding(string printed)
    {
        var result = Parse("采购总金额", printed);

        Assert.Equal(128.6m, result.Amount);
        var finding = Assert.Single(result.Converted);
        Assert.Equal(("activeDisclosure.procurement", FindingSeverity.Info), (finding.Where, finding.Severity));
        Assert.Contains($"“{printed}”", finding.Message);
        Assert.Contains("128.6 万元", finding.Message);
    }

    [Fact]
    public void A_unit_in_the_column_header_converts_every_amount_under_it()
    {
        var result = Parse("采购总金额（元）", "1286000");

        Assert.Equal(128.6m, result.Amount);
        Assert.Contains("表头以元为单位", Assert.Single(result.Converted).Message);
    }

    [Theory]
    [InlineData("采购总金额", "128.6")]
    [InlineData("采购总金额", "128.6万元")]
    [InlineData("采购总金额（万元）", "128.6")]
    public void An_amount_already_in_ten_thousand_yuan_is_kept_without_a_finding(string header, string printed)
    {
        var result = Parse(header, printed);

        Assert.Equal(128.6m, result.Amount);
        Assert.Empty(result.Converted);
    }
}
