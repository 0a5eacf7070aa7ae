namespace Crawler.Extraction.Ocr;

/// <summary>OCR settings for scanned PDFs and images, bound from the configuration section <see cref="Section"/>.</summary>
public sealed record OcrOptions
{
    public const string Section = "Extraction:Ocr";

    public string TesseractPath { get; init; } = "tesseract";

    public string PdfToPpmPath { get; init; } = "pdftoppm";

    public string Languages { get; init; } = "chi_sim+eng";

    /// <summary>200 dpi reads ~99% of figures; more costs time without gain on table text.</summary>
    public int Dpi { get; init; } = 200;

    /// <summary>Pages beyond this are not OCR'd (a finding says so); annual reports have 5–15 pages.</summary>
    public int MaxPages { get; init; } = 30;

    /// <summary>First page to OCR (1-based); tests use it to read only the table pages.</summary>
    public int FirstPage { get; init; } = 1;

    public TimeSpan PageTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Which table rulings of a scanned PDF page to whiten before OCR.</summary>
    public RulingErasure EraseRulings { get; init; } = RulingErasure.Horizontal;

    /// <summary>Read a PDF page's figure columns a second time, digits only, with every ruling whitened (see FigurePass).</summary>
    public bool ReadFiguresTwice { get; init; } = true;

    /// <summary>
    /// Languages for reading table cells one by one: chi_sim alone, because with eng beside it a lone "总计"
    /// read as "mH" (figures get their own digits-only pass).
    /// </summary>
    public string CellLanguages { get; init; } = "chi_sim";

    /// <summary>Read a PDF page's ruled tables cell by cell (see Grid/GridPageReader); pages without rulings keep the word-position path.</summary>
    public bool ReadRuledCells { get; init; } = true;

    /// <summary>A figure read with less confidence than this raises LOW_CONFIDENCE.</summary>
    public double LowConfidenceThreshold { get; init; } = 0.80;
}
