namespace Crawler.Reports.Model;

/// <summary>
/// A row of a template table: its JSON key, its printed label (without numbering), the group label
/// it sits under (e.g. 第二十条第（一）项 or （三）不予公开), and its cells.
/// </summary>
public sealed record RowDefinition(string Key, string Label, IReadOnlyList<CellDefinition> Cells, string? Group = null);
