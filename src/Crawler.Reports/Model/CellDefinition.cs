namespace Crawler.Reports.Model;

/// <summary>
/// A column of a template table: its JSON key, its printed label as the template words it (商业企业, 本年制发件数),
/// and its kind. <see cref="Group"/> is the header it sits under (法人或其他组织); <see cref="Synonyms"/> are other
/// printings that are accepted (still a LABEL_VARIANT); <see cref="Unit"/> is the unit an amount is stored in.
/// </summary>
public sealed record CellDefinition(string Key, string Label, FigureKind Kind = FigureKind.Count)
{
    public string? Group { get; init; }

    public IReadOnlyList<string> Synonyms { get; init; } = [];

    /// <summary>The unit the key stores (万元 for amountTenThousandYuan); null for counts.</summary>
    public MoneyUnit? Unit { get; init; }

    /// <summary>The column as the template prints it, with its header: "法人或其他组织·商业企业", "自然人".</summary>
    public string PrintedLabel => Group is { } group ? $"{group}·{Label}" : Label;
}
