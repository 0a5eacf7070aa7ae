using Crawler.Pipeline.Search;
using Crawler.Worker.Cli;

namespace Crawler.Worker.Tests.Cli;

public sealed class SearchCommandTests(StoredReportsFixture data) : IClassFixture<StoredReportsFixture>
{
    [Fact]
    public async Task A_two_character_query_lists_the_matching_reports_with_highlighted_snippets()
    {
        var (exit, output, _) = await StoredReportsFixture.RunAsync("search", "商务", "--data", data.Root);

        Assert.Equal(0, exit);
        Assert.Contains("4 / 4 条结果", output);
        Assert.Equal(4, output.Split('\n').Count(l => l.Contains("【商务】", StringComparison.Ordinal)));
        Assert.DoesNotContain("聊城市人民政府办公室", output);
    }

    [Fact]
    public async Task Filters_narrow_the_hits()
    {
        var (_, byRegion, _) = await StoredReportsFixture.RunAsync("search", "复议", "--data", data.Root, "--region", "青海");
        var (_, byFinding, _) = await StoredReportsFixture.RunAsync("search", "复议", "--data", data.Root, "--finding", "T3_BALANCE");
        var (_, limited, _) = await StoredReportsFixture.RunAsync("search", "复议", "--data", data.Root, "--limit", "2", "--agency", "商务局");

        Assert.Contains("1. 海东市商务局 2023年", byRegion);
        Assert.Contains("1 / 1 条结果", byRegion);
        Assert.Contains("1. 聊城市商务局 2023年 第1版", byFinding);
        Assert.Contains("[T3_BALANCE]", byFinding);
        Assert.Contains("2 / 4 条结果", limited);
    }

    [Fact]
    public void A_total_past_the_ranking_cap_is_printed_as_at_least_with_the_reason()
    {
        var capped = new SearchResults([], 5000) { TotalIsLowerBound = true };
        var exact = new SearchResults([], 4999);

        Assert.StartsWith("0 / 5000+ 条结果 (hits)", SearchCommand.Summary(capped), StringComparison.Ordinal);
        Assert.Contains("最新的 5000 个", SearchCommand.Summary(capped), StringComparison.Ordinal);
        Assert.Equal("0 / 4999 条结果 (hits)" + Environment.NewLine, SearchCommand.Summary(exact));
    }

    [Fact]
    public async Task A_single_character_query_is_refused_with_a_reason()
    {
        var (exit, output, error) = await StoredReportsFixture.RunAsync("search", "局", "--data", data.Root);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("单个汉字「局」无法检索", error);
    }
}
