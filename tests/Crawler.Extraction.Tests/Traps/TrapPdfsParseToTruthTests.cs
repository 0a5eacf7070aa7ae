using System.Text.Json.Nodes;
using Crawler.Reports.Parsing;
using Crawler.Tests.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Crawler.Extraction.Tests.Traps;

/// <summary>
/// Issue 10's trap renderings (tests/fixtures/formats/traps, made by tests/fixtures/generator/traps/generate.py with
/// Chromium's print-to-PDF and LibreOffice): the figures of a real report printed with wrapped row labels whose figures
/// sit on the middle line, 三、本年度办理结果 one character per line, a page break cutting （三）不予公开, no bottom
/// border at the break and repeated header rows, landscape pages, tables without rulings, and the same figures in the 2019
/// template (table 2's 2019 columns, 政府集中采购, the single （六）其他处理 row). Each goes
/// through the facade and the parser and every cell is compared with the truth beside it. A shortfall still unsolved is
/// listed, cell by cell, in known-shortfalls.json: the test fails on any difference not listed there and on any listed
/// one that no longer occurs, so a regression and an improvement both show.
/// </summary>
public sealed class TrapPdfsParseToTruthTests
{
    private static string Folder => Path.Combine(RepositoryPaths.Fixtures, "formats", "traps");

    private static readonly string[] Names =
        ["chromium-portrait", "chromium-landscape", "chromium-unruled", "chromium-2019", "libreoffice-portrait", "libreoffice-landscape",
         "libreoffice-unruled", "libreoffice-2019"];

    public static TheoryData<string> Fixtures => new(Names);

    [Fact]
    public void Every_trap_pdf_in_the_folder_is_tested()
    {
        var files = Directory.GetFiles(Folder, "*.pdf").Select(f => Path.GetFileNameWithoutExtension(f)!).Order().ToList();
        Assert.Equal(Names.Order().ToList(), files);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task A_trap_rendering_parses_to_its_truth_cell_by_cell(string name)
    {
        var (right, total, differences) = await Measure(name);
        var known = KnownShortfalls(name);
        var unexpected = differences.Except(known).ToList();
        var gone = known.Except(differences).ToList();
        Assert.True(unexpected.Count == 0 && gone.Count == 0,
            $"{name}.pdf: {right}/{total} cells right\n" +
            string.Join("\n", unexpected.Select(d => "new: " + d).Concat(gone.Select(d => "no longer (update known-shortfalls.json): " + d))));
        Assert.Equal(total - known.Count(d => IsCell(d)), right);
    }

    internal static async Task<(int Right, int Total, List<string> Differences)> Measure(string name)
    {
        using var provider = new ServiceCollection().AddLogging().AddExtraction(new ConfigurationBuilder().Build()).BuildServiceProvider();
        var extracted = await provider.GetRequiredService<IDocumentExtraction>()
            .ExtractAsync(SourceDocument.FromFile(Path.Combine(Folder, name + ".pdf")), CancellationToken.None);
        Assert.True(extracted.Succeeded, extracted.Error);
        if (Environment.GetEnvironmentVariable("TRAPS_DUMP") is { Length: > 0 } dump) Dump(extracted.Document!, Path.Combine(dump, name + ".txt"));
        var result = new ReportParser().Parse(extracted.Document!);
        Assert.True(result.IsReport, result.NotReportReason);

        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, name + ".json")))!.AsObject();
        var differences = ExpectedReport.Differences(expected, result).ToList();
        if (Environment.GetEnvironmentVariable("TRAPS_DUMP") is { Length: > 0 } folder)
            File.WriteAllText(Path.Combine(folder, name + ".differences.json"), new JsonArray(differences.Select(d => (JsonNode?)d).ToArray()).ToJsonString(new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        var total = new[] { "activeDisclosure", "applications", "reviewAndLitigation" }
            .Sum(t => expected[t]!.AsObject().Sum(row => row.Value!.AsObject().Count));
        return (total - differences.Count(IsCell), total, differences);
    }

    /// <summary>A developer's view of what the extraction handed the parser (TRAPS_DUMP=folder): cells as text, spans marked.</summary>
    private static void Dump(Crawler.Reports.Documents.ReportDocument document, string path)
    {
        var text = new System.Text.StringBuilder();
        foreach (var block in document.Blocks)
        {
            if (block is Crawler.Reports.Documents.Table table)
            {
                text.AppendLine("TABLE");
                foreach (var row in table.Rows)
                    text.AppendLine("  | " + string.Join(" | ", row.Cells.Select(c => c.Text + (c.RowSpan > 1 || c.ColumnSpan > 1 ? $"[{c.RowSpan}x{c.ColumnSpan}]" : ""))) + (row.StartsPage ? "   <page>" : ""));
            }
            else text.AppendLine(block.ToString());
        }
        File.WriteAllText(path, text.ToString());
    }

    private static bool IsCell(string difference) =>
        difference.StartsWith("activeDisclosure.", StringComparison.Ordinal) || difference.StartsWith("applications.", StringComparison.Ordinal)
        || difference.StartsWith("reviewAndLitigation.", StringComparison.Ordinal);

    private static List<string> KnownShortfalls(string name)
    {
        var path = Path.Combine(Folder, "known-shortfalls.json");
        if (!File.Exists(path)) return [];
        return JsonNode.Parse(File.ReadAllText(path))![name]?.AsArray().Select(n => n!.GetValue<string>()).ToList() ?? [];
    }
}
