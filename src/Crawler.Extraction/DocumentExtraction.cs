using Crawler.Extraction.Sniffing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Crawler.Extraction;

/// <summary>
/// The extract stage: refuse what is too large or empty, sniff the format, hand the bytes to that
/// format's extractor, and turn anything that goes wrong inside it (an exception, a hang) into a
/// failure that names the document, so one hostile file never takes the worker down.
/// </summary>
public sealed partial class DocumentExtraction(
    IEnumerable<IDocumentExtractor> extractors,
    IOptions<ExtractionOptions> options,
    ILogger<DocumentExtraction> logger) : IDocumentExtraction
{
    private readonly IDocumentExtractor[] _extractors = extractors.ToArray();
    private readonly ExtractionOptions _options = options.Value;

    public async Task<ExtractionResult> ExtractAsync(SourceDocument document, CancellationToken cancellationToken)
    {
        var length = document.Content.Length;
        if (length > _options.MaxDocumentBytes) return TooLarge(document.Name, length);
        if (length == 0) return ExtractionResult.Failure(DocumentFormat.Unknown, $"{document.Name}：文件为空（0 字节），无法提取");

        var format = FormatSniffer.Sniff(document);
        if (format == DocumentFormat.Unknown)
        {
            return ExtractionResult.Failure(format,
                $"{document.Name}：无法识别文件格式（{length} 字节，Content-Type {document.ContentType ?? "未知"}，扩展名 {Extension(document.Name)}），内容不是 HTML、PDF、DOCX、DOC/WPS、图片或文本");
        }
        var extractor = Array.Find(_extractors, e => e.CanExtract(format));
        if (extractor is null) return ExtractionResult.Failure(format, $"{document.Name}：格式 {format} 没有可用的提取器");

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(_options.DocumentTimeout);
        try
        {
            var result = await extractor.ExtractAsync(document, format, limit.Token).ConfigureAwait(false);
            if (!result.Succeeded) LogFailed(document.Name, format, result.Error ?? "（提取器未给出原因）");
            return result with
            {
                Format = format,
                Error = result.Succeeded ? null : result.Error ?? $"{document.Name}：{format} 提取失败（提取器未给出原因）",
                Document = result.Document is { Origin: null } doc ? doc with { Origin = document.Name } : result.Document,
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailed(document.Name, format, "timeout");
            return ExtractionResult.Failure(format, $"{document.Name}：{format} 提取超时（{_options.DocumentTimeout.TotalSeconds:0} 秒），已放弃；原文件已保留，可稍后重试");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogCrashed(e, document.Name, format);
            return ExtractionResult.Failure(format, $"{document.Name}：{format} 提取器出错（{e.GetType().Name}：{e.Message}）；原文件已保留，可稍后重试");
        }
    }

    /// <summary>
    /// Extracts a local file, refusing one above the size limit from its length on disk, before a
    /// single byte is read into memory.
    /// </summary>
    public async Task<ExtractionResult> ExtractFileAsync(string path, string? contentType, CancellationToken cancellationToken)
    {
        var file = new FileInfo(path);
        if (!file.Exists) return ExtractionResult.Failure(DocumentFormat.Unknown, $"{path}：文件不存在");
        if (file.Length > _options.MaxDocumentBytes) return TooLarge(path, file.Length);
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        return await ExtractAsync(new SourceDocument(bytes, path, contentType), cancellationToken).ConfigureAwait(false);
    }

    private ExtractionResult TooLarge(string name, long length) =>
        ExtractionResult.Failure(DocumentFormat.Unknown,
            $"{name}：文件大小 {length:N0} 字节超过上限 {_options.MaxDocumentBytes:N0} 字节（Extraction:MaxDocumentBytes），未提取；原文件已保留");

    private static string Extension(string name)
    {
        var extension = FormatHints.Extension(name);
        return extension.Length == 0 ? "无" : extension;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Extraction of {Document} as {Format} failed: {Reason}")]
    private partial void LogFailed(string document, DocumentFormat format, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Extractor for {Format} threw on {Document}")]
    private partial void LogCrashed(Exception exception, string document, DocumentFormat format);
}
