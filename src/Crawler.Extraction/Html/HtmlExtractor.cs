using Crawler.Extraction.Layout;
using Crawler.Reports.Documents;
using HtmlAgilityPack;
using Microsoft.Extensions.Logging;

namespace Crawler.Extraction.Html;

/// <summary>
/// An HTML report page to the format-neutral document: decode (BOM, HTTP charset, meta, detection;
/// GBK as GB18030), find the article body, drop page furniture, read paragraphs and tables with
/// their spans, and list the attachments the body links to.
/// </summary>
public sealed partial class HtmlExtractor(ILogger<HtmlExtractor> logger) : IDocumentExtractor
{
    /// <summary>Deeper markup than this is hostile or broken; HtmlAgilityPack recursion would not survive it.</summary>
    private const int MaxDepth = 1000;

    public bool CanExtract(DocumentFormat format) => format == DocumentFormat.Html;

    public Task<ExtractionResult> ExtractAsync(SourceDocument document, DocumentFormat format, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var decoded = HtmlDecoding.Decode(document.Content.Span, document.ContentType);
        if (decoded.Declared is { } declared && !SameCharset(declared, decoded.Charset))
            LogCharsetOverridden(document.Name, declared, decoded.Charset);

        if (CutShort(decoded.Text))
        {
            // A page whose server declared fewer bytes than it has (a lying Content-Length) arrives whole to the client but
            // ends mid-page: parsed, it would be a report missing its later tables. Quarantined instead, and read again when
            // a complete page comes.
            return Task.FromResult(ExtractionResult.Failure(DocumentFormat.Html,
                $"{document.Name}：页面不完整：有 <html>/<body> 开始标签而没有 </body> 或 </html> 结束标签，正文在 {document.Content.Length} 字节处被截断 (the page is cut short; e.g. a Content-Length shorter than the page)"));
        }

        return Task.FromResult(Read(LeanMarkup.Article(decoded.Text), document.Name, cancellationToken));
    }

    /// <summary>The report in <paramref name="markup"/>: its article body's blocks, its title and the attachments the body links to.</summary>
    internal static ExtractionResult Read(string markup, string name, CancellationToken cancellationToken)
    {
        var page = new HtmlDocument { OptionMaxNestedChildNodes = MaxDepth };
        try
        {
            page.LoadHtml(markup);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // HtmlAgilityPack signals its nesting limit with a bare Exception.
            return ExtractionResult.Failure(DocumentFormat.Html, $"{name}：HTML 无法解析（标签嵌套超过 {MaxDepth} 层或结构损坏：{e.Message}）");
        }

        // Each step below walks the whole tree, and a gigantic page (tens of thousands of rows) takes seconds per step
        // on a busy machine: checking between steps and per element lets the facade's DocumentTimeout stop it.
        cancellationToken.ThrowIfCancellationRequested();
        var body = ArticleBody.Locate(page);
        cancellationToken.ThrowIfCancellationRequested();
        Boilerplate.RemoveFurniture(body);
        var title = HtmlTitle.Find(page, body);
        cancellationToken.ThrowIfCancellationRequested();
        var attachments = AttachmentLinks.Find(page, body, name);
        cancellationToken.ThrowIfCancellationRequested();
        var blocks = WithTitle(HtmlBlockReader.Read(body, cancellationToken), title);
        return ExtractionResult.Success(DocumentFormat.Html, new ReportDocument(blocks) { Origin = name }) with
        {
            Title = title,
            Attachments = attachments,
        };
    }

    /// <summary>
    /// CMS templates print the title above the body container (an h1, a td.title), so the body alone
    /// would lack the line that names the agency and the year. It is put back as the first paragraph
    /// unless the body already opens with it.
    /// </summary>
    private static IReadOnlyList<DocumentBlock> WithTitle(IReadOnlyList<DocumentBlock> blocks, string? title)
    {
        if (title is null) return blocks;
        var compact = LayoutText.Compact(title);
        var opening = blocks.OfType<Paragraph>().Take(3).Select(p => LayoutText.Compact(p.Text));
        if (opening.Any(text => text == compact)) return blocks;
        return [new Paragraph(title), .. blocks];
    }

    /// <summary>A page that opens its document (&lt;html&gt; or &lt;body&gt;) but never closes it.</summary>
    internal static bool CutShort(string text)
    {
        var opens = text.Contains("<html", StringComparison.OrdinalIgnoreCase) || text.Contains("<body", StringComparison.OrdinalIgnoreCase);
        return opens && !text.Contains("</html", StringComparison.OrdinalIgnoreCase) && !text.Contains("</body", StringComparison.OrdinalIgnoreCase);
    }

    private static bool SameCharset(string declared, string used)
    {
        var d = Sniffing.Charsets.FromLabel(declared);
        var u = Sniffing.Charsets.FromLabel(used);
        return declared == "BOM" || (d is not null && u is not null && d.CodePage == u.CodePage) || used == "us-ascii";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Document} declares charset {Declared} but its bytes are {Used}; decoded as {Used}")]
    private partial void LogCharsetOverridden(string document, string declared, string used);
}
