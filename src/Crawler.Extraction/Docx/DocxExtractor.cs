using System.IO.Packaging;
using System.Xml;
using Crawler.Extraction.Sniffing;
using Crawler.Reports.Documents;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.Options;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Crawler.Extraction.Docx;

/// <summary>
/// DOCX to the format-neutral document: body paragraphs and tables in order, merged cells kept as
/// spans (gridSpan → columns, vMerge → rows). The zip is checked first (<see cref="ZipPackageGuard"/>);
/// OpenXml reads parts with DTDs prohibited, so an entity-expansion bomb fails at once.
/// </summary>
public sealed class DocxExtractor(IOptions<ExtractionOptions> options) : IDocumentExtractor
{
    private readonly ExtractionOptions _options = options.Value;

    public bool CanExtract(DocumentFormat format) => format == DocumentFormat.Docx;

    public Task<ExtractionResult> ExtractAsync(SourceDocument document, DocumentFormat format, CancellationToken cancellationToken) =>
        Task.FromResult(Extract(document, cancellationToken));

    public ExtractionResult Extract(SourceDocument document, CancellationToken cancellationToken)
    {
        using var stream = ReadOnlyMemoryStream.Open(document.Content);
        var refused = ZipPackageGuard.Check(stream, _options, cancellationToken);
        if (refused is not null) return Fail(document, refused);
        stream.Position = 0;
        try
        {
            using var word = WordprocessingDocument.Open(stream, false);
            var body = word.MainDocumentPart?.Document?.Body;
            if (body is null) return Fail(document, "文档没有正文（word/document.xml 中缺少 w:body）");
            var blocks = new List<DocumentBlock>();
            ReadBlocks(body, blocks, cancellationToken);
            var title = word.PackageProperties.Title;
            return ExtractionResult.Success(DocumentFormat.Docx, new ReportDocument(blocks) { Origin = document.Name }) with
            {
                Title = string.IsNullOrWhiteSpace(title) ? null : title.Trim(),
            };
        }
        catch (XmlException e)
        {
            var why = e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase)
                ? "XML 含 DTD/实体声明（可能是实体膨胀攻击），已拒绝"
                : "XML 格式错误";
            return Fail(document, $"{why}：{e.Message}");
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException or IOException)
        {
            return Fail(document, $"无法作为 DOCX 打开：{e.Message}");
        }
    }

    private static ExtractionResult Fail(SourceDocument document, string reason) =>
        ExtractionResult.Failure(DocumentFormat.Docx, $"{document.Name}：{reason}");

    private static void ReadBlocks(OpenXmlElement container, List<DocumentBlock> blocks, CancellationToken cancellationToken)
    {
        foreach (var element in container.ChildElements)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (element)
            {
                case W.Paragraph paragraph:
                    var text = WordText.Of(paragraph);
                    if (!string.IsNullOrWhiteSpace(text)) blocks.Add(new Paragraph(text.Trim()));
                    break;
                case W.Table table:
                    blocks.Add(WordTableReader.Read(table));
                    break;
                case W.SdtBlock sdt when sdt.SdtContentBlock is { } content:
                    ReadBlocks(content, blocks, cancellationToken);
                    break;
                case W.CustomXmlBlock custom:
                    ReadBlocks(custom, blocks, cancellationToken);
                    break;
            }
        }
    }
}
