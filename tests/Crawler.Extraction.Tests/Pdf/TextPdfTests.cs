using Crawler.Extraction.Pdf;
using Crawler.Extraction.Processes;
using Crawler.Reports.Documents;
using Crawler.Tests.Shared;
using Microsoft.Extensions.Options;

namespace Crawler.Extraction.Tests.Pdf;

/// <summary>Each seed rendered by LibreOffice (tests/fixtures/generator/pdf) read back with the real pdftotext.</summary>
public sealed class TextPdfTests
{
    public static TheoryData<string> Seeds => new(Directory.GetFiles(RepositoryPaths.Gold, "*.json").Select(Path.GetFileNameWithoutExtension).Order()!);

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Table3_rows_hold_exactly_the_gold_figures_and_cross_the_page_break_as_one_table(string stem)
    {
        var document = await Extract(stem);
        // Seed 003 prints no 其他 column and misprints row labels (its gold null column, its LABEL_VARIANT
        // findings; the PostMerge test checks those): rows are taken in printed order from 本年新收.
        var printed = GoldFigures.PrintedApplicantColumns(stem);
        var table = document.Tables.Single(t => FigureRows.Row(t, "本年新收政府信息公开申请数量", printed.Length) is not null);
        var grid = table.ToGrid();
        var first = Array.FindIndex(grid, r => r.Any(c => c is not null && FigureRows.Normalise(c.Text) == "本年新收政府信息公开申请数量"));
        var index = first;
        foreach (var (label, values) in GoldFigures.Applications(stem))
        {
            Assert.True(index < grid.Length, $"{stem}: no row for {label}");
            Assert.Equal(printed.Select(c => values[c]).ToArray(), FigureRows.Figures(grid[index++], printed.Length));
        }
        Assert.Contains(table.Rows.Skip(first), r => r.StartsPage);
        Assert.NotNull(FigureRows.Row(table, "结转下年度继续办理", printed.Length));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Tables_2_and_4_hold_the_gold_figures(string stem)
    {
        var document = await Extract(stem);
        var table2 = document.Tables.Single(t => t.ToGrid().Any(r => r.Any(c => c?.Text == "规章")));
        foreach (var (label, values) in GoldFigures.ActiveDisclosure(stem))
        {
            var row = table2.ToGrid().Single(r => r[0]?.Text == label);
            Assert.Equal(values, row.Skip(1).Select(c => c is null || c.IsBlank ? null : c.Text).Where(v => v is not null || values.Length == 3).Take(values.Length).ToArray());
        }
        var table4 = document.Tables.Single(t => t.ToGrid().Any(r => r.Any(c => c?.Text == "行政复议")));
        var last = table4.ToGrid().Last(r => r.Count(c => c is not null && LooksNumeric(c.Text)) >= 1);
        var figures = last[^15..].Select(c => c is null || c.IsBlank ? null : c.Text).ToArray();
        Assert.Equal(GoldFigures.Review(stem), figures);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Page_numbers_and_running_headers_are_gone_and_headings_stay(string stem)
    {
        var document = await Extract(stem);
        var paragraphs = document.Paragraphs.Select(p => p.Text).ToList();
        Assert.DoesNotContain(paragraphs, p => p.Contains('—') && p.Trim('—', ' ').All(char.IsDigit));
        var running = $"{GoldFigures.Agency(stem)}2023年政府信息公开工作年度报告";
        Assert.True(paragraphs.Count(p => p.Replace(" ", "") == running) <= 1, "running header kept");
        Assert.Contains("二、主动公开政府信息情况", paragraphs);
        Assert.Contains("四、政府信息公开行政复议、行政诉讼情况", paragraphs);
        Assert.Contains(paragraphs, p => p.StartsWith("六、其他需要报告的事项", StringComparison.Ordinal) || p.StartsWith("五、存在的主要问题", StringComparison.Ordinal));
    }

    private static bool LooksNumeric(string text) => text.Length > 0 && text.All(char.IsDigit);

    internal static async Task<ReportDocument> Extract(string stem)
    {
        var extractor = new PdfExtractor(new ProcessRunner(), Options.Create(new PdfOptions()));
        var path = Path.Combine(RepositoryPaths.Fixtures, "formats", stem, "report.pdf");
        var result = await extractor.ExtractAsync(SourceDocument.FromFile(path), DocumentFormat.Pdf, CancellationToken.None);
        Assert.True(result.Succeeded, result.Error);
        return result.Document!;
    }
}
