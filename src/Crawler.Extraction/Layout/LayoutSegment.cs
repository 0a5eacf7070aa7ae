using System.Text;

namespace Crawler.Extraction.Layout;

/// <summary>
/// Words of one line that sit close together: the text of one table cell's line, or a run of prose.
/// A wide gap between words (a cell border and its padding) starts a new segment.
/// </summary>
internal sealed record LayoutSegment
{
    public LayoutSegment(IReadOnlyList<LayoutWord> words)
    {
        Words = words;
        Left = words.Min(w => w.Left);
        Right = words.Max(w => w.Right);
        Top = words.Min(w => w.Top);
        Bottom = words.Max(w => w.Bottom);
        Confidence = words.Min(w => w.Confidence);
        Text = Join(words);
    }

    public IReadOnlyList<LayoutWord> Words { get; }

    public int Page => Words[0].Page;

    public double Left { get; }

    public double Right { get; }

    public double Top { get; }

    public double Bottom { get; }

    public double CentreX => (Left + Right) / 2;

    public double CentreY => (Top + Bottom) / 2;

    public double Confidence { get; }

    public string Text { get; }

    public bool IsNumeric => LayoutText.IsNumber(Text);

    /// <summary>pdftotext splits kerned runs ("2" "023"); a space is printed only where a real gap is.</summary>
    private static string Join(IReadOnlyList<LayoutWord> words)
    {
        var text = new StringBuilder(words[0].Text);
        for (var i = 1; i < words.Count; i++)
        {
            var gap = words[i].Left - words[i - 1].Right;
            var spaced = gap > 0.15 * Math.Min(words[i].Height, words[i - 1].Height)
                && !(LayoutText.IsCjk(text[^1]) && LayoutText.IsCjk(words[i].Text[0]));
            if (spaced) text.Append(' ');
            text.Append(words[i].Text);
        }
        return text.ToString();
    }
}
