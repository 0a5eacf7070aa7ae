using System.Text;
using Crawler.Extraction.Html;
using Crawler.Extraction.Tests.Fixtures;
using Microsoft.Extensions.Logging.Abstractions;

namespace Crawler.Extraction.Tests.Html;

/// <summary>
/// Regression of the fuzz run (tests/fixtures/regressions/0279-gigantic-table.html): on a machine with 18 runnable
/// threads per core, a 40,000-row table took over 30 s to extract because the HTML extractor never looked at the
/// facade's DocumentTimeout once it had started. It now checks between its passes and per row.
/// </summary>
public sealed class GiganticPageTimeoutTests
{
    private static byte[] GiganticTable(int rows)
    {
        var html = new StringBuilder("<html><head><meta charset=\"utf-8\"><title>2023年政府信息公开工作年度报告</title></head><body><table>");
        for (var row = 0; row < rows; row++) html.Append("<tr><td>行政许可</td><td>").Append(row).Append("</td><td>0</td><td>1</td></tr>");
        return Encoding.UTF8.GetBytes(html.Append("</table></body></html>").ToString());
    }

    [Fact]
    public async Task A_gigantic_table_is_cut_off_at_the_document_timeout_and_named()
    {
        var options = TestOptions.With(o => o with { DocumentTimeout = TimeSpan.FromMilliseconds(100) });
        var extraction = new DocumentExtraction([new HtmlExtractor(NullLogger<HtmlExtractor>.Instance)], options, NullLogger<DocumentExtraction>.Instance);

        var result = await extraction.ExtractAsync(new SourceDocument(GiganticTable(40_000), "gigantic.html"), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.StartsWith("gigantic.html：Html 提取超时（0 秒）", result.Error);
    }

    [Fact]
    public async Task The_same_table_is_read_whole_when_time_allows()
    {
        var extraction = new DocumentExtraction([new HtmlExtractor(NullLogger<HtmlExtractor>.Instance)], TestOptions.Default, NullLogger<DocumentExtraction>.Instance);

        var result = await extraction.ExtractAsync(new SourceDocument(GiganticTable(2_000), "large.html"), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        var table = Assert.Single(result.Document!.Blocks.OfType<Crawler.Reports.Documents.Table>());
        Assert.Equal(2_000, table.Rows.Count);
        Assert.Equal("1999", table.Rows[^1].Cells[1].Text);
    }
}
