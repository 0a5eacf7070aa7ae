using Crawler.Pipeline.Storage;
using Crawler.Reports.Templates;

namespace Crawler.Pipeline.Tests.Storage;

/// <summary>The export's figure columns and their printed labels, from the template declarations.</summary>
[Collection(nameof(Templates.TemplateRegistryCollection))]
public sealed class ReportExportColumnsTests
{
    [Fact]
    public void The_figure_columns_are_the_2021_keys_then_the_keys_only_2019_has()
    {
        var keys = ReportExportColumns.FigureKeys;
        Assert.Equal(Template2021.Declaration.FigureKeys, keys.Take(200));
        // 2019 adds 19 table-2 keys (its licensing/penalty/coercion.decisions are 2021 keys too) and otherHandling × 7.
        Assert.Equal(200 + 19 + 7, keys.Count);
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Equal(Template2019.Declaration.FigureKeys.Where(k => !Template2021.Declaration.FigureKeys.Contains(k)), keys.Skip(200));
    }

    [Theory]
    [InlineData("activeDisclosure.rules.issued", "规章 本年制发件数")]
    [InlineData("activeDisclosure.licensing.decisions", "行政许可 本年处理决定数量")]
    [InlineData("activeDisclosure.rules.made", "规章 本年新制作数量")]
    [InlineData("activeDisclosure.normativeDocuments.made", "规范性文件 本年新制作数量")]
    [InlineData("activeDisclosure.otherServices.change", "其他对外管理服务事项 本年增/减")]
    [InlineData("activeDisclosure.procurement.amountTenThousandYuan", "政府集中采购 采购总金额")]
    [InlineData("applications.otherHandling.total", "（六）其他处理 总计")]
    [InlineData("applications.otherOther.naturalPerson", "（六）其他处理 3.其他 自然人")]
    [InlineData("reviewAndLitigation.litigationDirect.upheld", "行政诉讼 未经复议直接起诉 结果维持")]
    public void A_figure_is_headed_by_the_labels_its_own_template_prints(string key, string label) =>
        Assert.Equal(label, ReportExportColumns.FigureLabel(key));

    [Fact]
    public void Every_figure_column_has_a_printed_label_not_its_key()
    {
        Assert.All(ReportExportColumns.FigureKeys, key => Assert.DoesNotMatch("[A-Za-z]", ReportExportColumns.FigureLabel(key)));
    }
}
