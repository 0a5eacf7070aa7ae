using System.Text.Json.Nodes;
using Crawler.Extraction.Tests.Fixtures;
using Crawler.Reports.Json;
using Crawler.Reports.Parsing;
using Crawler.Tests.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Crawler.Extraction.Tests.PostMerge;

/// <summary>
/// The acceptance check of issue 3 for HTML, DOCX and DOC: every seed rendered in every format goes
/// through the facade and the parser and comes out exactly as its gold file — every cell (nulls
/// included), agency, year, title, period — with the findings listed in the fixture's manifest.json
/// (the gold findings minus those only the seed text's layout produces; see the generator README).
/// </summary>
public sealed class ExtractedFormatsParseToGoldTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var seed in GoldFigures.Seeds)
        {
            foreach (var file in new[] { "report.utf8.html", "report.gbk.html", "report.docx", "report.doc" })
                data.Add(seed, file);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EveryFormatParsesToGold(string seed, string file)
    {
        using var provider = new ServiceCollection().AddLogging().AddExtraction(new ConfigurationBuilder().Build()).BuildServiceProvider();
        var folder = GoldFigures.FormatsFolder(seed);

        var extracted = await provider.GetRequiredService<IDocumentExtraction>()
            .ExtractAsync(SourceDocument.FromFile(Path.Combine(folder, file)), CancellationToken.None);
        Assert.True(extracted.Succeeded, extracted.Error);
        var result = new ReportParser().Parse(extracted.Document!);

        Assert.True(result.IsReport, result.NotReportReason);
        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Gold, seed + ".json")))!.AsObject();
        expected["expectedFindings"] = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json")))!["expectedFindings"]!.DeepClone();
        var differences = Differences(expected, result);
        Assert.True(differences.Count == 0, $"{seed}/{file}:\n" + string.Join("\n", differences));
    }

    private static List<string> Differences(JsonObject expected, ReportParseResult result)
    {
        var actual = JsonNode.Parse(ReportJson.Serialize(result))!.AsObject();
        var differences = new List<string>();
        foreach (var key in new[] { "agency", "template" })
            Same(differences, key, expected[key]?.GetValue<string>(), actual[key]?.GetValue<string>());
        Same(differences, "year", expected["year"]?.GetValue<int>().ToString(), actual["year"]?.GetValue<int>().ToString());
        Same(differences, "title", Compact(expected["title"]?.GetValue<string>()), Compact(actual["title"]?.GetValue<string>()));
        Same(differences, "statisticalPeriod", expected["statisticalPeriod"]?.ToJsonString(), actual["statisticalPeriod"]?.ToJsonString());
        foreach (var table in new[] { "activeDisclosure", "applications", "reviewAndLitigation" })
        {
            var actualRows = actual[table]!.AsObject();
            foreach (var (row, cells) in expected[table]!.AsObject())
            {
                foreach (var (cell, value) in cells!.AsObject())
                {
                    var got = actualRows[row]?[cell];
                    var equal = value is null ? got is null : got is not null && got.GetValue<decimal>() == value.GetValue<decimal>();
                    if (!equal) differences.Add($"{table}.{row}.{cell}: expected {value?.ToJsonString() ?? "null"}, got {got?.ToJsonString() ?? "null"}");
                }
            }
        }
        var wanted = expected["expectedFindings"]!.AsArray().Select(f => $"{f!["code"]}@{f["where"]}").Order().ToList();
        var raised = result.Findings.Select(f => $"{f.Code}@{f.Where}").Order().ToList();
        foreach (var missing in Subtract(wanted, raised)) differences.Add("missing finding " + missing);
        foreach (var extra in Subtract(raised, wanted))
            differences.Add($"unexpected finding {extra}: {result.Findings.First(f => $"{f.Code}@{f.Where}" == extra).Message}");
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
