namespace Crawler.Extraction.Pdf;

/// <summary>Text-PDF extraction limits, bound from the configuration section <see cref="Section"/>.</summary>
public sealed record PdfOptions
{
    public const string Section = "Extraction:Pdf";

    public string PdfToTextPath { get; init; } = "pdftotext";

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    public long MaxOutputBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Below this many Chinese characters per page on average the text layer is unusable (a scan): OCR it.</summary>
    public int MinCjkCharactersPerPage { get; init; } = 20;
}
