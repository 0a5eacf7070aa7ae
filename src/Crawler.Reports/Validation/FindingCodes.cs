namespace Crawler.Reports.Validation;

/// <summary>The stable finding codes of shared/spec/report-model.md.</summary>
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

    /// <summary>Raised by extraction, not the parser: an OCR'd cell read with low confidence.</summary>
    public const string LowConfidence = "LOW_CONFIDENCE";

    public static IReadOnlyList<string> All { get; } =
    [
        T3Balance, T3RowTotal, T3ResultTotal, T4GroupTotal, PeriodYearMismatch, BlankCells,
        ColumnRepaired, LabelVariant, TableMissing, NarrativeMismatch, TemplateMixed, LowConfidence,
    ];
}
