namespace Crawler.Extraction.Pdf.Lattice;

/// <summary>
/// Rulings as the lines a reader sees: pieces along one line (a border drawn cell by cell, the two strokes of
/// a double line, a filled rectangle beside a stroke) merged into one segment, with small gaps bridged.
/// </summary>
internal static class RulingLines
{
    /// <summary>Two parallel pieces this close (points) are one line: double borders are 1–2 pt apart.</summary>
    public const double SameLine = 2.5;

    /// <summary>Pieces of one line whose ends are this close (points) join: producers leave hairline gaps at crossings.</summary>
    public const double Bridge = 2.0;

    public static List<PdfRuling> Merge(IEnumerable<PdfRuling> rulings, bool horizontal)
    {
        var merged = new List<PdfRuling>();
        var pieces = rulings.Where(r => r.Horizontal == horizontal).OrderBy(r => r.At).ToList();
        var line = new List<PdfRuling>();
        foreach (var piece in pieces)
        {
            if (line.Count > 0 && piece.At - line[^1].At > SameLine)
            {
                Join(line, merged);
                line.Clear();
            }
            line.Add(piece);
        }
        Join(line, merged);
        return merged;
    }

    private static void Join(List<PdfRuling> line, List<PdfRuling> merged)
    {
        if (line.Count == 0) return;
        var at = line.Average(r => r.At);
        PdfRuling? current = null;
        foreach (var piece in line.OrderBy(r => r.From))
        {
            if (current is not null && piece.From <= current.To + Bridge)
            {
                current = current with { To = Math.Max(current.To, piece.To) };
                continue;
            }
            if (current is not null) merged.Add(current);
            current = new PdfRuling(piece.Horizontal, at, piece.From, piece.To);
        }
        merged.Add(current!);
    }
}
