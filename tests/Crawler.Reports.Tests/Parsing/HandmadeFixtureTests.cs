using System.Text.Json.Nodes;
using Crawler.Tests.Shared;

namespace Crawler.Reports.Tests.Parsing;

/// <summary>
/// Spec-style fixtures (document → expected JSON, like Markdig's spec tests) for the layouts no seed has:
/// the 2019 template and a 2021 report that keeps the 2019 single row （六）其他处理.
/// </summary>
public class HandmadeFixtureTests
{
    private static string Folder => Path.Combine(RepositoryPaths.Fixtures, "handmade");

    public static TheoryData<string> Fixtures() =>
        new(Directory.GetFiles(Folder, "*.txt").Select(Path.GetFileNameWithoutExtension).Order().Cast<string>());

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_parses_to_exactly_its_expected_json(string fixture)
    {
        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, fixture + ".json")))!.AsObject();

        var result = SeedParsing.Parse(File.ReadAllText(Path.Combine(Folder, fixture + ".txt")));

        Assert.True(result.IsReport, result.NotReportReason);
        var differences = ExpectedReport.Differences(expected, result);
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    [Fact]
    public void There_is_a_2019_fixture_and_a_mixed_fixture()
    {
        var templates = Directory.GetFiles(Folder, "*.json")
            .Select(f => JsonNode.Parse(File.ReadAllText(f))!)
            .Select(j => (j["template"]!.GetValue<string>(), j["applications"]!["otherHandling"] is not null))
            .ToList();

        Assert.Contains(("2019", true), templates);
        Assert.Contains(("2021", true), templates);
    }
}
