using System.Diagnostics;
using Crawler.Extraction.Ocr;
using Crawler.Extraction.Pdf;
using Crawler.Extraction.Processes;
using Crawler.Tests.Shared;
using Microsoft.Extensions.Options;

namespace Crawler.Extraction.Tests.Pdf;

/// <summary>
/// Bad PDFs (tests/fixtures/formats/bad-pdf: zero bytes, cut at 30 kB, random bytes after a %PDF
/// header, AES-256 encrypted with qpdf, not a PDF, an image-only page too large to rasterise) and a hanging or missing tool: each is a failure value
/// that names the file and the reason, within a bounded time.
/// </summary>
public sealed class BadPdfTests
{
    [Theory]
    [InlineData("empty.pdf", "0 字节")]
    [InlineData("truncated.pdf", "损坏或不完整")]
    [InlineData("random-after-header.pdf", "损坏或不完整")]
    [InlineData("encrypted.pdf", "已加密")]
    [InlineData("not-a-pdf.pdf", "不是 PDF 文件")]
    // A scan whose page is 59,568 × 84,192 pt: pdftoppm exits 0 with a header-only image (fuzz corpus).
    [InlineData("giant-page-scan.pdf", "无法转为图像")]
    public async Task A_bad_pdf_fails_with_its_name_and_the_reason(string file, string reason)
    {
        var path = Path.Combine(RepositoryPaths.Fixtures, "formats", "bad-pdf", file);
        var clock = Stopwatch.StartNew();
        var result = await Extractor().ExtractAsync(SourceDocument.FromFile(path), DocumentFormat.Pdf, CancellationToken.None);
        Assert.False(result.Succeeded);
        Assert.Null(result.Document);
        Assert.Contains(file, result.Error);
        Assert.Contains(reason, result.Error);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_hanging_reader_process_is_killed_at_the_timeout_and_named()
    {
        var folder = Directory.CreateTempSubdirectory("hang-");
        try
        {
            var tool = Path.Combine(folder.FullName, "pdf-reader");
            await File.WriteAllTextAsync(tool, "#!/bin/sh\nsleep 60\n");
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(tool, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);
            var extractor = new PdfExtractor(new ProcessRunner(), Options.Create(new PdfOptions { ReaderPath = tool, Timeout = TimeSpan.FromSeconds(1) }));
            var clock = Stopwatch.StartNew();
            var result = await extractor.ExtractAsync(Fixture("004_c578ef021bbe04ee"), DocumentFormat.Pdf, CancellationToken.None);
            Assert.False(result.Succeeded);
            Assert.Contains("report.pdf", result.Error);
            Assert.Contains("超时", result.Error);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_missing_reader_program_is_a_clear_failure()
    {
        var extractor = new PdfExtractor(new ProcessRunner(), Options.Create(new PdfOptions { ReaderPath = "/nonexistent/crawler-pdf-reader" }));
        var result = await extractor.ExtractAsync(Fixture("004_c578ef021bbe04ee"), DocumentFormat.Pdf, CancellationToken.None);
        Assert.False(result.Succeeded);
        Assert.Contains("找不到 PDF 读取程序", result.Error);
        Assert.Contains("report.pdf", result.Error);
    }

    [Fact]
    public async Task Temporary_files_are_removed_after_success_and_failure()
    {
        var before = Directory.GetDirectories(Path.GetTempPath(), "crawler-extract-*").ToHashSet();
        await Extractor().ExtractAsync(Fixture("004_c578ef021bbe04ee"), DocumentFormat.Pdf, CancellationToken.None);
        await Extractor().ExtractAsync(SourceDocument.FromFile(Path.Combine(RepositoryPaths.Fixtures, "formats", "bad-pdf", "truncated.pdf")), DocumentFormat.Pdf, CancellationToken.None);
        // Tests in other classes extract at the same time; their folders go when they finish, a leaked one never does.
        var clock = Stopwatch.StartNew();
        string[] left;
        do
        {
            left = Directory.GetDirectories(Path.GetTempPath(), "crawler-extract-*").Where(d => !before.Contains(d)).ToArray();
            if (left.Length > 0) await Task.Delay(200);
        }
        while (left.Length > 0 && clock.Elapsed < TimeSpan.FromSeconds(120));
        Assert.Empty(left);
    }

    [Fact]
    public async Task An_empty_image_fails_with_its_name()
    {
        var extractor = new OcrExtractor(new ProcessRunner(), Options.Create(new OcrOptions()));
        var result = await extractor.ExtractAsync(new SourceDocument(Array.Empty<byte>(), "scan.png"), DocumentFormat.Image, CancellationToken.None);
        Assert.False(result.Succeeded);
        Assert.Contains("scan.png", result.Error);
    }

    private static PdfExtractor Extractor() => new(new ProcessRunner(), Options.Create(new PdfOptions()));

    private static SourceDocument Fixture(string stem) =>
        SourceDocument.FromFile(Path.Combine(RepositoryPaths.Fixtures, "formats", stem, "report.pdf"));
}
