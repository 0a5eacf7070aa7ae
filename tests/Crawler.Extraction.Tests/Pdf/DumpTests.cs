using Crawler.Extraction.Pdf;
using Crawler.Extraction.Processes;
using Crawler.Tests.Shared;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace Crawler.Extraction.Tests.Pdf;

public sealed class DumpTests(ITestOutputHelper output)
{
    [Fact(Skip = "diagnostic: set DUMP_PDF (DUMP_FIRST, DUMP_PAGES) and remove Skip to print a rebuilt document")]
    public async Task Dump()
    {
        var path = Environment.GetEnvironmentVariable("DUMP_PDF") ?? Path.Combine(RepositoryPaths.Fixtures, "formats", "000_79386d8b7b396ab1", "report.pdf");
        var first = int.Parse(Environment.GetEnvironmentVariable("DUMP_FIRST") ?? "1");
        var pages = int.Parse(Environment.GetEnvironmentVariable("DUMP_PAGES") ?? "30");
        var extractor = new PdfExtractor(new ProcessRunner(), Options.Create(new PdfOptions()),
            Options.Create(new Crawler.Extraction.Ocr.OcrOptions { FirstPage = first, MaxPages = pages }));
        var result = await extractor.ExtractAsync(SourceDocument.FromFile(path), DocumentFormat.Pdf, CancellationToken.None);
        output.WriteLine(result.Error ?? FigureRows.Dump(result.Document!));
        foreach (var f in result.Findings) output.WriteLine(f.Message);
    }
}
