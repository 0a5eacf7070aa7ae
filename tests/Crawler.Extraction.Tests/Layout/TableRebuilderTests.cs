using Crawler.Extraction.Layout;
using Crawler.Extraction.Ocr;
using Crawler.Extraction.Pdf;
using Crawler.Extraction.Processes;
using Crawler.Extraction.Tests.Pdf;
using Crawler.Tests.Shared;
using FsCheck;
using FsCheck.Fluent;

namespace Crawler.Extraction.Tests.Layout;

public sealed class TableRebuilderTests
{
    /// <summary>pdftotext -tsv scrambles WPS table rows: the rebuilt document must not depend on word order at all.</summary>
    [Fact]
    public async Task The_rebuilt_document_does_not_depend_on_the_order_words_arrive_in()
    {
        var path = Path.Combine(RepositoryPaths.Fixtures, "formats", "000_79386d8b7b396ab1", "report.pdf");
        var run = await new ProcessRunner().RunAsync(new ProcessRequest("pdftotext", ["-tsv", "-enc", "UTF-8", path, "-"]), CancellationToken.None);
        var pages = PopplerTsv.Parse(run.StandardOutput);
        var expected = FigureRows.Dump(TableRebuilder.Rebuild(pages, LayoutSettings.TextLayer).Document);

        Prop.ForAll(ArbMap.Default.ArbFor<int>(), seed =>
        {
            var random = new Random(seed);
            var shuffled = pages.Select(p => p with { Words = p.Words.OrderBy(_ => random.Next()).ToList() }).ToList();
            return FigureRows.Dump(TableRebuilder.Rebuild(shuffled, LayoutSettings.TextLayer).Document) == expected;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Page_numbers_and_a_repeated_header_are_dropped_but_a_title_like_the_header_stays()
    {
        static LayoutWord W(int page, double top, string text, double left = 100) => new(page, left, top, text.Length * 10, 12, text);
        var pages = Enumerable.Range(1, 3).Select(p => new LayoutPage(p, 600, 800,
        [
            W(p, 30, "某某局2023年政府信息公开工作年度报告"),
            .. p == 1 ? new[] { W(1, 70, "某某局2023年政府信息公开工作年度报告") } : [],
            W(p, 300, $"第{p}页正文。"),
            W(p, 770, $"— {p} —", 280),
        ])).ToList();
        var paragraphs = TableRebuilder.Rebuild(pages, LayoutSettings.TextLayer).Document.Paragraphs.Select(x => x.Text).ToList();
        Assert.Equal(["某某局2023年政府信息公开工作年度报告", "第1页正文。", "第2页正文。", "第3页正文。"], paragraphs);
    }

    [Fact]
    public void The_ruling_eraser_whitens_long_horizontal_runs_and_keeps_character_strokes()
    {
        const int width = 200, height = 40;
        var header = System.Text.Encoding.ASCII.GetBytes($"P5\n{width} {height}\n255\n");
        var pixels = Enumerable.Repeat((byte)255, width * height).ToArray();
        for (var x = 10; x < 190; x++) pixels[(20 * width) + x] = 0;   // a ruling, 180 px
        for (var x = 50; x < 70; x++) pixels[(5 * width) + x] = 0;     // a stroke, 20 px
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, [.. header, .. pixels]);
            Assert.True(RulingEraser.TryErase(path, 200, eraseVertical: false));
            var after = File.ReadAllBytes(path)[header.Length..];
            Assert.All(Enumerable.Range(10, 180), x => Assert.Equal(255, after[(20 * width) + x]));
            Assert.All(Enumerable.Range(50, 20), x => Assert.Equal(0, after[(5 * width) + x]));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
