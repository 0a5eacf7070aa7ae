using Crawler.Extraction.Docx;
using Crawler.Extraction.Tests.Fixtures;

namespace Crawler.Extraction.Tests.Docx;

/// <summary>The generated DOCX of every seed (merged cells as gridSpan and vMerge) read back to the gold figures.</summary>
public sealed class DocxFixtureTests
{
    public static TheoryData<string> Seeds => new(GoldFigures.Seeds);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void DocxGivesGoldTablesWithSpans(string seed)
    {
        var gold = GoldFigures.Load(seed);
        var path = Path.Combine(GoldFigures.FormatsFolder(seed), "report.docx");

        var result = new DocxExtractor(TestOptions.Default).Extract(SourceDocument.FromFile(path), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(DocumentFormat.Docx, result.Format);
        RenderedReportAssertions.TablesEqualGold(result.Document!, gold);
        RenderedReportAssertions.SpansExpanded(result.Document!, gold);
        Assert.Equal(gold.Title, result.Document!.Paragraphs.First().Text);
        Assert.Equal(3, result.Document.Tables.Count());
    }

    [Fact]
    public void ParagraphsOfOneCellAreJoinedWithANewline()
    {
        var path = Path.Combine(GoldFigures.FormatsFolder(GoldFigures.Seeds[1]), "report.docx");

        var result = new DocxExtractor(TestOptions.Default).Extract(SourceDocument.FromFile(path), CancellationToken.None);

        // The generator writes the header note as two paragraphs, as authors break it.
        var note = ReportTables.Applications(result.Document!)[0][0]!.Text;
        Assert.Equal("（本列数据的勾稽关系为：第一项加第二项之和，\n等于第三项加第四项之和）", note);
    }
}
