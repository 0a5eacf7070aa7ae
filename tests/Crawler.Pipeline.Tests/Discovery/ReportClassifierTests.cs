using Crawler.Pipeline.Discovery.Classification;

namespace Crawler.Pipeline.Tests.Discovery;

public sealed class ReportClassifierTests
{
    [Theory]
    [InlineData("聊城市商务局2023年政府信息公开工作年度报告", 2023)]
    [InlineData("鲁山县商务局 2023 年政府信息公开工作年度报告", 2023)]
    [InlineData("2022年度政府信息公开工作年度报告", 2022)]
    [InlineData("海东市商务局二〇二三年政府信息公开工作年度报告", 2023)]
    [InlineData("市教育局二零二一年度政府信息公开年报", 2021)]
    [InlineData("环翠区商务局２０２３年政务公开年报", 2023)]
    [InlineData("政府信息公开工作年度报告（2021年）", 2021)]
    [InlineData("上海市2022年政府信息公开工作年度报告 2023-03-31", 2022)]
    [InlineData("2019年政府信息公开工作报告", 2019)]
    public void Report_titles_are_reports_with_their_year(string title, int year)
    {
        var result = ReportClassifier.Classify(title);

        Assert.Equal(ReportVerdict.Report, result.Verdict);
        Assert.Equal(year, result.Year);
    }

    [Theory]
    [InlineData("聊城市商务局2024年政务公开工作要点")]
    [InlineData("鲁山县商务局2023年法治政府建设年度报告")]
    [InlineData("聊城市商务局2022年度部门决算")]
    [InlineData("2023年部门预算公开")]
    [InlineData("《聊城市商务局2023年政府信息公开工作年度报告》解读")]
    [InlineData("图解：环翠区商务局2023年政府信息公开工作年度报告")]
    [InlineData("一图读懂2023年政府信息公开工作年度报告")]
    [InlineData("关于做好2023年度政府信息公开工作年度报告编制发布工作的通知")]
    [InlineData("关于2022年度政府信息公开工作年度报告情况的通报")]
    [InlineData("2023年统计年报")]
    [InlineData("政府信息公开指南")]
    [InlineData("2023年政府工作报告")]
    [InlineData("")]
    public void Look_alikes_and_other_documents_are_not_reports(string title)
    {
        Assert.False(ReportClassifier.Classify(title).IsReport);
    }

    [Theory]
    [InlineData("政府信息公开年报")]
    [InlineData("政府信息公开工作年度报告")]
    [InlineData("年度报告")]
    [InlineData("年报")]
    public void Column_names_are_columns(string text)
    {
        Assert.Equal(ReportVerdict.ReportColumn, ReportClassifier.Classify(text).Verdict);
    }

    [Theory]
    [InlineData("环翠区商务局2023年政府信息公开工作年度报告", "威海市环翠区商务局", true)]
    [InlineData("聊城市商务局2023年政府信息公开工作年度报告", "聊城市商务局", true)]
    [InlineData("2023年政府信息公开工作年度报告", "聊城市商务局", true)]
    [InlineData("聊城市人民政府办公室2023年政府信息公开工作年度报告", "聊城市商务局", false)]
    [InlineData("佛山市教育局2023年政府信息公开工作年度报告", "佛山市人民政府", false)]
    public void Links_naming_another_agency_do_not_belong_to_the_source(string label, string agency, bool expected)
    {
        Assert.Equal(expected, AgencyNames.MayBelongTo(label, agency));
    }
}
