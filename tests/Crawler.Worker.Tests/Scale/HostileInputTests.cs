using System.Diagnostics;
using Crawler.LoadTest.Fuzzing;
using Crawler.Tests.Shared;

namespace Crawler.Worker.Tests.Scale;

/// <summary>
/// The fuzz harness at CI size (150 documents, fixed seed; the bench command runs 1,000+), and the replay of every
/// input that once broke something (tests/fixtures/regressions).
/// </summary>
public sealed class HostileInputTests
{
    private static readonly string Formats = Path.Combine(RepositoryPaths.Fixtures, "formats");

    [Fact]
    public async Task HostileDocumentsFailAsNamedErrorsWithinTimeAndMemory()
    {
        var clock = Stopwatch.StartNew();
        var summary = await FuzzCampaign.RunAsync(HostileCorpus.Generate(Formats, 150, 20240131), TimeSpan.FromSeconds(20), null, null, CancellationToken.None);

        Assert.Equal(150, summary.Outcomes.Count);
        Assert.True(summary.Violations.Count == 0, string.Join("\n", summary.Violations.Select(v => $"{v.Name}: {v.Violation}")));
        Assert.All(summary.Outcomes.Where(o => o.Error is not null), o => Assert.Contains(o.Name, o.Error!, StringComparison.Ordinal));
        // The corpus must really be hostile and really be mixed: bombs and nesting refused, many bit-flipped reports still read.
        Assert.All(summary.Outcomes.Where(o => o.Name.Contains("billion-laughs", StringComparison.Ordinal) || o.Name.Contains("zip-bomb", StringComparison.Ordinal)),
            o => Assert.False(o.Extracted, o.Name));
        Assert.True(summary.Outcomes.Count(o => o.Error is not null) >= 30, "too few inputs were refused: the mutations are too gentle");
        Assert.True(summary.Outcomes.Count(o => o.IsReport) >= 20, "too few inputs still parsed as reports: the corpus lost its base documents");
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(4), $"150 documents took {clock.Elapsed}");
        Assert.True(summary.ManagedBytesAfter < 300L * 1024 * 1024, $"managed heap after the run: {summary.ManagedBytesAfter:N0} bytes");
        Assert.True(summary.PeakRssBytes < 2L * 1024 * 1024 * 1024, $"peak RSS {summary.PeakRssBytes:N0} bytes");
    }

    [Fact]
    public void TheCorpusIsTheSameForTheSameSeed()
    {
        var first = HostileCorpus.Generate(Formats, 40, 7).Select(i => (i.Name, Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(i.Bytes)))).ToList();
        var second = HostileCorpus.Generate(Formats, 40, 7).Select(i => (i.Name, Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(i.Bytes)))).ToList();

        Assert.Equal(first, second);
    }

    /// <summary>
    /// The slow corpus's kinds that stay fast (under a second each): invalid GBK sequences in the GBK fixture page and
    /// truncated scanned PDFs. The DOC, WPS, bit-flipped scan and image kinds take 4–20 s each and run in the bench only.
    /// </summary>
    [Fact]
    public async Task InvalidGbkPagesAndTruncatedScansFailCleanlyOrStillRead()
    {
        var inputs = SlowHostileCorpus.Generate(Formats, new SlowHostileCorpus.Shares(0, 0, Scanned: 8, 0, 0, InvalidGbk: 6), 0, 20240131)
            .Where(i => !i.Name.Contains("scannedflip", StringComparison.Ordinal)).ToList();

        var summary = await FuzzCampaign.RunAsync(inputs, TimeSpan.FromSeconds(20), null, null, CancellationToken.None);

        Assert.Equal(10, summary.Outcomes.Count);
        Assert.True(summary.Violations.Count == 0, string.Join("\n", summary.Violations.Select(v => $"{v.Name}: {v.Violation}")));
        // A few wrong bytes in a GBK page cost a character each, not the page: every one is decoded, and most still read
        // as reports (seed 003's mutation 0011 overwrote the "</" of </title>, so the whole page became its title, as in a browser).
        var gbk = summary.Outcomes.Where(o => o.Name.Contains("invalidgbk", StringComparison.Ordinal)).ToList();
        Assert.All(gbk, o => Assert.True(o.Extracted, o.Name));
        Assert.True(gbk.Count(o => o.IsReport) >= 4, string.Join(", ", gbk.Where(o => !o.IsReport).Select(o => o.Name)));
        Assert.All(summary.Outcomes.Where(o => o.Name.Contains("scannedtruncate", StringComparison.Ordinal)),
            o => Assert.Contains(o.Name, o.Error ?? "（extracted: a truncated scan should fail）", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EveryKeptRegressionNowFailsCleanly()
    {
        var folder = Path.Combine(RepositoryPaths.Fixtures, "regressions");
        var inputs = Directory.GetFiles(folder).Where(f => !f.EndsWith(".md", StringComparison.Ordinal))
            .Select(f => new HostileInput(Path.GetFileName(f), File.ReadAllBytes(f))).ToList();
        Assert.NotEmpty(inputs);
        await using var run = new FuzzRun(TimeSpan.FromSeconds(20));

        foreach (var input in inputs)
        {
            var outcome = await run.RunAsync(input, CancellationToken.None);
            Assert.True(outcome.Violation is null, $"{input.Name}: {outcome.Violation}");
        }
    }
}
