using System.Text.Json.Nodes;
using Crawler.Reports.Json;
using Crawler.Reports.Parsing;

namespace Crawler.Tests.Shared;

/// <summary>
/// Compares a parse result with an expected JSON file (a gold file or a hand-made fixture's expectation):
/// every cell including nulls, agency, year, template, title (whitespace-insensitive), period, and the
/// findings as a multiset of (code, where). Collects every difference so a failure shows them all.
/// </summary>
internal static class ExpectedReport
{
    /// <param name="titleAndAgency">
    /// False where the report came through a page whose own headline differs from the document's title
    /// (a CMS article titled 环翠区商务局2023年… around a report titled 2023年…): the store's identity is checked instead.
    /// </param>
    public static IReadOnlyList<string> Differences(JsonObject expected, ReportParseResult result, bool titleAndAgency = true)
    {
        var actual = JsonNode.Parse(ReportJson.Serialize(result))!.AsObject();
        var differences = new List<string>();
        if (titleAndAgency)
        {
            Same(differences, "agency", expected["agency"]?.GetValue<string>(), actual["agency"]?.GetValue<string>());
            Same(differences, "title", Compact(expected["title"]?.GetValue<string>()), Compact(actual["title"]?.GetValue<string>()));
        }
        Same(differences, "template", expected["template"]?.GetValue<string>(), actual["template"]?.GetValue<string>());
        Same(differences, "year", expected["year"]?.GetValue<int>().ToString(), actual["year"]?.GetValue<int>().ToString());
        Same(differences, "statisticalPeriod", expected["statisticalPeriod"]?.ToJsonString(), actual["statisticalPeriod"]?.ToJsonString());
        foreach (var table in new[] { "activeDisclosure", "applications", "reviewAndLitigation" })
        {
            var expectedRows = expected[table]!.AsObject();
            var actualRows = actual[table]!.AsObject();
            Same(differences, table + " rows", string.Join(",", expectedRows.Select(r => r.Key)), string.Join(",", actualRows.Select(r => r.Key)));
            foreach (var (row, cells) in expectedRows)
            {
                foreach (var (cell, value) in cells!.AsObject())
                {
                    var got = actualRows[row]?[cell];
                    var equal = value is null ? got is null : got is not null && got.GetValue<decimal>() == value.GetValue<decimal>();
                    if (!equal) differences.Add($"{table}.{row}.{cell}: expected {value?.ToJsonString() ?? "null"}, got {got?.ToJsonString() ?? "null"}");
                }
            }
        }
        var wanted = (expected["expectedFindings"] ?? expected["findings"])!.AsArray().Select(f => $"{f!["code"]}@{f["where"]}").Order().ToList();
        var raised = result.Findings.Select(f => $"{f.Code}@{f.Where}").Order().ToList();
        foreach (var missing in Subtract(wanted, raised)) differences.Add("missing finding " + missing);
        foreach (var extra in Subtract(raised, wanted))
        {
            var message = result.Findings.First(f => $"{f.Code}@{f.Where}" == extra).Message;
            differences.Add($"unexpected finding {extra}: {message}");
        }
        return differences;
    }

    private static List<string> Subtract(List<string> from, List<string> remove)
    {
        var left = new List<string>(from);
        foreach (var item in remove) left.Remove(item);
        return left;
    }

    private static string? Compact(string? text) => text is null ? null : string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static void Same(List<string> differences, string what, string? expected, string? actual)
    {
        if (expected != actual) differences.Add($"{what}: expected {expected ?? "null"}, got {actual ?? "null"}");
    }
}
