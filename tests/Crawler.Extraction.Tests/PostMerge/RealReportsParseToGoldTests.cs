using System.Text.Json.Nodes;
using Crawler.Reports.Parsing;
using Crawler.Tests.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Crawler.Extraction.Tests.PostMerge;

/// <summary>
/// Issue 10's acceptance check: the reports agencies published themselves (../shared/real, WPS-made PDFs with
/// wrapped labels around their figures, a vertical group label, a group label and table 2 cut by page breaks,
/// page numbers between table rows) go through the facade (PdfPig in the reader process, the lattice reader) and
/// the parser, and come out exactly as their hand-checked gold: every cell, nulls included, and findings equal
/// to the gold's expectedFindings as a multiset of (code, where).
/// </summary>
public sealed class RealReportsParseToGoldTests
{
    public static TheoryData<string> Reports => new("hzq2023", "szfgs2024");

    [Theory]
    [MemberData(nameof(Reports))]
    public async Task A_real_report_parses_to_its_gold_cell_by_cell(string stem)
    {
        var real = Path.Combine(RepositoryPaths.Shared ?? throw new InvalidOperationException("../shared is missing beside the clone"), "real");
        using var provider = new ServiceCollection().AddLogging().AddExtraction(new ConfigurationBuilder().Build()).BuildServiceProvider();

        var extracted = await provider.GetRequiredService<IDocumentExtraction>()
            .ExtractAsync(SourceDocument.FromFile(Path.Combine(real, stem + ".pdf")), CancellationToken.None);
        Assert.True(extracted.Succeeded, extracted.Error);
        var result = new ReportParser().Parse(extracted.Document!);

        Assert.True(result.IsReport, result.NotReportReason);
        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(real, stem + ".json")))!.AsObject();
        var differences = ExpectedReport.Differences(expected, result);
        Assert.True(differences.Count == 0, $"{stem}.pdf:\n" + string.Join("\n", differences));
    }
}
