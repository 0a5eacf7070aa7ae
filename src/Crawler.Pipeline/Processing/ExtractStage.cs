using Crawler.Extraction;
using Crawler.Pipeline.Archiving;
using Crawler.Pipeline.Discovery;

namespace Crawler.Pipeline.Processing;

/// <summary>
/// The extract stage, from the archive: the archived bytes → a <see cref="ExtractionResult"/> (paragraphs and table grids,
/// whatever the format) through <see cref="IDocumentExtraction"/>. A body missing from the archive, a document no extractor
/// reads and an extractor that crashes are quarantined with their reason.
/// </summary>
public sealed class ExtractStage(ContentAddressedArchive archive, IDocumentExtraction extraction, ProcessingStates states)
{
    // Extraction is the CPU work of a document and allocates ~3 MB per document: one document per core at a time, however
    // many sources are in flight (a 10,000-document crawl with 32 sources at once peaked at 322 MB RSS without this limit,
    // 283 MB with it, and ran faster: docs/benchmarks.md).
    private readonly SemaphoreSlim _cpuSlots = new(Environment.ProcessorCount, Environment.ProcessorCount);

    public async Task<DocumentStep<ExtractionResult>> ExtractAsync(ArchivedDocument document, CancellationToken cancellationToken)
    {
        var (sha256, context) = (document.Sha256, document.Context);
        if (!archive.Contains(sha256))
        {
            // Someone removed the file by hand: keep the document quarantined so the next fetch of its URL restores it.
            return await states.QuarantineAsync(document, $"存档文件缺失 (archived body missing): {archive.PathFor(sha256)}", cancellationToken).ConfigureAwait(false);
        }
        ExtractionResult extracted;
        long length;
        await _cpuSlots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var bytes = await File.ReadAllBytesAsync(archive.PathFor(sha256), cancellationToken).ConfigureAwait(false);
            length = bytes.Length;
            extracted = await extraction.ExtractAsync(new SourceDocument(bytes, context.Url.AbsoluteUri, context.MediaType), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return await states.CrashedAsync(document, exception, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _cpuSlots.Release();
        }
        // Before the stages after build their own structures (the validate stage reads a page's dates from its DOM).
        LargeDocuments.Released(length);
        if (!extracted.Succeeded) return await states.QuarantineAsync(document, "提取失败 (extraction failed): " + extracted.Error, cancellationToken).ConfigureAwait(false);
        return DocumentStep<ExtractionResult>.Continue(extracted);
    }

    /// <summary>
    /// What extraction found a report page linking in its body (document files, a pdf.js viewer's file, tables pasted as
    /// images): the crawl fetches them as the page's attachments, whatever became of the page itself.
    /// </summary>
    public static IReadOnlyList<AttachmentLink> LinkedFrom(ArchivedDocument document, ExtractionResult extracted) =>
        document.Context.Role == nameof(DocumentRole.ReportPage) ? extracted.Attachments : [];
}
