namespace Crawler.Extraction.Ocr.Grid;

/// <summary>What tesseract read in one cell image: the words joined, and the lowest word confidence (0..1).</summary>
internal sealed record CellReading(string Text, double Confidence);
