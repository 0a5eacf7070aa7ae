namespace Crawler.Extraction.Ocr;

/// <summary>Which rulings <see cref="RulingEraser"/> whitens on a scanned page before OCR.</summary>
public enum RulingErasure
{
    None,
    Horizontal,
    All,
}
