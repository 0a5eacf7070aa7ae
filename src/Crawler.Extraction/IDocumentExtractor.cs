namespace Crawler.Extraction;

/// <summary>
/// One format's extractor. Implementations never throw for bad input: they return
/// <see cref="ExtractionResult.Failure"/> with a reason that names the document.
/// </summary>
public interface IDocumentExtractor
{
    bool CanExtract(DocumentFormat format);

    Task<ExtractionResult> ExtractAsync(SourceDocument document, DocumentFormat format, CancellationToken cancellationToken);
}
