using System.Text;
using Crawler.Reports.Documents;

namespace Crawler.Pipeline.Processing;

/// <summary>
/// The searchable text of a report: its title, then every paragraph and every table row (cells separated
/// by tabs) in reading order, so a search can find words in the prose and in the tables alike.
/// </summary>
public static class ReportText
{
    public static string Build(string? title, ReportDocument document)
    {
        var text = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(title)) text.AppendLine(title.Trim());
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case Paragraph paragraph when !string.IsNullOrWhiteSpace(paragraph.Text):
                    text.AppendLine(paragraph.Text.Trim());
                    break;
                case Table table:
                    foreach (var row in table.Rows)
                    {
                        var cells = row.Cells.Where(c => !c.IsBlank).Select(c => c.Text.Trim());
                        text.AppendJoin('\t', cells).AppendLine();
                    }
                    break;
            }
        }
        return text.ToString();
    }
}
