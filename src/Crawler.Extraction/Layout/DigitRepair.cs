namespace Crawler.Extraction.Layout;

/// <summary>
/// OCR's usual confusions in figures (O for 0, l/I/| for 1, full-width digits). Applied only to text
/// that then reads as a number and sits in a numeric column, never to labels.
/// </summary>
internal static class DigitRepair
{
    public static string? Repair(string text)
    {
        var narrowed = LayoutText.NarrowDigits(text).Replace(" ", "", StringComparison.Ordinal);
        if (LayoutText.IsNumber(narrowed)) return narrowed;
        var mapped = string.Concat(narrowed.Select(c => c switch
        {
            'O' or 'o' or 'D' or 'Q' or '〇' => '0',
            'l' or 'I' or 'i' => '1',
            'S' => '5',
            'Z' => '2',
            'B' => '8',
            _ => c,
        }));
        return LayoutText.IsNumber(mapped) && narrowed.Length <= 6 ? mapped : null;
    }
}
