namespace Crawler.Extraction;

/// <summary>
/// The extract stage as the pipeline sees it: sniff the format (magic bytes, then Content-Type, then
/// the name's extension — never the extension alone) and hand the bytes to that format's extractor.
/// </summary>
public interface IDocumentExtraction
{
    Task<ExtractionResult> ExtractAsync(SourceDocument document, CancellationToken cancellationToken);
}
