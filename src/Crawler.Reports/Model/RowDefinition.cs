namespace Crawler.Reports.Model;

/// <summary>
/// A row of a template table: its JSON key, its label as the template words it (without numbering), its cells,
/// and the group label it sits under as printed ("（三）不予公开", "三、本年度办理结果", "第二十条第（一）项", "行政诉讼").
/// <see cref="Ordinal"/> is its own numbering ("一", "（一）", "1"), <see cref="Synonyms"/> other printings
/// accepted for it (still a LABEL_VARIANT).
/// </summary>
public sealed record RowDefinition(string Key, string Label, IReadOnlyList<CellDefinition> Cells, string? Group = null)
{
    public string? Ordinal { get; init; }

    public IReadOnlyList<string> Synonyms { get; init; } = [];

    /// <summary>How rule messages name the row when brevity helps ("本年新收", "结转下年度"); the label when not set.</summary>
    public string? ShortLabel { get; init; }

    public string Short => ShortLabel ?? Label;

    /// <summary>The label with its numbering as the template prints it: "一、本年新收…", "（一）予以公开", "1.属于国家秘密", "规章".</summary>
    public string PrintedLabel => Ordinal is { } ordinal ? Numbering(ordinal) + Label : Label;

    /// <summary>
    /// The row's name, unambiguous within its table: the printed label, preceded by its group when the row has
    /// no numbering of its own or only a sub-item number ("（三）不予公开·1.属于国家秘密", "行政诉讼·复议后起诉").
    /// </summary>
    public string Name => Group is { } group && (Ordinal is null || char.IsAsciiDigit(Ordinal[0])) ? $"{group}·{PrintedLabel}" : PrintedLabel;

    /// <summary>"（三）" stays, "二" → "二、", "1" → "1.".</summary>
    public static string Numbering(string ordinal) =>
        ordinal.StartsWith('（') ? ordinal : char.IsAsciiDigit(ordinal[0]) ? ordinal + "." : ordinal + "、";
}
