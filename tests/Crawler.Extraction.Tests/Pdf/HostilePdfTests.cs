using System.Diagnostics;
using Crawler.Extraction.Pdf;
using Crawler.Extraction.Processes;
using Crawler.Tests.Shared;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace Crawler.Extraction.Tests.Pdf;

/// <summary>
/// Hostile PDFs (tests/fixtures/formats/hostile-pdf, made by tests/fixtures/generator/hostile_pdf.py) against the
/// reader process's budget: each read ends within the time limit, the reader's peak memory stays near its heap
/// cap, the reason says what happened, and the next PDF is read by a fresh reader process.
/// </summary>
public sealed class HostilePdfTests(HostilePdfTests.Readers readers, ITestOutputHelper output) : IClassFixture<HostilePdfTests.Readers>
{
    private const long Budget = 256L * 1024 * 1024;
    private const string TimedOut = "读取 PDF 超时";
    // Each bound is tested by itself, so that which one a loaded machine meets first never decides a case: the
    // spinning PDF against a short clock, the allocating ones against the heap cap with a clock far beyond it
    // (billions of path ops meets the cap in about 4 s alone, and took over 20 s with the cores shared by a
    // parallel build: with one clock for both it then failed as a timeout).
    private static readonly TimeSpan ShortTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan LongTimeout = TimeSpan.FromMinutes(3);

    public sealed class Readers : IDisposable
    {
        /// <summary>The short clock: for the PDF that spins without allocating.</summary>
        internal PdfOptions Options { get; } = new() { Timeout = ShortTimeout, ReaderMemoryBytes = Budget, MaxReaders = 1 };

        /// <summary>The heap cap alone: a clock no allocating PDF reaches before the cap.</summary>
        internal PdfOptions MemoryBound { get; } = new() { Timeout = LongTimeout, ReaderMemoryBytes = Budget, MaxReaders = 1 };

        internal PdfReaderPool Pool { get; }

        internal PdfReaderPool MemoryBoundPool { get; }

        public Readers()
        {
            Pool = new PdfReaderPool(Options);
            MemoryBoundPool = new PdfReaderPool(MemoryBound);
        }

        public void Dispose()
        {
            Pool.Dispose();
            MemoryBoundPool.Dispose();
        }
    }

    [Theory]
    // Forms drawing forms: a billion empty draws spin until the reader is killed at the timeout.
    [InlineData("billion-empty-draws.pdf", TimedOut)]
    // Forms drawing forms with a line at the leaf, and 18 million line operators in one stream: the heap cap.
    [InlineData("billions-of-path-ops.pdf", "超出内存上限")]
    [InlineData("millions-of-path-ops.pdf", "超出内存上限")]
    // A content stream flated three times over that inflates to 1 GiB (885 bytes on disk).
    [InlineData("inflates-to-1gib.pdf", "超出内存上限")]
    // Nesting 100,000–200,000 deep: arrays in the resources, dictionaries in the page, arrays in the content stream.
    [InlineData("deep-nesting.pdf", "嵌套过深")]
    [InlineData("deep-dictionaries.pdf", "嵌套过深")]
    [InlineData("deep-nesting-in-content.pdf", "嵌套过深")]
    // Wrong xref offsets and no object header left to find by scanning.
    [InlineData("broken-xref-no-objects.pdf", "已损坏或不完整")]
    public async Task A_hostile_pdf_is_refused_within_the_budget_and_the_next_pdf_gets_a_fresh_reader(string file, string reason)
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.Fixtures, "formats", "hostile-pdf", file));
        var (pool, timeout) = reason == TimedOut ? (readers.Pool, ShortTimeout) : (readers.MemoryBoundPool, LongTimeout);
        var clock = Stopwatch.StartNew();

        var hostile = await pool.ReadAsync(bytes, CancellationToken.None);

        var elapsed = clock.Elapsed;
        output.WriteLine($"{file}: {elapsed.TotalSeconds:0.0} s, reader peak {hostile.ReaderPeakBytes / (1024 * 1024)} MB: {hostile.Error}");
        Assert.Null(hostile.Pages);
        Assert.Contains(reason, hostile.Error);
        Assert.True(elapsed < timeout + TimeSpan.FromSeconds(10), $"took {elapsed}");
        Assert.True(hostile.ReaderPeakBytes is { } peak && peak < Budget * 2, $"reader peak {hostile.ReaderPeakBytes:N0} bytes");

        var started = pool.ProcessesStarted;
        var next = await pool.ReadAsync(await File.ReadAllBytesAsync(Seed004), CancellationToken.None);
        Assert.Null(next.Error);
        Assert.Contains("政府信息公开", string.Concat(next.Pages!.SelectMany(p => p.Glyphs).Select(g => g.Text)));
        Assert.Equal(started + 1, pool.ProcessesStarted);
    }

    /// <summary>The whole extractor: the failure names the document and the reader's reason, and it is never OCR'd as an empty page.</summary>
    [Theory]
    [InlineData("millions-of-path-ops.pdf", "超出内存上限")]
    [InlineData("deep-nesting.pdf", "嵌套过深")]
    public async Task The_extractor_fails_a_hostile_pdf_naming_it_instead_of_ocring_an_empty_page(string file, string reason)
    {
        using var extractor = new PdfExtractor(new ProcessRunner(), Options.Create(readers.MemoryBound));
        var path = Path.Combine(RepositoryPaths.Fixtures, "formats", "hostile-pdf", file);

        var result = await extractor.ExtractAsync(SourceDocument.FromFile(path), DocumentFormat.Pdf, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.StartsWith(path + "：", result.Error);
        Assert.Contains(reason, result.Error);
    }

    /// <summary>Damage that a careful reader recovers from is read, not refused: what the page says comes out.</summary>
    [Theory]
    // Every xref offset wrong and startxref into the middle of the file: found by scanning for objects.
    [InlineData("broken-xref.pdf", "xref")]
    // A form that draws itself: PdfPig draws it once and stops.
    [InlineData("recursive-form.pdf", "recursion")]
    // A Pages node listing itself as its kid and claiming a billion pages: the one real page is read.
    [InlineData("cyclic-page-tree.pdf", "cycle")]
    // A page of 1,440,000 pt square: nothing is rasterised, so its letters are read as on any page.
    [InlineData("giant-page.pdf", "giant")]
    public async Task A_recoverable_hostile_pdf_is_read_for_what_it_says(string file, string text)
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.Fixtures, "formats", "hostile-pdf", file));

        var read = await readers.Pool.ReadAsync(bytes, CancellationToken.None);

        Assert.Null(read.Error);
        Assert.Equal(text, string.Concat(Assert.Single(read.Pages!).Glyphs.Select(g => g.Text)));
    }

    private static string Seed004 => Path.Combine(RepositoryPaths.Fixtures, "formats", "004_c578ef021bbe04ee", "report.pdf");
}
