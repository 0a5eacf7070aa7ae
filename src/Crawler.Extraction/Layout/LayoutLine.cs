namespace Crawler.Extraction.Layout;

/// <summary>Words whose boxes share a baseline band, split into segments at wide gaps, left to right.</summary>
internal sealed record LayoutLine(int Page, IReadOnlyList<LayoutSegment> Segments)
{
    public double Top => Segments.Min(s => s.Top);

    public double Bottom => Segments.Max(s => s.Bottom);

    public double Left => Segments[0].Left;

    public double Right => Segments[^1].Right;

    public double CentreY => (Top + Bottom) / 2;

    public double Height => Bottom - Top;

    public string Text => LayoutText.Join(Segments.Select(s => s.Text));

    public IEnumerable<LayoutWord> Words => Segments.SelectMany(s => s.Words);
}
