namespace Crawler.Extraction.Layout;

/// <summary>
/// Words of one line that sit close together: the text of one table cell's line, or a run of prose.
/// A wide gap between words (a cell border and its padding) starts a new segment.
/// </summary>
internal sealed record LayoutSegment(IReadOnlyList<LayoutWord> Words)
{
    public int Page => Words[0].Page;

    public double Left => Words.Min(w => w.Left);

    public double Right => Words.Max(w => w.Right);

    public double Top => Words.Min(w => w.Top);

    public double Bottom => Words.Max(w => w.Bottom);

    public double CentreX => (Left + Right) / 2;

    public double CentreY => (Top + Bottom) / 2;

    public double Confidence => Words.Min(w => w.Confidence);

    public string Text
    {
        get
        {
            // pdftotext splits kerned runs ("2" "023"); a space is printed only where a real gap is.
            var text = new System.Text.StringBuilder(Words[0].Text);
            for (var i = 1; i < Words.Count; i++)
            {
                var gap = Words[i].Left - Words[i - 1].Right;
                var spaced = gap > 0.15 * Math.Min(Words[i].Height, Words[i - 1].Height)
                    && !(LayoutText.IsCjk(text[^1]) && LayoutText.IsCjk(Words[i].Text[0]));
                if (spaced) text.Append(' ');
                text.Append(Words[i].Text);
            }
            return text.ToString();
        }
    }

    public bool IsNumeric => LayoutText.IsNumber(Text);
}
