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

    public string Text => LayoutText.Join(Words.Select(w => w.Text));

    public bool IsNumeric => LayoutText.IsNumber(Text);
}
