namespace Crawler.Reports.Model;

/// <summary>
/// The severity of each finding code. Broken 勾稽关系 are errors (the printed figures contradict each other), and
/// so is a row the parser could not read (its figures are unknown, and no rule can vouch for them); what a reader
/// should double-check (a repaired column, a stale period, prose that disagrees, a missing table) is a warning;
/// what is only noted for completeness (a label variant, blank cells, a mixed template, a converted unit) is info.
/// </summary>
public static class FindingSeverities
{
    public static FindingSeverity Of(string code) => code switch
    {
        FindingCodes.T3Balance or FindingCodes.T3RowTotal or FindingCodes.T3ResultTotal or FindingCodes.T4GroupTotal
            or FindingCodes.RowUnread => FindingSeverity.Error,
        FindingCodes.PeriodYearMismatch or FindingCodes.NarrativeMismatch or FindingCodes.TableMissing
            or FindingCodes.ColumnRepaired or FindingCodes.LowConfidence => FindingSeverity.Warning,
        _ => FindingSeverity.Info,
    };

    public static Finding Create(string code, string where, string message) => new(code, Of(code), where, message);
}
