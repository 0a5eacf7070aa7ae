namespace Crawler.Reports.Model;

/// <summary>
/// The stable finding codes of shared/spec/report-model.md, plus the reading findings of docs/parsing.md
/// (ROW_UNREAD, UNIT_CONVERTED) and extraction's LOW_CONFIDENCE. Codes are open-ended strings everywhere
/// downstream (store, index, alerts, CSV): nothing there may rely on this list being complete.
/// </summary>
public static class FindingCodes
{
    public const string T3Balance = "T3_BALANCE";
    public const string T3RowTotal = "T3_ROW_TOTAL";
    public const string T3ResultTotal = "T3_RESULT_TOTAL";
    public const string T4GroupTotal = "T4_GROUP_TOTAL";
    public const string PeriodYearMismatch = "PERIOD_YEAR_MISMATCH";
    public const string BlankCells = "BLANK_CELLS";
    public const string ColumnRepaired = "COLUMN_REPAIRED";
    public const string LabelVariant = "LABEL_VARIANT";
    public const string TableMissing = "TABLE_MISSING";
    public const string NarrativeMismatch = "NARRATIVE_MISMATCH";
    public const string TemplateMixed = "TEMPLATE_MIXED";

    /// <summary>A template row of a printed table whose figures could not be read: its cells are null, and not because the page left them empty.</summary>
    public const string RowUnread = "ROW_UNREAD";

    /// <summary>An amount printed in 元 or 亿元 was stored in the key's unit (万元).</summary>
    public const string UnitConverted = "UNIT_CONVERTED";

    /// <summary>Raised by extraction, not the parser: an OCR'd cell read with low confidence.</summary>
    public const string LowConfidence = "LOW_CONFIDENCE";

    public static IReadOnlyList<string> All { get; } =
    [
        T3Balance, T3RowTotal, T3ResultTotal, T4GroupTotal, PeriodYearMismatch, BlankCells,
        ColumnRepaired, LabelVariant, TableMissing, NarrativeMismatch, TemplateMixed, RowUnread, UnitConverted, LowConfidence,
    ];
}
