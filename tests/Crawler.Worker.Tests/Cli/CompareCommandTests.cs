using System.Text.Json.Nodes;
using Crawler.Pipeline.Storage;
using Crawler.Reports.Json;
using Crawler.Tests.Shared;
using Crawler.Worker.Cli;
using Microsoft.Data.Sqlite;

namespace Crawler.Worker.Tests.Cli;

/// <summary><c>crawler compare</c> on a real store holding two years of one agency whose 结转 figures disagree.</summary>
public sealed class CompareCommandTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("compare-").FullName;

    public async Task InitializeAsync()
    {
        var store = new SqliteReportStore(new StateDatabase(DataLayout.At(_root)), TimeProvider.System);
        var gold = File.ReadAllText(Directory.GetFiles(RepositoryPaths.Gold, "000_*.json").Single());
        foreach (var (year, received, carriedForward, carriedOver) in new[] { (2022, 5m, 2m, 0m), (2023, 3m, 0m, 3m) })
        {
            var result = ReportJson.Deserialize(gold);
            result.Report.Applications["newReceived", "total"] = received;
            result.Report.Applications["carriedForward", "total"] = carriedForward;
            result.Report.Applications["carriedOver", "total"] = carriedOver;
            await store.StoreVersionAsync(new ReportVersionDraft
            {
                Agency = "聊城市商务局", Year = year, SourceId = "liaocheng-commerce", Sha256 = new string((char)('a' + year % 10), 64), ContentFingerprint = year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                DocumentUrl = new Uri($"http://127.0.0.1/{year}.html"), MediaType = "text/html", FetchedAt = DateTimeOffset.UnixEpoch, Result = result with { Report = result.Report with { Year = year } },
            }, default);
        }
    }

    [Fact]
    public async Task Json_puts_every_figure_side_by_side_with_its_change_and_the_cross_year_mismatch()
    {
        var (exit, output, error) = await StoredReportsFixture.RunAsync("compare", "--data", _root, "--agency", "聊城", "--years", "2022,2023", "--format", "json");
        Assert.True(exit == 0, error);
        var json = JsonNode.Parse(output)!;

        Assert.Equal("聊城市商务局", json["agency"]!.GetValue<string>());
        var figures = json["figures"]!.AsArray().ToDictionary(f => f!["key"]!.GetValue<string>());
        var received = figures["applications.newReceived.total"]!;
        Assert.Equal((5m, 3m, -2m), (received["values"]!["2022"]!.GetValue<decimal>(), received["values"]!["2023"]!.GetValue<decimal>(), received["changes"]!["2023"]!.GetValue<decimal>()));
        Assert.Equal("表三 · 本年新收政府信息公开申请数量 · 总计", received["label"]!.GetValue<string>());
        Assert.True(figures.Count > 50, "every reported figure is listed, not just the changed ones");
        var mismatch = Assert.Single(json["reports"]!.AsArray()[1]!["findings"]!.AsArray());
        Assert.Equal("表三“总计”列：2023年报告 二、上年结转 3 ≠ 2022年报告 四、结转下年度继续办理 2", mismatch!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_table_shows_changes_and_bad_arguments_say_what_is_wrong()
    {
        var (exit, output, _) = await StoredReportsFixture.RunAsync("compare", "--data", _root, "--agency", "聊城市商务局", "--years", "2022,2023", "--changed");
        Assert.Equal(0, exit);
        Assert.Contains("本年新收政府信息公开申请数量 · 总计", output);
        Assert.Contains("-2", output);
        Assert.Contains("CARRY_OVER_MISMATCH", output);
        Assert.DoesNotContain("表二", output);   // --changed: table 2 did not change

        var badYears = await StoredReportsFixture.RunAsync("compare", "--data", _root, "--agency", "聊城市商务局", "--years", "二〇二三");
        Assert.Equal(ExitCodes.Usage, badYears.Exit);
        Assert.Contains("--years", badYears.Error);
        var unknown = await StoredReportsFixture.RunAsync("compare", "--data", _root, "--agency", "不存在的局", "--years", "2023");
        Assert.Equal(ExitCodes.Failed, unknown.Exit);
        Assert.Contains("没有 不存在的局 的报告", unknown.Error);
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }
}
