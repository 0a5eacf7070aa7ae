namespace Crawler.Extraction.Layout;

/// <summary>One nesting level of group labels in a table's label columns.</summary>
internal sealed class GroupLevel(int? rank, double left)
{
    public int? Rank { get; } = rank;

    public double Left { get; } = left;

    public double Right { get; set; } = double.MinValue;

    public List<LabelBlock> Members { get; } = [];
}
