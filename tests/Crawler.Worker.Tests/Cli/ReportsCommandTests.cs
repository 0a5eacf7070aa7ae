using System.Text.Json.Nodes;

namespace Crawler.Worker.Tests.Cli;

public sealed class ReportsCommandTests(StoredReportsFixture data) : IClassFixture<StoredReportsFixture>
{
    [Fact]
    public async Task Json_lists_one_object_per_version_with_provenance_the_parsed_model_and_findings()
    {
        var (exit, output, error) = await StoredReportsFixture.RunAsync("reports", "--data", data.Root, "--format", "json");

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        var versions = JsonNode.Parse(output)!.AsArray();
        Assert.Equal(5, versions.Count);
        var liaocheng = versions.Single(v => (string?)v!["agency"] == "聊城市商务局")!;
        Assert.Equal(2023, (int)liaocheng["year"]!);
        Assert.Equal("http://127.0.0.1/reports/000_79386d8b7b396ab1.html", (string?)liaocheng["documentUrl"]);
        Assert.Null(liaocheng["pageUrl"]);
        Assert.Equal(64, ((string)liaocheng["sha256"]!).Length);
        Assert.Equal("text/html", (string?)liaocheng["mediaType"]);
        Assert.Equal("2024-01-25T03:00:00+00:00", (string?)liaocheng["fetchedAt"]);
        Assert.Equal(3, (int)liaocheng["report"]!["applications"]!["newReceived"]!["total"]!);
        Assert.Equal("2021", (string?)liaocheng["report"]!["template"]);
        Assert.Equal("T3_BALANCE", (string?)liaocheng["findings"]![0]!["code"]);
        Assert.Equal("http://127.0.0.1/list/1.html", (string?)versions.Single(v => (string?)v!["agency"] == "鲁山县商务局")!["pageUrl"]);
    }

    [Fact]
    public async Task Filters_by_agency_substring_and_year_and_prints_a_table()
    {
        var (exit, output, _) = await StoredReportsFixture.RunAsync("reports", "--data", data.Root, "--agency", "聊城", "--year", "2023");

        Assert.Equal(0, exit);
        Assert.Contains("聊城市商务局", output);
        Assert.Contains("聊城市人民政府办公室", output);
        Assert.DoesNotContain("海东市商务局", output);
        Assert.Contains("T3_BALANCE", output);
        Assert.Contains("2 个报告版本", output);
        Assert.Contains("0 个报告版本", (await StoredReportsFixture.RunAsync("reports", "--data", data.Root, "--year", "2019")).Output);
    }

    [Fact]
    public async Task A_directory_without_a_state_database_is_reported_not_created()
    {
        var missing = Path.Combine(data.Root, "nowhere");

        var (exit, _, error) = await StoredReportsFixture.RunAsync("reports", "--data", missing, "--format", "json");

        Assert.Equal(Crawler.Worker.Cli.ExitCodes.Failed, exit);
        Assert.Contains("没有找到状态数据库", error);
        Assert.Contains(Path.Combine(missing, "state.db"), error);
        Assert.False(Directory.Exists(missing));
    }
}
