namespace Crawler.Extraction.Layout;

/// <summary>Words whose boxes share a baseline band, split into segments at wide gaps, left to right.</summary>
internal sealed record LayoutLine
{
    public LayoutLine(int page, IReadOnlyList<LayoutSegment> segments)
    {
        Page = page;
        Segments = segments;
        Top = segments.Min(s => s.Top);
        Bottom = segments.Max(s => s.Bottom);
        Text = LayoutText.Join(segments.Select(s => s.Text));
    }

    public int Page { get; }

    public IReadOnlyList<LayoutSegment> Segments { get; }

    public double Top { get; }

    public double Bottom { get; }

    public double Left => Segments[0].Left;

    public double Right => Segments[^1].Right;

    public double CentreY => (Top + Bottom) / 2;

    public double Height => Bottom - Top;

    public string Text { get; }

    public IEnumerable<LayoutWord> Words => Segments.SelectMany(s => s.Words);
}
