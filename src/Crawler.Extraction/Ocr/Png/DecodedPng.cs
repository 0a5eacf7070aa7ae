using Crawler.Extraction.Ocr.Grid;

namespace Crawler.Extraction.Ocr.Png;

/// <summary>A PNG flattened to grey (alpha composited on white) and the resolution the grid reader's thresholds are scaled by.</summary>
internal sealed record DecodedPng(GrayImage Image, int Dpi);
