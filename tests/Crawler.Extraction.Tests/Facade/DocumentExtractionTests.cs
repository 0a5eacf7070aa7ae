using System.Diagnostics;
using Crawler.Extraction.Docx;
using Crawler.Extraction.Html;
using Crawler.Extraction.LegacyWord;
using Crawler.Extraction.Processes;
using Crawler.Extraction.Tests.Fixtures;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Crawler.Extraction.Tests.Facade;

/// <summary>The facade as wired by AddExtraction: dispatch by sniffed format, limits, and failures as values.</summary>
public sealed class DocumentExtractionTests
{
    private static readonly string Folder = GoldFigures.FormatsFolder(GoldFigures.Seeds[0]);

    [Fact]
    public void AddExtractionRegistersTheFacadeTheRunnerAndEveryExtractorInTheAssembly()
    {
        using var provider = Services();

        Assert.IsType<DocumentExtraction>(provider.GetRequiredService<IDocumentExtraction>());
        Assert.NotNull(provider.GetRequiredService<ProcessRunner>());
        var extractors = provider.GetServices<IDocumentExtractor>().Select(e => e.GetType()).ToList();
        Assert.Contains(typeof(HtmlExtractor), extractors);
        Assert.Contains(typeof(DocxExtractor), extractors);
        Assert.Contains(typeof(DocExtractor), extractors);
        Assert.Equal(extractors.Count, extractors.Distinct().Count());
    }

    [Fact]
    public void CallingAddExtractionTwiceRegistersEachExtractorOnce()
    {
        var configuration = new ConfigurationBuilder().Build();
        using var provider = new ServiceCollection().AddLogging().AddExtraction(configuration).AddExtraction(configuration).BuildServiceProvider();

        var extractors = provider.GetServices<IDocumentExtractor>().Select(e => e.GetType()).ToList();

        Assert.Equal(extractors.Count, extractors.Distinct().Count());
    }

