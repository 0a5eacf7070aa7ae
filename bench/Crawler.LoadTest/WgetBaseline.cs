using System.Diagnostics;

namespace Crawler.LoadTest;

/// <summary>
/// The fetch baseline: <c>wget --mirror --no-parent</c> over every simulated host, as many at once as the crawler
/// crawls sources at once. wget follows only &lt;a href&gt; links, so it misses Hanweb records (inside a script) and
/// createPageHTML pages: it fetches less than the crawler, which flatters wget, not the crawler.
/// </summary>
public static class WgetBaseline
{
    public sealed record Result(TimeSpan Elapsed, int Files, long Bytes);

    public static async Task<Result> RunAsync(SimulatedNationServer server, string directory, int concurrency, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(server.HostUrls, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (url, token) =>
            {
                var start = new ProcessStartInfo("wget") { RedirectStandardError = true, RedirectStandardOutput = true };
                foreach (var argument in new[] { "--mirror", "--no-parent", "-q", "-e", "robots=off", "-P", directory, url.ToString() }) start.ArgumentList.Add(argument);
                using var wget = Process.Start(start) ?? throw new InvalidOperationException("wget did not start");
                await wget.WaitForExitAsync(token).ConfigureAwait(false);
            }).ConfigureAwait(false);
        clock.Stop();
        var files = Directory.GetFiles(directory, "*", SearchOption.AllDirectories);
        return new Result(clock.Elapsed, files.Length, files.Sum(f => new FileInfo(f).Length));
    }
}
