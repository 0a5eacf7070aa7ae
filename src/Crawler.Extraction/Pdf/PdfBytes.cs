namespace Crawler.Extraction.Pdf;

/// <summary>What is wrong with a PDF, in words an archivist can act on.</summary>
internal static class PdfBytes
{
    public static string? Check(ReadOnlySpan<byte> content)
    {
        if (content.Length == 0) return "文件为空（0 字节），不是有效的 PDF";
        var head = content[..Math.Min(content.Length, 1024)];
        if (head.IndexOf("%PDF-"u8) < 0) return "不是 PDF 文件（文件头没有 %PDF- 标记）";
        return null;
    }
}