    [Fact]
    public async Task AWpsFileIsConvertedByLibreOfficeAndReadBackToGold()
    {
        // Kingsoft WPS writes Word 97 binaries under a .wps name; the bytes say OLE Word, the name says WPS.
        using var provider = Services();
        var bytes = File.ReadAllBytes(Path.Combine(Folder, "report.doc"));

        var result = await provider.GetRequiredService<IDocumentExtraction>().ExtractAsync(new SourceDocument(bytes, "2023年度报告.wps"), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(DocumentFormat.Wps, result.Format);
        RenderedReportAssertions.TablesEqualGold(result.Document!, GoldFigures.Load(GoldFigures.Seeds[0]));
    }

    [Theory]
    [InlineData("report.utf8.html", DocumentFormat.Html)]
    [InlineData("report.gbk.html", DocumentFormat.Html)]
    [InlineData("report.docx", DocumentFormat.Docx)]
    public async Task EachFixtureReachesItsExtractorAndComesBackAsGold(string file, DocumentFormat format)
    {
        using var provider = Services();
        var path = Path.Combine(Folder, file);

        var result = await provider.GetRequiredService<IDocumentExtraction>().ExtractAsync(SourceDocument.FromFile(path), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(format, result.Format);
        Assert.Equal(path, result.Document!.Origin);
        RenderedReportAssertions.TablesEqualGold(result.Document, GoldFigures.Load(GoldFigures.Seeds[0]));
    }

    [Fact]
    public async Task ZeroByteFileIsAClearFailure()
    {
        using var provider = Services();

        var result = await provider.GetRequiredService<IDocumentExtraction>().ExtractAsync(new SourceDocument(Array.Empty<byte>(), "empty.pdf"), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal("empty.pdf：文件为空（0 字节），无法提取", result.Error);
    }

    [Fact]
    public async Task FiveHundredMegabytesAreRefusedWithoutBeingRead()
    {
        using var provider = Services();
        using var huge = new NativeBuffer(500u * 1024 * 1024);
        var before = Process.GetCurrentProcess().WorkingSet64;
        var clock = Stopwatch.StartNew();

        var result = await provider.GetRequiredService<IDocumentExtraction>().ExtractAsync(new SourceDocument(huge.Memory, "huge.pdf"), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal("huge.pdf：文件大小 524,288,000 字节超过上限 104,857,600 字节（Extraction:MaxDocumentBytes），未提取；原文件已保留", result.Error);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
        Assert.True(Process.GetCurrentProcess().WorkingSet64 - before < 100L * 1024 * 1024, "the 500 MB were touched");
    }

    [Fact]
    public async Task FiveHundredMegabyteFileOnDiskIsRefusedFromItsLength()
    {
        using var provider = Services();
        var path = Path.Combine(Path.GetTempPath(), $"crawler-huge-{Guid.NewGuid():N}.pdf");
        try
        {
            // Sparse: takes no disk space and no time to create.
            using (var file = File.Create(path)) file.SetLength(500L * 1024 * 1024);

            var result = await provider.GetRequiredService<DocumentExtraction>().ExtractFileAsync(path, null, CancellationToken.None);

            Assert.False(result.Succeeded);
            Assert.StartsWith($"{path}：文件大小 524,288,000 字节超过上限", result.Error);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task SizeLimitComesFromTheExtractionSection()
    {
        using var provider = Services(("Extraction:MaxDocumentBytes", "1000"));
        var path = Path.Combine(Folder, "report.docx");

        var result = await provider.GetRequiredService<IDocumentExtraction>().ExtractAsync(SourceDocument.FromFile(path), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("超过上限 1,000 字节", result.Error);
    }

    [Fact]
    public void InvalidOptionsAreRejectedNamingTheSetting()
    {
        using var provider = Services(("Extraction:MaxDocumentBytes", "0"), ("Extraction:LibreOfficePath", " "));

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ExtractionOptions>>().Value);

        Assert.Contains("Extraction:MaxDocumentBytes must be positive", error.Message);
        Assert.Contains("Extraction:LibreOfficePath", error.Message);
    }

    [Fact]
    public async Task UnrecognisedBytesFailNamingTheDocumentAndWhatItClaimed()
    {
        using var provider = Services();
        var bytes = new byte[2048];
        new Random(5).NextBytes(bytes);
        bytes[0] = 0;

        var result = await provider.GetRequiredService<IDocumentExtraction>().ExtractAsync(new SourceDocument(bytes, "http://x.gov.cn/nb.pdf", "application/pdf"), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(DocumentFormat.Unknown, result.Format);
        Assert.StartsWith("http://x.gov.cn/nb.pdf：无法识别文件格式（2048 字节，Content-Type application/pdf，扩展名 .pdf）", result.Error);
    }

    [Fact]
    public async Task AFormatWithoutAnExtractorIsAClearFailure()
    {
        var extraction = new DocumentExtraction([], TestOptions.Default, NullLogger<DocumentExtraction>.Instance);

        var result = await extraction.ExtractAsync(new SourceDocument(File.ReadAllBytes(Path.Combine(Folder, "report.docx")), "a.docx"), CancellationToken.None);

        Assert.Equal("a.docx：格式 Docx 没有可用的提取器", result.Error);
    }

    [Fact]
    public async Task AnExtractorThatThrowsBecomesAFailureNamingTheDocument()
    {
        // A fault no real input reliably provokes: an extractor bug.
        var extraction = new DocumentExtraction([new FaultyExtractor(hang: false)], TestOptions.Default, NullLogger<DocumentExtraction>.Instance);

        var result = await extraction.ExtractAsync(new SourceDocument("<html>年报</html>"u8.ToArray(), "page.html"), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal("page.html：Html 提取器出错（InvalidOperationException：extractor bug）；原文件已保留，可稍后重试", result.Error);
    }

    [Fact]
    public async Task AnExtractorThatHangsIsCutOffByTheDocumentTimeout()
    {
        var options = TestOptions.With(o => o with { DocumentTimeout = TimeSpan.FromMilliseconds(200) });
        var extraction = new DocumentExtraction([new FaultyExtractor(hang: true)], options, NullLogger<DocumentExtraction>.Instance);
        var clock = Stopwatch.StartNew();

        var result = await extraction.ExtractAsync(new SourceDocument("<html>年报</html>"u8.ToArray(), "slow.html"), CancellationToken.None);

        Assert.StartsWith("slow.html：Html 提取超时", result.Error);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5));
    }

    private static ServiceProvider Services(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return new ServiceCollection().AddLogging().AddExtraction(configuration).BuildServiceProvider();
    }

    private sealed class FaultyExtractor(bool hang) : IDocumentExtractor
    {
        public bool CanExtract(DocumentFormat format) => format == DocumentFormat.Html;

        public async Task<ExtractionResult> ExtractAsync(SourceDocument document, DocumentFormat format, CancellationToken cancellationToken)
        {
            if (!hang) throw new InvalidOperationException("extractor bug");
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return ExtractionResult.Failure(format, "unreachable");
        }
    }
}
