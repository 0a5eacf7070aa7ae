namespace Crawler.Extraction.Layout;

/// <summary>One page's share of a table, analysed: header blocks, data rows and group labels.</summary>
internal sealed class TablePart
{
    public required int Page { get; init; }

    public required List<List<LabelBlock>> HeaderRows { get; init; }

    public required List<TablePartRow> Rows { get; init; }

    /// <summary>Label blocks that label a group of rows (三、本年度办理结果, （三）不予公开), not one row.</summary>
    public required List<LabelBlock> Groups { get; init; }
}
