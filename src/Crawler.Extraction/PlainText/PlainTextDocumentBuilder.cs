using Crawler.Reports.Documents;

namespace Crawler.Extraction.PlainText;

/// <summary>The line-by-line state of <see cref="PlainTextDocumentReader"/>.</summary>
internal sealed class PlainTextDocumentBuilder
{
    private readonly List<DocumentBlock> _blocks = new();
    private readonly List<TableRow> _rows = new();
    private readonly List<string> _cells = new();
    private PlainTextLine.Kind _last = PlainTextLine.Kind.Blank;
    private bool _pageBreak;

    /// <summary>A plain line right after a PDF row: a wrapped label if the table goes on, else a paragraph.</summary>
    private string? _heldText;

    public void Add(string line)
    {
        var kind = PlainTextLine.Classify(line);
        if (kind == PlainTextLine.Kind.Noise) return;
        if (_heldText is { } held)
        {
            _heldText = null;
            if (kind == PlainTextLine.Kind.Row) AddRow([held]);
            else Paragraph(held);
        }
        else if (kind == PlainTextLine.Kind.Text && _last == PlainTextLine.Kind.Row && PlainTextLine.MayBeWrappedLabel(line))
        {
            _heldText = PlainTextLine.Clean(line);
            return;
        }
        switch (kind)
        {
            case PlainTextLine.Kind.Blank:
                // A blank line ends a DOCX row; between two PDF rows it is a page break.
                if (_last == PlainTextLine.Kind.Row) _pageBreak = true;
                FlushCells();
                break;
            case PlainTextLine.Kind.Cell:
                _cells.Add(PlainTextLine.Clean(line));
                break;
            case PlainTextLine.Kind.Row:
                FlushCells();
                AddRow(PlainTextLine.Fields(line).Select(PlainTextLine.Clean));
                break;
            case PlainTextLine.Kind.Text when _last == PlainTextLine.Kind.Cell && _cells.Count > 0:
                _cells[^1] += PlainTextLine.Clean(line);
                return;
            default:
                Paragraph(PlainTextLine.Clean(line));
                break;
        }
        _last = kind;
    }

    public IReadOnlyList<DocumentBlock> Finish()
    {
        if (_heldText is { } held) Paragraph(held);
        FlushTable();
        return _blocks;
    }

    private void Paragraph(string text)
    {
        FlushTable();
        if (text.Length > 0) _blocks.Add(new Paragraph(text));
    }

    private void FlushCells()
    {
        if (_cells.Count == 0) return;
        AddRow(_cells);
        _cells.Clear();
    }

    private void AddRow(IEnumerable<string> cells)
    {
        var row = new TableRow(cells.Select(c => new TableCell(c)).ToArray(), StartsPage: _pageBreak && _rows.Count > 0);
        _pageBreak = false;
        _rows.Add(row);
    }

    private void FlushTable()
    {
        FlushCells();
        if (_rows.Count > 0) _blocks.Add(new Table(_rows.ToArray()));
        _rows.Clear();
        _pageBreak = false;
    }
}
