using System.Text.Json.Nodes;
using Crawler.Tests.Shared;
using Crawler.Worker.Cli;

namespace Crawler.Worker.Tests.Cli;

/// <summary><c>crawler parse</c> run in-process on the seeds and on files that are not reports.</summary>
[Collection("Console")]
public class ParseCommandTests
{
    private static async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        using var console = new ConsoleCapture();
        var exit = await CrawlerCommandLine.RunAsync(args, console.Output, console.Error);
        return (exit, console.Output.ToString(), console.Error.ToString());
    }

    private static string Seed(string name) => Path.Combine(RepositoryPaths.Seeds, name + ".txt");

    [Fact]
    public async Task Json_output_carries_the_seeds_figures_and_findings()
    {
        var (exit, output, error) = await Run("parse", Seed("000_79386d8b7b396ab1"), "--format", "json");

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        var json = JsonNode.Parse(output)!;
        Assert.Equal("000_79386d8b7b396ab1.txt", json["source"]!.GetValue<string>());
        Assert.Equal("聊城市商务局", json["agency"]!.GetValue<string>());
        Assert.Equal(2023, json["year"]!.GetValue<int>());
        Assert.Equal(3, json["applications"]!["newReceived"]!["total"]!.GetValue<int>());
        Assert.Equal(1, json["applications"]!["unavailableNotHeld"]!["naturalPerson"]!.GetValue<int>());
        Assert.Equal("0.0", json["activeDisclosure"]!["fees"]!["amountTenThousandYuan"]!.ToJsonString());
        var period = json["findings"]!.AsArray().Single(f => f!["code"]!.GetValue<string>() == "PERIOD_YEAR_MISMATCH")!;
        Assert.Equal("statisticalPeriod", period["where"]!.GetValue<string>());
        Assert.Equal("warning", period["severity"]!.GetValue<string>());
    }

    [Fact]
    public async Task Json_output_keeps_blank_cells_null()
    {
        var (exit, output, _) = await Run("parse", Seed("003_1bfe41904e475b00"), "--format", "json");

        Assert.Equal(0, exit);
        var json = JsonNode.Parse(output)!;
        Assert.Null(json["applications"]!["newReceived"]!["naturalPerson"]);
        Assert.Equal(0, json["applications"]!["newReceived"]!["total"]!.GetValue<int>());
        Assert.Equal(0, json["reviewAndLitigation"]!["litigationAfterReview"]!["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Text_output_lays_out_agency_year_tables_and_findings()
    {
        var (exit, output, _) = await Run("parse", Seed("002_b51c1edc0662ec25"));

        Assert.Equal(0, exit);
        Assert.Contains("威海市环翠区商务局", output);
        Assert.Contains("2023", output);
        Assert.Contains("表三 收到和处理政府信息公开申请情况", output);
        Assert.Contains("本年制发件数 3；本年废止件数 1；现行有效件数 3", output);
        Assert.Contains("PERIOD_YEAR_MISMATCH", output);
        Assert.DoesNotContain("\u001b[", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_is_a_clear_message_and_exit_code_3()
    {
        var (exit, output, error) = await Run("parse", Path.Combine(Path.GetTempPath(), "no-such-report-" + Guid.NewGuid() + ".txt"));

        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Equal("", output);
        Assert.Contains("找不到文件", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public async Task A_file_that_is_not_a_report_is_a_clear_message_and_exit_code_4()
    {
        var path = Path.Combine(Path.GetTempPath(), "not-a-report-" + Guid.NewGuid() + ".txt");
        await File.WriteAllTextAsync(path, "会议通知\n\n请各单位于周五前报送材料。");
        try
        {
            var (exit, output, error) = await Run("parse", path, "--format", "json");

            Assert.Equal(ExitCodes.NotAReport, exit);
            Assert.Equal("", output);
            Assert.Contains("不是政府信息公开工作年度报告", error);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
