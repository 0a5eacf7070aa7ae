using System.Text;
using Crawler.Extraction.Layout;

namespace Crawler.Extraction.Ocr;

/// <summary>
/// A second, digits-only reading of a page's figure columns. The page-level chi_sim pass drops many lone
/// "0"s of a ruled table (measured: most wrong cells of the scanned fixtures were figures not read at all).
/// Cropped to the figure columns, with every ruling whitened and <c>--psm 6</c> and a digit whitelist,
/// tesseract reads them; a figure found there fills a place where the first pass read nothing, or only
/// stray marks (neither a number nor a Chinese letter).
/// </summary>
internal static class FigurePass
{
    /// <summary>The figure columns of a page in pixels: from the leftmost figure right of the labels to the page's right edge.</summary>
    public static (int Left, int Top, int Right, int Bottom)? Area(IReadOnlyList<(LayoutWord Word, string Line)> words, double width, double height)
    {
        var figures = words.Select(x => x.Word).Where(w => IsFigure(w.Text) && w.CentreX > width * 0.4).ToList();
        if (figures.Count < 8) return null;
        var line = LineGrouper.Median(figures.Select(w => w.Height));
        var left = (int)Math.Max(0, figures.Min(w => w.Left) - (1.5 * line));
        var top = (int)Math.Max(0, figures.Min(w => w.Top) - (2 * line));
        // To the page's edge: the first pass often misses the last columns entirely (a column of lone zeros).
        var right = (int)width;
        var bottom = (int)Math.Min(height, figures.Max(w => w.Bottom) + (2 * line));
        return right - left > 4 * line && bottom - top > 4 * line ? (left, top, right, bottom) : null;
    }

    /// <summary>Writes the area of a binary PGM to a new PGM; false when the source is not one.</summary>
    public static bool TryCrop(string source, string target, (int Left, int Top, int Right, int Bottom) area)
    {
        var bytes = File.ReadAllBytes(source);
        if (!RulingEraser.TryHeader(bytes, out var width, out var height, out var offset) || bytes.Length < offset + ((long)width * height)) return false;
        var (left, top, right, bottom) = (Math.Min(area.Left, width), Math.Min(area.Top, height), Math.Min(area.Right, width), Math.Min(area.Bottom, height));
        if (right <= left || bottom <= top) return false;
        using var output = File.Create(target);
        output.Write(Encoding.ASCII.GetBytes($"P5\n{right - left} {bottom - top}\n255\n"));
        for (var y = top; y < bottom; y++) output.Write(bytes, offset + (y * width) + left, right - left);
        return true;
    }

    /// <summary>The first pass's words with the second pass's figures (already in page pixels) filling its gaps.</summary>
    public static List<(LayoutWord Word, string Line)> Merge(List<(LayoutWord Word, string Line)> words, IEnumerable<LayoutWord> figures)
    {
        var merged = new List<(LayoutWord Word, string Line)>(words);
        var added = 0;
        foreach (var figure in figures.SelectMany(Unglue))
        {
            if (!IsFigure(figure.Text)) continue;
            var overlapping = merged.Where(x => Overlaps(x.Word, figure)).ToList();
            if (overlapping.Any(x => !IsStray(x.Word.Text))) continue;
            foreach (var stray in overlapping) merged.Remove(stray);
            merged.Add((figure, $"figure.{added++}"));
        }
        return merged;
    }

    /// <summary>
    /// With the vertical rulings whitened, tesseract may read the lone figures of neighbouring cells as one
    /// word ("00" 112 px wide where one "0" is 14): a box far wider than its digits need holds one digit per
    /// cell, spread evenly across it. A glued "100" would come out as three figures; its row then breaks
    /// T3_ROW_TOTAL and is named as suspect.
    /// </summary>
    private static IEnumerable<LayoutWord> Unglue(LayoutWord word)
    {
        var digit = 0.6 * word.Height;
        var n = word.Text.Length;
        if (n < 2 || !IsFigure(word.Text) || word.Width <= (n * digit) + (1.5 * word.Height))
        {
            yield return word;
            yield break;
        }
        var step = (word.Width - digit) / (n - 1);
        for (var i = 0; i < n; i++) yield return word with { Left = word.Left + (i * step), Width = digit, Text = word.Text[i].ToString() };
    }

    private static bool Overlaps(LayoutWord a, LayoutWord b) =>
        a.Left < b.Right && b.Left < a.Right && a.Top < b.Bottom && b.Top < a.Bottom;

    private static bool IsFigure(string text) => text.Length is > 0 and <= 7 && text.All(char.IsAsciiDigit);

    /// <summary>Marks the first pass made of a ruling or speckle: no digit and no Chinese letter.</summary>
    private static bool IsStray(string text) => !text.Any(char.IsAsciiDigit) && LayoutText.CountCjkLetters(text) == 0 && !text.Any(c => c is >= '０' and <= '９');
}
