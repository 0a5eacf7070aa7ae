namespace Crawler.Reports.Model;

/// <summary>
/// A template table: its JSON key (activeDisclosure, applications, reviewAndLitigation), title, number (表二) and
/// rows. A layout with <see cref="Substitutions"/> applied holds an older template's row in place of rows it replaces.
/// </summary>
public sealed record TableDefinition(string Key, string Title, IReadOnlyList<RowDefinition> Rows)
{
    /// <summary>The section and table number, "二" for 表二.</summary>
    public string Number { get; init; } = "";

    public string Name => $"表{Number}";

    /// <summary>The substitutions this layout applies (empty for a template's own layout).</summary>
    public IReadOnlyList<RowSubstitution> Substitutions { get; init; } = [];

    public RowDefinition? Row(string key) => Rows.FirstOrDefault(r => r.Key == key);

    /// <summary>Every distinct column of the table in printed order (table 3's seven applicant columns).</summary>
    public IReadOnlyList<CellDefinition> Columns => Rows.SelectMany(r => r.Cells).DistinctBy(c => c.Key).ToArray();

    /// <summary>Rows a substitution replaced: part of the layout (null), but not printed, so neither blank nor unread.</summary>
    public bool IsReplaced(string rowKey) => Substitutions.Any(s => s.Replaces.Contains(rowKey));

    /// <summary>This layout with <paramref name="substitution"/>'s row inserted after the last row it replaces.</summary>
    public TableDefinition With(RowSubstitution substitution)
    {
        if (substitution.Table != Key || Row(substitution.Row.Key) is not null) return this;
        var rows = Rows.ToList();
        var after = rows.FindLastIndex(r => substitution.Replaces.Contains(r.Key));
        rows.Insert(after + 1, substitution.Row);
        return this with { Rows = rows, Substitutions = [.. Substitutions, substitution] };
    }
}
