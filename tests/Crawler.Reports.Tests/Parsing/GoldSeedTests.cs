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
}
