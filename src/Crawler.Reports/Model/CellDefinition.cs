namespace Crawler.Reports.Model;

/// <summary>
/// A column of a template table: its JSON key, its printed label and its kind. <see cref="Unit"/> is the unit an
/// amount is stored in (万元 for amountTenThousandYuan); an amount printed in another is converted (UNIT_CONVERTED).
/// </summary>
public sealed record CellDefinition(string Key, string Label, FigureKind Kind = FigureKind.Count)
{
    /// <summary>The unit the key stores; null for counts.</summary>
    public MoneyUnit? Unit { get; init; }

    /// <summary>Other wordings of the column header that reports print (社会组织 for 社会公益组织, 合计 for 总计).</summary>
    public IReadOnlyList<string> Synonyms { get; init; } = [];
}
