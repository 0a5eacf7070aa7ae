using System.Text.Json.Nodes;
using Crawler.Tests.Shared;

namespace Crawler.Reports.Tests.Parsing;

/// <summary>Each seed report parses to exactly its gold file: every cell (nulls included), metadata and findings.</summary>
public class GoldSeedTests
{
    public static TheoryData<string> Seeds() => new(SeedParsing.SeedNames());

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Seed_parses_to_exactly_its_gold_file(string seed)
    {
        var gold = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Gold, seed + ".json")))!.AsObject();

        var result = SeedParsing.Parse(SeedParsing.SeedText(seed));

        Assert.True(result.IsReport, result.NotReportReason);
        var differences = ExpectedReport.Differences(gold, result);
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    [Fact]
    public void Every_seed_has_a_gold_file()
    {
        Assert.Equal(5, SeedParsing.SeedNames().Count());
        Assert.All(SeedParsing.SeedNames(), seed => Assert.True(File.Exists(Path.Combine(RepositoryPaths.Gold, seed + ".json")), seed));
    }

    [Fact]
    public void The_comparison_tells_a_seed_from_another_seeds_gold_file()
    {
        var gold = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Gold, "001_9c70bb7b05579109.json")))!.AsObject();

        var differences = ExpectedReport.Differences(gold, SeedParsing.Parse(SeedParsing.SeedText("000_79386d8b7b396ab1")));

        Assert.Contains("agency: expected 鲁山县商务局, got 聊城市商务局", differences);
        Assert.Contains("applications.newReceived.naturalPerson: expected 0, got 3", differences);
        Assert.Contains(differences, d => d.StartsWith("unexpected finding PERIOD_YEAR_MISMATCH@statisticalPeriod", StringComparison.Ordinal));
    }
}
