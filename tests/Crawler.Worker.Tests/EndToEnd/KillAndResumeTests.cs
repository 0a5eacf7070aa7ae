using System.Text.Json.Nodes;

namespace Crawler.Worker.Tests.EndToEnd;

/// <summary>
/// A crawl killed with SIGKILL at arbitrary moments and restarted ends with the same archive and the same
/// reports as an uninterrupted crawl: nothing lost, nothing duplicated.
/// </summary>
[Collection(Crawler.Worker.Tests.EndToEnd.SampleSiteCollection.Name)]
public sealed class KillAndResumeTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("crawl-kill-").FullName;

    [Fact]
    public async Task Killed_crawls_resume_to_the_same_archive_and_reports_as_an_uninterrupted_crawl()
    {
        var reference = Path.Combine(_directory, "reference");
        var killed = Path.Combine(_directory, "killed");
        Directory.CreateDirectory(reference);
        Directory.CreateDirectory(killed);
        var uninterrupted = await CrawlerProcess.RunAsync(reference, "crawl", "--once", "--sample", "--data", "data");
        Assert.True(uninterrupted.ExitCode == 0, uninterrupted.Error);

        var random = new Random(20260122);
        for (var attempt = 0; attempt < 4; attempt++)
        {
            using var process = CrawlerProcess.Start(killed, "crawl", "--once", "--sample", "--data", "data");
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(400, 3500)));
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        var resumed = await CrawlerProcess.RunAsync(killed, "crawl", "--once", "--sample", "--data", "data");
        Assert.True(resumed.ExitCode == 0, resumed.Error);

        Assert.Equal(ArchivedFiles(reference), ArchivedFiles(killed));
        Assert.Equal(await ReportKeysAsync(reference), await ReportKeysAsync(killed));
    }

    private static string[] ArchivedFiles(string root) =>
        Directory.GetFiles(Path.Combine(root, "data", "archive"), "*", SearchOption.AllDirectories)
            .Select(Path.GetFileName).Where(name => name!.Length == 64).Order().ToArray()!;

    /// <summary>One line per stored version: agency, year, version number and content hash.</summary>
    private static async Task<string[]> ReportKeysAsync(string root)
    {
        var result = await CrawlerProcess.RunAsync(root, "reports", "--data", "data", "--format", "json");
        Assert.True(result.ExitCode == 0, result.Error);
        return JsonNode.Parse(result.Output)!.AsArray()
            .Select(r => $"{r!["agency"]} {r["year"]} v{r["version"]} {r["sha256"]}").Order().ToArray();
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
