using System.IO.Compression;

namespace Crawler.Extraction.Docx;

/// <summary>
/// Inspects a DOCX's zip container before OpenXml touches it: a file that is not a zip, is
/// truncated, has too many entries, or inflates beyond the limits (a zip bomb) is refused with the
/// reason. Sizes are checked while actually inflating, not just from the headers, because a bomb
/// can declare small sizes.
/// </summary>
internal static class ZipPackageGuard
{
    public const string MainPart = "word/document.xml";

    /// <summary>Null when the package may be opened; otherwise why not (Chinese, without the file name).</summary>
    public static string? Check(Stream package, ExtractionOptions options, CancellationToken cancellationToken)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            return $"不是有效的 DOCX：zip 结构无法读取（文件可能被截断或并非 zip）：{e.Message}";
        }
        using (archive)
        {
            // The central directory is read lazily: a spliced or truncated zip can pass the constructor and fail here.
            int entryCount;
            try
            {
                entryCount = archive.Entries.Count;
            }
            catch (InvalidDataException e)
            {
                return $"不是有效的 DOCX：zip 中央目录损坏（文件可能被截断或拼接）：{e.Message}";
            }
            if (entryCount > options.MaxZipEntries)
                return $"zip 内含 {entryCount} 个条目，超过上限 {options.MaxZipEntries}（疑似 zip 炸弹）";
            var main = archive.GetEntry(MainPart);
            if (main is null) return $"zip 中没有 {MainPart}，不是 Word 文档";
            long declared = 0;
            foreach (var entry in archive.Entries) declared += entry.Length;
            if (declared > options.MaxZipUncompressedBytes)
                return $"解压后总大小 {declared:N0} 字节超过上限 {options.MaxZipUncompressedBytes:N0}（疑似 zip 炸弹）";
            if (main.Length > options.MaxDocumentXmlBytes)
                return $"{MainPart} 解压后 {main.Length:N0} 字节超过上限 {options.MaxDocumentXmlBytes:N0}";
            return InflateAll(archive, options, cancellationToken);
        }
    }

    private static string? InflateAll(ZipArchive archive, ExtractionOptions options, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long total = 0;
        foreach (var entry in archive.Entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var limit = entry.FullName == MainPart ? Math.Min(entry.Length, options.MaxDocumentXmlBytes) : entry.Length;
            long inflated = 0;
            try
            {
                using var stream = entry.Open();
                int read;
                while ((read = stream.Read(buffer)) > 0)
                {
                    inflated += read;
                    total += read;
                    if (inflated > limit)
                        return $"条目 {entry.FullName} 解压后超过其声明的 {entry.Length:N0} 字节（疑似 zip 炸弹）";
                    if (total > options.MaxZipUncompressedBytes)
                        return $"解压后总大小超过上限 {options.MaxZipUncompressedBytes:N0} 字节（疑似 zip 炸弹）";
                }
            }
            catch (InvalidDataException e)
            {
                return $"zip 条目 {entry.FullName} 已损坏（文件可能被截断）：{e.Message}";
            }
        }
        return null;
    }
}
