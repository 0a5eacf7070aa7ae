using System.Text;
using Crawler.Extraction;
using Crawler.Reports.Documents;

namespace Crawler.Pipeline.Tests.Processing;

/// <summary>
/// Stands in for the extraction facade until the real extractors are merged, and for faults: by default
/// the document's UTF-8 text becomes one paragraph; <see cref="Script"/> replaces that for a test.
/// </summary>
internal sealed class ScriptedExtraction : IDocumentExtraction
{
    public Func<SourceDocument, ExtractionResult>? Script { get; set; }

    public List<string> Extracted { get; } = [];

    public Task<ExtractionResult> ExtractAsync(SourceDocument document, CancellationToken cancellationToken)
    {
        Extracted.Add(document.Name);
        return Task.FromResult(Script?.Invoke(document) ?? Plain(document));
    }

    public static ExtractionResult Plain(SourceDocument document) =>
        ExtractionResult.Success(Crawler.Extraction.DocumentFormat.PlainText, new ReportDocument([new Paragraph(Encoding.UTF8.GetString(document.Content.Span))]));
}
