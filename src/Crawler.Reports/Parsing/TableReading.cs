namespace Crawler.Reports.Parsing;

/// <summary>
/// The figures read from one printed table: row key → cell values in the template's cell order
/// (null where the report left the cell empty). Rows the table does not print are absent.
/// </summary>
internal sealed class TableReading
{
    public Dictionary<string, decimal?[]> Rows { get; } = new(StringComparer.Ordinal);

    /// <summary>Row key → the lowest OCR confidence of the figures read for it (only rows read from OCR'd cells).</summary>
    public Dictionary<string, double> Confidence { get; } = new(StringComparer.Ordinal);

    public void Read(string row, decimal?[] values, GridLine line) => Read(row, values, line.LowestValueConfidence);

    public void Read(string row, decimal?[] values, double? confidence)
    {
        Rows[row] = values;
        if (confidence is { } c) Confidence[row] = c;
    }

    /// <summary>True when at least one row of the template was recognised.</summary>
    public bool Found => Rows.Count > 0;

    public bool Has(string row) => Rows.ContainsKey(row);
}
