using System.Text;
using System.Text.Unicode;

namespace Crawler.Extraction.PlainText;

/// <summary>
/// Extracts plain text (the seeds' form, and what some sites publish as .txt). The bytes are UTF-8 when
/// they are valid UTF-8, otherwise GB18030 (older Chinese government sites still serve GBK/GB2312).
/// </summary>
public sealed class PlainTextExtractor : IDocumentExtractor
{
    private static readonly Encoding Gb18030 = CreateGb18030();

    public bool CanExtract(DocumentFormat format) => format == DocumentFormat.PlainText;

    public Task<ExtractionResult> ExtractAsync(SourceDocument document, DocumentFormat format, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var text = Decode(document.Content.Span);
        return Task.FromResult(ExtractionResult.Success(DocumentFormat.PlainText, PlainTextDocumentReader.Read(text, document.Name)));
    }

    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return Encoding.UTF8.GetString(bytes[3..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Encoding.Unicode.GetString(bytes[2..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        return Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : Gb18030.GetString(bytes);
    }

    private static Encoding CreateGb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }
}
