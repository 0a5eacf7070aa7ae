namespace Crawler.Extraction.Layout;

/// <summary>
/// One word (or word fragment) as a PDF text layer or OCR engine placed it, in points or pixels from
/// the page's top-left corner. <paramref name="Confidence"/> is 1 for a text layer, 0..1 for OCR.
/// </summary>
public sealed record LayoutWord(int Page, double Left, double Top, double Width, double Height, string Text, double Confidence = 1.0)
{
    public double Right => Left + Width;

    public double Bottom => Top + Height;

    public double CentreX => Left + Width / 2;

    public double CentreY => Top + Height / 2;
}
