using System.Text;
using Crawler.Extraction.Processes;

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

    public static string Explain(ProcessResult run)
    {
        var error = run.StandardError;
        if (error.Contains("Incorrect password", StringComparison.OrdinalIgnoreCase) || error.Contains("encrypted", StringComparison.OrdinalIgnoreCase))
            return "PDF 已加密（需要密码），无法提取文字";
        if (run.ExitCode == 1 || error.Contains("Syntax Error", StringComparison.Ordinal) || error.Contains("Couldn't", StringComparison.Ordinal))
            return $"PDF 已损坏或不完整（可能被截断），poppler 无法打开：{FirstLine(error)}";
        return run.Failure ?? "pdftotext 失败";
    }

    private static string FirstLine(string text)
    {
        var builder = new StringBuilder();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (builder.Length > 0) builder.Append("；");
            builder.Append(line);
            if (builder.Length > 160) break;
        }
        return builder.Length == 0 ? "（无错误输出）" : builder.ToString();
    }
}
