using System.Text.Json.Nodes;
using Crawler.Reports.Json;
using Crawler.Tests.Shared;

namespace Crawler.Worker.Tests.EndToEnd;

/// <summary>Compares a stored report's JSON (as `crawler reports --format json` prints it) with a gold file.</summary>
internal static class GoldComparison
{
    public static void AssertSameFigures(JsonNode gold, JsonNode report, string label)
    {
        var differences = ExpectedReport.Differences(gold.AsObject(), ReportJson.Deserialize(report.ToJsonString()), titleAndAgency: false);
        Assert.True(differences.Count == 0, $"{label}:\n" + string.Join("\n", differences));
    }
}
