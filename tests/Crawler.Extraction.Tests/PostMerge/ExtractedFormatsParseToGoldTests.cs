using System.Text.Json.Nodes;
using Crawler.Extraction.Tests.Fixtures;
using Crawler.Reports.Parsing;
using Crawler.Tests.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Crawler.Extraction.Tests.PostMerge;

/// <summary>
/// The acceptance check of issue 3 for HTML, DOCX, DOC and text PDF: every seed rendered in every format goes
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
            foreach (var file in new[] { "report.utf8.html", "report.gbk.html", "report.docx", "report.doc", "report.pdf" })
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
        var differences = ExpectedReport.Differences(expected, result);
        Assert.True(differences.Count == 0, $"{seed}/{file}:\n" + string.Join("\n", differences));
    }
}
