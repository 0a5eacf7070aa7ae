using System.Text;
using Crawler.Pipeline.Notification;
using Crawler.Reports.Model;

namespace Crawler.Pipeline.Tests.Notification;

public sealed class AlertTextTests
{
    private static readonly DateTimeOffset Now = new(2024, 1, 26, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Many_findings_are_cut_to_the_robot_limit_with_a_count_of_the_rest()
    {
        var findings = Enumerable.Range(1, 200)
            .Select(i => new Finding(FindingCodes.T3RowTotal, FindingSeverity.Error, $"applications.row{i}", $"第 {i} 行：各列之和 {i} ≠ 总计 {i + 1}"))
            .ToArray();
        var alert = ReportAlerts.For(SampleReports.Version(1, SampleReports.Sha256, findings), Now)[0];

        var text = AlertText.Markdown(alert, "\n", 4096);

        Assert.True(Encoding.UTF8.GetByteCount(text) <= 4096, $"{Encoding.UTF8.GetByteCount(text)} bytes");
        Assert.Contains("**校验发现（200 条）**", text, StringComparison.Ordinal);
        var shown = text.Split('\n').Count(l => l.StartsWith("- `T3_ROW_TOTAL`", StringComparison.Ordinal));
        Assert.InRange(shown, 10, 199);
        Assert.EndsWith($"……另有 {200 - shown} 条，详见链接", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cell_the_report_left_empty_reads_as_not_reported_rather_than_zero()
    {
        // Gold 003 (聊城市人民政府办公室 2023) leaves 予以公开 empty but fills 收到申请 = 0.
        var version = SampleReports.Version() with { Result = SampleReports.Gold("003_1bfe41904e475b00.json") };
        var alert = ReportAlerts.For(version, Now)[0];

        Assert.Equal(0m, alert.Figures.NewReceived);
        Assert.Null(alert.Figures.Granted);
        Assert.Contains("收到申请 0，予以公开 未填报，", AlertText.Plain(alert), StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_without_a_year_still_gets_a_stable_key_and_readable_subject()
    {
        var version = SampleReports.Version() with { Result = SampleReports.Gold() with { Report = SampleReports.Gold().Report with { Year = null, Title = null } } };
        var alert = ReportAlerts.For(version, Now)[0];

        Assert.Equal($"new-report:sd-liaocheng-commerce:unknown:{SampleReports.Sha256}", alert.IdempotencyKey);
        Assert.Equal("【新报告】聊城市商务局 （年度未识别）政府信息公开工作年度报告", AlertText.Subject(alert));
    }
}
