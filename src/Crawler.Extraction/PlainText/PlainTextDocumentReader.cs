using Crawler.Reports.Documents;

namespace Crawler.Extraction.PlainText;

/// <summary>
/// Reads a text dump of a report into paragraphs and tables. Pure: no I/O.
/// <list type="bullet">
/// <item>PDF text: a line with tab-separated fields is a table row, each field a cell; a blank line
/// between two rows is a page break (the next row gets <see cref="TableRow.StartsPage"/>).</item>
/// <item>DOCX text: a line starting with a tab is one cell; a blank line ends the row; a plain line right
/// after a cell continues that cell (Word wrapped the label).</item>
/// <item>Markdown: <c>#</c> heading marks, <c>**</c> bold and <c>----</c> rules are not content; pipe rows are table rows.</item>
/// </list>
/// Page-number lines are dropped wherever they occur.
/// </summary>
public static class PlainTextDocumentReader
{
    public static ReportDocument Read(string text, string? origin = null)
    {
        var builder = new PlainTextDocumentBuilder();
        var start = 0;
        if (text.Length > 0 && text[0] == '\ufeff') start = 1;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0) end = text.Length;
            var line = text[start..end].TrimEnd('\r');
            builder.Add(line);
            start = end + 1;
        }
        return new ReportDocument(builder.Finish()) { Origin = origin };
    }
}
