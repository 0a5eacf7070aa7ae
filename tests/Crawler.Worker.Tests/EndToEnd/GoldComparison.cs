using System.Text.Json.Nodes;

namespace Crawler.Worker.Tests.EndToEnd;

/// <summary>Compares a parsed report's JSON with a gold file: every cell of tables 2–4 (null is not 0) and the findings.</summary>
internal static class GoldComparison
{
    public static void AssertSameFigures(JsonNode gold, JsonNode report, string label)
    {
        var differences = new List<string>();
        foreach (var table in new[] { "activeDisclosure", "applications", "reviewAndLitigation" })
        {
            foreach (var (row, cells) in gold[table]!.AsObject())
            {
                foreach (var (cell, expected) in cells!.AsObject())
                {
                    var actual = report[table]?[row]?[cell];
                    var same = expected is null ? actual is null : actual is not null && actual.GetValue<decimal>() == expected.GetValue<decimal>();
                    if (!same) differences.Add($"{table}.{row}.{cell}: gold {expected?.ToJsonString() ?? "null"}, parsed {actual?.ToJsonString() ?? "null"}");
                }
            }
        }
        var expectedFindings = gold["expectedFindings"]!.AsArray().Select(f => $"{f!["code"]}@{f["where"]}").Order();
        var actualFindings = report["findings"]!.AsArray().Select(f => $"{f!["code"]}@{f["where"]}").Order();
        Assert.True(differences.Count == 0, $"{label}: {differences.Count} cells differ: {string.Join("; ", differences.Take(10))}");
        Assert.Equal(string.Join(", ", expectedFindings), string.Join(", ", actualFindings));
    }
}
