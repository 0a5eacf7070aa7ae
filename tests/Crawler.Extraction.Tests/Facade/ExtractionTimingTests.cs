using System.Diagnostics;
using Crawler.Extraction.Tests.Fixtures;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Crawler.Extraction.Tests.Facade;

/// <summary>
/// Time per report and format over the fixtures, through the facade, against budgets far above
/// what this machine needs, so a pathological slowdown fails. The numbers go to the test output
/// (docs/extraction.md records a run).
/// </summary>
public sealed class ExtractionTimingTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("report.utf8.html", 10, 250)]
    [InlineData("report.gbk.html", 10, 250)]
    [InlineData("report.docx", 10, 250)]
    [InlineData("report.doc", 1, 30_000)]
    public async Task EveryFixtureExtractsWithinBudget(string file, int rounds, int budgetMilliseconds)
    {
        using var provider = new ServiceCollection().AddLogging()
            .AddExtraction(new ConfigurationBuilder().Build()).BuildServiceProvider();
        var extraction = provider.GetRequiredService<IDocumentExtraction>();
        var documents = GoldFigures.Seeds.Select(s => SourceDocument.FromFile(Path.Combine(GoldFigures.FormatsFolder(s), file))).ToList();
        // Warm-up: JIT and, for DOC, LibreOffice's first start.
        Assert.True((await extraction.ExtractAsync(documents[0], CancellationToken.None)).Succeeded);

        var clock = Stopwatch.StartNew();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var document in documents)
            {
                var result = await extraction.ExtractAsync(document, CancellationToken.None);
                Assert.True(result.Succeeded, result.Error);
            }
        }
        var perReport = clock.Elapsed.TotalMilliseconds / (rounds * documents.Count);

        output.WriteLine($"{file}: {perReport:0.0} ms per report ({rounds * documents.Count} extractions)");
        Assert.True(perReport < budgetMilliseconds, $"{file}: {perReport:0.0} ms per report, budget {budgetMilliseconds} ms");
    }
}
