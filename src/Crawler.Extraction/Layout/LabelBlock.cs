namespace Crawler.Extraction.Layout;

/// <summary>
/// The lines of one printed cell: segments stacked closely in the same column (a wrapped label, or a
/// label set vertically one or two characters per line) joined into one text.
/// </summary>
internal sealed class LabelBlock(LayoutSegment first)
{
    public List<LayoutSegment> Segments { get; } = [first];

    public double Left => Segments.Min(s => s.Left);

    public double Right => Segments.Max(s => s.Right);

    public double Top => Segments.Min(s => s.Top);

    public double Bottom => Segments.Max(s => s.Bottom);

    public double CentreX => (Left + Right) / 2;

    public double CentreY => (Top + Bottom) / 2;

    public double Confidence => Segments.Min(s => s.Confidence);

    public string Text => LayoutText.Join(Segments.OrderBy(s => s.Top).ThenBy(s => s.Left).Select(s => s.Text));

    public bool Covers(double y, double tolerance) => y >= Top - tolerance && y <= Bottom + tolerance;

    /// <summary>Stacks segments into blocks: a segment joins a block it overlaps horizontally and nearly touches below.</summary>
    public static List<LabelBlock> Stack(IEnumerable<LayoutSegment> segments, double height, LayoutSettings settings)
    {
        var blocks = new List<LabelBlock>();
        foreach (var segment in segments.OrderBy(s => s.Top))
        {
            var block = blocks.LastOrDefault(b =>
                Math.Min(b.Right, segment.Right) - Math.Max(b.Left, segment.Left) >= 0.2 * height
                && segment.Top - b.Bottom <= settings.WrappedLineGap * height
                && segment.Top > b.Segments[^1].CentreY);
            if (block is null) blocks.Add(new LabelBlock(segment));
            else block.Segments.Add(segment);
        }
        return blocks;
    }
}
