namespace Crawler.Reports.Model;

/// <summary>
/// A row of a template table: its JSON key, its printed label (without numbering), the group label
/// it sits under (e.g. 第二十条第（一）项 or （三）不予公开), and its cells.
/// </summary>
public sealed record RowDefinition(string Key, string Label, IReadOnlyList<CellDefinition> Cells, string? Group = null)
{
    /// <summary>The numbering printed before the label: "一", "（一）", "1" (null when the template prints none).</summary>
    public string? Ordinal { get; init; }

    /// <summary>Other wordings of the label that reports print and that are read as this row (LABEL_VARIANT).</summary>
    public IReadOnlyList<string> Synonyms { get; init; } = [];

    /// <summary>A result row of table 3: the rows that add up to （七）总计 (T3_RESULT_TOTAL).</summary>
    public bool IsResult { get; init; }
}
