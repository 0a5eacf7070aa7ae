namespace Crawler.Extraction.Layout;

/// <summary>A data row: the line carrying its figures, its own label, and the cells by numeric column.</summary>
internal sealed class TablePartRow
{
    public required LayoutLine Anchor { get; init; }

    public LabelBlock? Label { get; set; }

    public Dictionary<int, List<LayoutSegment>> Values { get; } = [];

    public int? Rank => Label is null ? null : HeadingRank.Of(Label.Text);

    public double Top => Math.Min(Anchor.Top, Label?.Top ?? double.MaxValue);

    public double Bottom => Math.Max(Anchor.Bottom, Label?.Bottom ?? double.MinValue);
}
