using System.Diagnostics;
using Crawler.Extraction.Docx;
using Crawler.Extraction.LegacyWord;
using Crawler.Extraction.Processes;
using Crawler.Extraction.Tests.Fixtures;

namespace Crawler.Extraction.Tests.LegacyWord;

/// <summary>DOC through the real LibreOffice: the fixtures convert back to gold; broken files and hangs fail clearly.</summary>
public sealed class DocExtractorTests
{
    public static TheoryData<string> Seeds => new(GoldFigures.Seeds);

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task DocConvertedByLibreOfficeGivesGoldTables(string seed)
    {
        var gold = GoldFigures.Load(seed);
        var path = Path.Combine(GoldFigures.FormatsFolder(seed), "report.doc");

        var result = await Extractor().ExtractAsync(SourceDocument.FromFile(path), DocumentFormat.Doc, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(DocumentFormat.Doc, result.Format);
        RenderedReportAssertions.TablesEqualGold(result.Document!, gold);
        RenderedReportAssertions.SpansExpanded(result.Document!, gold);
        Assert.Equal(path, result.Document!.Origin);
    }

    [Fact]
    public async Task TwoConversionsAtOnceBothSucceed()
    {
        // Each call has its own LibreOffice profile; on a shared profile the second one silently produces nothing.
        var seeds = GoldFigures.Seeds.Take(2).ToArray();
        var results = await Task.WhenAll(seeds.Select(seed =>
            Extractor().ExtractAsync(SourceDocument.FromFile(Path.Combine(GoldFigures.FormatsFolder(seed), "report.doc")), DocumentFormat.Doc, CancellationToken.None)));

        for (var i = 0; i < seeds.Length; i++)
        {
            Assert.True(results[i].Succeeded, results[i].Error);
            RenderedReportAssertions.TablesEqualGold(results[i].Document!, GoldFigures.Load(seeds[i]));
        }
    }

    [Fact]
    public async Task OleHeaderFollowedByGarbageFailsNamingTheFile()
    {
        var bytes = new byte[64 * 1024];
        new Random(7).NextBytes(bytes);
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(bytes, 0);
        var clock = Stopwatch.StartNew();

        var result = await Extractor().ExtractAsync(new SourceDocument(bytes, "broken-report.doc"), DocumentFormat.Doc, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.StartsWith("broken-report.doc：", result.Error);
        Assert.Contains("LibreOffice", result.Error);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(90), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task MissingLibreOfficeIsAClearFailure()
    {
        var extractor = Extractor(o => o with { LibreOfficePath = "/nonexistent/bin/soffice" });
        var doc = Path.Combine(GoldFigures.FormatsFolder(GoldFigures.Seeds[0]), "report.doc");

        var result = await extractor.ExtractAsync(SourceDocument.FromFile(doc), DocumentFormat.Doc, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains(doc, result.Error);
        Assert.Contains("找不到外部程序 /nonexistent/bin/soffice", result.Error);
    }

    [Fact]
    public async Task HangingLibreOfficeIsKilledWithItsChildrenAfterTheTimeout()
    {
        // A stand-in for a soffice that hangs: a launcher script whose child never ends (as soffice.bin would).
        var folder = Directory.CreateTempSubdirectory("crawler-hang-test-");
        try
        {
            var pidFile = Path.Combine(folder.FullName, "child.pid");
            var script = Path.Combine(folder.FullName, "soffice");
            await File.WriteAllTextAsync(script, $"#!/bin/sh\nsleep 30 &\necho $! > {pidFile}\nwait\n");
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var extractor = Extractor(o => o with { LibreOfficePath = script, LibreOfficeTimeout = TimeSpan.FromSeconds(1) });
            var clock = Stopwatch.StartNew();

            var result = await extractor.ExtractAsync(new SourceDocument(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }, "hangs.doc"), DocumentFormat.Doc, CancellationToken.None);

            Assert.False(result.Succeeded);
            Assert.StartsWith("hangs.doc：", result.Error);
            Assert.Contains("超时", result.Error);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
            var child = int.Parse((await File.ReadAllTextAsync(pidFile)).Trim());
            Assert.True(await ExitsWithin(child, TimeSpan.FromSeconds(5)), $"child sleep {child} survived the kill");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ProcessRunnerKillsASleepAfterATinyTimeout()
    {
        var clock = Stopwatch.StartNew();

        var result = await new ProcessRunner().RunAsync(new ProcessRequest("sleep", ["30"]) { Timeout = TimeSpan.FromMilliseconds(300) }, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("sleep 超时", result.Failure);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    private static async Task<bool> ExitsWithin(int pid, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            // A killed child of a killed parent may linger as a zombie until reaped; it no longer runs.
            var stat = $"/proc/{pid}/stat";
            if (!File.Exists(stat) || (await File.ReadAllTextAsync(stat)).Contains(") Z ")) return true;
            await Task.Delay(100);
        }
        return false;
    }

    private static DocExtractor Extractor(Func<ExtractionOptions, ExtractionOptions>? change = null)
    {
        var options = TestOptions.With(change ?? (o => o));
        return new DocExtractor(new ProcessRunner(), new DocxExtractor(options), options);
    }
}
