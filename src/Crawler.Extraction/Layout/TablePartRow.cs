namespace Crawler.Extraction.Layout;

/// <summary>A data row: the line carrying its figures, its own label, and the cells by numeric column.</summary>
internal sealed class TablePartRow
{
    /// <summary>The line with the row's figures; null for a row of text only (a section row such as 第二十条第（五）项).</summary>
    public LayoutLine? Anchor { get; init; }

    public List<LabelBlock> Texts { get; } = [];

    public double CentreY => Anchor?.CentreY ?? (Texts.Count > 0 ? Texts.Average(t => t.CentreY) : Label!.CentreY);

    public LabelBlock? Label { get; set; }

    /// <summary>A row of text only (a section row such as 第二十条第（五）项), neither figures nor a numbered label.</summary>
    public bool IsTextRow => Anchor is null && Label is null;

    public Dictionary<int, List<LayoutSegment>> Values { get; } = [];

    public int? Rank => Label is null ? null : HeadingRank.Of(Label.Text);

    public double Top => Math.Min(Anchor?.Top ?? Texts.Select(t => t.Top).DefaultIfEmpty(double.MaxValue).Min(), Label?.Top ?? double.MaxValue);

    public double Bottom => Math.Max(Anchor?.Bottom ?? Texts.Select(t => t.Bottom).DefaultIfEmpty(double.MinValue).Max(), Label?.Bottom ?? double.MinValue);
}
