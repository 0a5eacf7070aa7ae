using System.Text;
using DocumentFormat.OpenXml;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Crawler.Extraction.Docx;

/// <summary>The printed text of a Word paragraph or cell.</summary>
internal static class WordText
{
    public static string Of(W.Paragraph paragraph)
    {
        var text = new StringBuilder();
        Append(paragraph, text);
        return text.ToString();
    }

    /// <summary>A cell's paragraphs joined with newlines; a nested table's rows become lines of space-separated cells.</summary>
    public static string OfCell(W.TableCell cell)
    {
        var lines = new List<string>();
        foreach (var element in cell.ChildElements)
        {
            switch (element)
            {
                case W.Paragraph paragraph:
                    lines.Add(Of(paragraph).Trim());
                    break;
                case W.Table nested:
                    foreach (var row in nested.Elements<W.TableRow>())
                        lines.Add(string.Join(" ", row.Elements<W.TableCell>().Select(OfCell).Where(t => t.Length > 0)));
                    break;
                case W.SdtBlock sdt:
                    lines.AddRange(sdt.Descendants<W.Paragraph>().Select(p => Of(p).Trim()));
                    break;
            }
        }
        return string.Join("\n", lines.Where(l => l.Length > 0));
    }

    private static void Append(OpenXmlElement element, StringBuilder text)
    {
        foreach (var child in element.ChildElements)
        {
            switch (child)
            {
                case W.Text t:
                    text.Append(t.Text);
                    break;
                case W.TabChar:
                    text.Append('\t');
                    break;
                case W.Break or W.CarriageReturn:
                    text.Append('\n');
                    break;
                case W.NoBreakHyphen:
                    text.Append('-');
                    break;
                // Deleted revisions and field instructions are not printed; Fallback repeats the Choice.
                case W.DeletedRun or W.DeletedText or W.FieldCode or AlternateContentFallback:
                    break;
                default:
                    if (child.HasChildren) Append(child, text);
                    break;
            }
        }
    }
}
