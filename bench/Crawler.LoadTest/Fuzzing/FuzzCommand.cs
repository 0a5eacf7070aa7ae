using System.Globalization;

namespace Crawler.LoadTest.Fuzzing;

/// <summary>
/// The <c>fuzz</c> command: N hostile documents through extract + parse, a summary by mutation kind. Of the N,
/// <see cref="SlowHostileCorpus.Shares.Default"/> are the slow kinds (DOC, WPS, scanned PDF, images, invalid GBK)
/// unless <c>--no-slow</c>; at the end no LibreOffice, pdftoppm or tesseract process may be left running.
/// </summary>
public static class FuzzCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        string? Value(string name) => args.Select((a, i) => (a, i)).Where(x => x.a == name && x.i + 1 < args.Count).Select(x => args[x.i + 1]).LastOrDefault();
        var count = int.Parse(Value("--count") ?? "1000", CultureInfo.InvariantCulture);
        var seed = int.Parse(Value("--seed") ?? "20240131", CultureInfo.InvariantCulture);
        var formats = Value("--formats") ?? Path.Combine(AppContext.BaseDirectory, "formats");
        var regressions = Value("--regressions");
        var limit = TimeSpan.FromSeconds(20);
        // The slow kinds (DOC, WPS, scanned PDF, images) come from the repository's fixtures: the build output leaves them out.
        var slowFormats = Value("--slow-formats") ?? RepositoryFormats();
        var shares = args.Contains("--no-slow") || slowFormats is null ? SlowHostileCorpus.Shares.None : SlowHostileCorpus.Shares.Default;
        var fast = Math.Max(0, count - shares.Total);
        var replay = Value("--replay");
        var corpus = replay is not null
            ? Directory.GetFiles(replay).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal).Select(f => new HostileInput(Path.GetFileName(f), File.ReadAllBytes(f)))
            : HostileCorpus.Generate(formats, fast, seed).Concat(slowFormats is null ? [] : SlowHostileCorpus.Generate(slowFormats, shares, fast, seed));
        var summary = await FuzzCampaign.RunAsync(corpus, limit, regressions,
            o =>
            {
                if (o.Violation is not null) Console.WriteLine($"VIOLATION {o.Name}: {o.Violation}");
                else if (replay is not null) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{o.Name}: extract {o.Extraction.TotalSeconds:0.0} s, parse {(o.Elapsed - o.Extraction).TotalSeconds:0.0} s, {(o.IsReport ? "report" : o.Error ?? "not a report")}"));
            }, CancellationToken.None);
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine("| mutation | documents | extracted | parsed as report | failed with error | violations | max s |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var kind in summary.Outcomes.GroupBy(o => o.Name.Split('-')[1]).OrderBy(g => g.Key, StringComparer.Ordinal))
            Console.WriteLine(string.Create(c, $"| {kind.Key} | {kind.Count()} | {kind.Count(o => o.Extracted)} | {kind.Count(o => o.IsReport)} | {kind.Count(o => o.Error is not null)} | {kind.Count(o => o.Violation is not null)} | {kind.Max(o => o.Elapsed.TotalSeconds):0.0} |"));
        Console.WriteLine(string.Create(c, $"\n{summary.Outcomes.Count} documents (seed {seed}) in {summary.Elapsed.TotalSeconds:0} s; slowest {summary.Outcomes.Max(o => o.Elapsed.TotalSeconds):0.0} s; peak RSS {summary.PeakRssBytes / 1048576.0:0} MB; managed heap after {summary.ManagedBytesAfter / 1048576.0:0} MB; violations {summary.Violations.Count}"));
        var leftover = ProcessTree.Descendants();
        Console.WriteLine($"tool processes still running after the run: {leftover.Count}{(leftover.Count == 0 ? "" : " (" + string.Join(", ", leftover) + ")")}");
        return summary.Violations.Count == 0 && leftover.Count == 0 ? 0 : 1;
    }

    private static string? RepositoryFormats()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var formats = Path.Combine(dir.FullName, "tests", "fixtures", "formats");
            if (File.Exists(Path.Combine(dir.FullName, "Crawler.sln")) && Directory.Exists(formats)) return formats;
        }
        return null;
    }
}
