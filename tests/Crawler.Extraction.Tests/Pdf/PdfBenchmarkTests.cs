using System.Diagnostics;
using Crawler.Extraction.Pdf;
using Crawler.Extraction.Processes;
using Crawler.Tests.Shared;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace Crawler.Extraction.Tests.Pdf;

/// <summary>
/// Time per text-PDF report of <see cref="PdfExtractor"/> against a bare <c>pdftotext -layout</c> of the
/// same files in the same run (goal ≤ 1.3×). Prints the numbers for docs/extraction-pdf.md; asserts only
/// that both ran, since timings on a shared CI machine are not a pass/fail signal.
/// </summary>
[Trait("Category", "Benchmark")]
public sealed class PdfBenchmarkTests(ITestOutputHelper output)
{
    private const int Rounds = 5;

    [Fact]
    public async Task Extractor_time_per_report_against_bare_pdftotext_layout()
    {
        var files = Directory.GetDirectories(Path.Combine(RepositoryPaths.Fixtures, "formats"))
            .Select(d => Path.Combine(d, "report.pdf")).Where(File.Exists).Order().ToList();
        var runner = new ProcessRunner();
        var extractor = new PdfExtractor(runner, Options.Create(new PdfOptions()));
        foreach (var file in files) await extractor.ExtractAsync(SourceDocument.FromFile(file), DocumentFormat.Pdf, CancellationToken.None);

        var layout = TimeSpan.Zero;
        var tsv = TimeSpan.Zero;
        var ours = TimeSpan.Zero;
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var file in files)
            {
                var clock = Stopwatch.StartNew();
                var bare = await runner.RunAsync(new ProcessRequest("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"]), CancellationToken.None);
                layout += clock.Elapsed;
                Assert.True(bare.Succeeded, bare.Failure);

                clock.Restart();
                await runner.RunAsync(new ProcessRequest("pdftotext", ["-tsv", "-enc", "UTF-8", file, "-"]), CancellationToken.None);
                tsv += clock.Elapsed;

                clock.Restart();
                var result = await extractor.ExtractAsync(SourceDocument.FromFile(file), DocumentFormat.Pdf, CancellationToken.None);
                ours += clock.Elapsed;
                Assert.True(result.Succeeded, result.Error);
            }
        }
        var reports = Rounds * files.Count;
        var rebuild = new Stopwatch();
        foreach (var file in files)
        {
            var tsvBytes = (await runner.RunAsync(new ProcessRequest("pdftotext", ["-tsv", "-enc", "UTF-8", file, "-"]), CancellationToken.None)).StandardOutput;
            rebuild.Start();
            for (var round = 0; round < Rounds; round++) Crawler.Extraction.Layout.TableRebuilder.Rebuild(PopplerTsv.Parse(tsvBytes), Crawler.Extraction.Layout.LayoutSettings.TextLayer);
            rebuild.Stop();
        }
        output.WriteLine($"parse + rebuild in process: {rebuild.Elapsed.TotalMilliseconds / reports:0.0} ms/report");
        output.WriteLine($"{files.Count} reports × {Rounds} rounds");
        output.WriteLine($"pdftotext -layout: {layout.TotalMilliseconds / reports:0.0} ms/report");
        output.WriteLine($"pdftotext -tsv:    {tsv.TotalMilliseconds / reports:0.0} ms/report (what PdfExtractor runs)");
        output.WriteLine($"PdfExtractor:      {ours.TotalMilliseconds / reports:0.0} ms/report");
        output.WriteLine($"ratio:             {ours / layout:0.00}×");
    }
}
