namespace Crawler.Reports.Model;

/// <summary>
/// The figures of one report table, shaped by its <see cref="TableDefinition"/>: every row and cell of
/// the layout is present, and a cell the report left empty is null.
/// </summary>
public sealed class FigureTable
{
    private readonly Dictionary<(string Row, string Cell), decimal?> _values = new();

    public FigureTable(TableDefinition definition) => Definition = definition;

    public TableDefinition Definition { get; }

    public string Key => Definition.Key;

    public decimal? this[string row, string cell]
    {
        get => _values.TryGetValue((row, cell), out var value) ? value : null;
        set
        {
            var definition = Definition.Row(row) ?? throw new ArgumentException($"表 {Key} 没有行 {row}", nameof(row));
            if (definition.Cells.All(c => c.Key != cell)) throw new ArgumentException($"表 {Key} 行 {row} 没有列 {cell}", nameof(cell));
            _values[(row, cell)] = value;
        }
    }

    /// <summary>Every cell in printed order under its flat key, e.g. applications.newReceived.total.</summary>
    public IEnumerable<Figure> Figures() =>
        from row in Definition.Rows
        from cell in row.Cells
        select new Figure($"{Key}.{row.Key}.{cell.Key}", this[row.Key, cell.Key], cell.Kind);

    public bool IsEmpty => _values.Values.All(v => v is null);

    public static FigureTable Empty(TableDefinition definition) => new(definition);
}
