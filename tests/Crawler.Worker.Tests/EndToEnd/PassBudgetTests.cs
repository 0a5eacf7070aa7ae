using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Crawler.Tests.Shared;
using Crawler.Worker.Cli;
using Crawler.Worker.SampleSite;

namespace Crawler.Worker.Tests.EndToEnd;

/// <summary>
/// The real <c>crawl --once</c> with a source on a server that accepts connections and never answers: the pass keeps its
/// time budget (Crawl:MaxPassDuration), the stalled source is abandoned with a problem line, the others finish or are
/// named as not crawled.
/// </summary>
[Collection(EnvironmentCollection.Name)]
public sealed class PassBudgetTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("crawler-budget-").FullName;
    // On another loopback address: politeness is per server address, and the sample site is on 127.0.0.1.
    private readonly TcpListener _silent = new(IPAddress.Parse("127.0.0.2"), 0);
    private readonly List<Socket> _accepted = [];
    private SampleSiteServer _site = null!;

    public async Task InitializeAsync()
    {
        _site = await SampleSiteServer.StartAsync(RepositoryPaths.Seeds, CancellationToken.None);
        // Accepts every connection and never sends a byte.
        _silent.Start();
        _ = Task.Run(async () =>
        {
            try
            {
                while (true) _accepted.Add(await _silent.AcceptSocketAsync());
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
            }
        });
    }

    public async Task DisposeAsync()
    {
        _silent.Stop();
        foreach (var socket in _accepted.ToArray()) socket.Dispose();
        await _site.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    private string SourcesFile(string name)
    {
        var live = _site.Sources()[1];
        var port = ((IPEndPoint)_silent.LocalEndpoint).Port;
        var path = Path.Combine(_root, name);
        File.WriteAllText(path, "{\"sources\": ["
            + $"{{\"id\": \"stalled\", \"agency\": \"无响应局\", \"startUrls\": [\"http://127.0.0.2:{port}/zfxxgk/\"], \"allowPrivateNetwork\": true, \"verified\": true}},"
            + $"{{\"id\": \"{live.Id}\", \"agency\": \"{live.Agency}\", \"startUrls\": [\"{live.StartUrls[0]}\"], \"allowPrivateNetwork\": true, \"verified\": true}}"
            + "]}");
        return path;
    }

    private async Task<(CrawlerRun Run, TimeSpan Elapsed)> CrawlAsync(int concurrency, string name)
    {
        var environment = new Dictionary<string, string?>
        {
            ["Crawl__MaxPassDuration"] = "00:00:04",
            ["Crawl__MaxConcurrentSources"] = concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var started = Stopwatch.GetTimestamp();
        var run = await CrawlerProcess.RunAsync(_root, environment, "crawl", "--once", "--sources", SourcesFile(name + ".json"), "--data", name);
        return (run, Stopwatch.GetElapsedTime(started));
    }

    [Fact]
    public async Task A_never_answering_server_is_abandoned_at_the_pass_budget_while_the_other_source_finishes()
    {
        var (run, elapsed) = await CrawlAsync(2, "parallel");

        Assert.True(run.ExitCode == ExitCodes.SomeFailed, run.ToString());
        // 4 s of budget, plus the process's start and the summary (the default request timeout alone is 3 min).
        Assert.True(elapsed < TimeSpan.FromSeconds(30), $"took {elapsed.TotalSeconds:0} s\n{run}");
        Assert.Matches(@"│ sample-lushan-commerce\s+│ 鲁山县商务局\s+│ 成功 │ 1 ", run.Output);
        Assert.Contains("abandoned when the crawl pass reached its time budget (Crawl:MaxPassDuration)", run.Output);
    }

    [Fact]
    public async Task A_source_whose_turn_comes_after_the_budget_is_named_as_not_crawled()
    {
        var (run, elapsed) = await CrawlAsync(1, "serial");

        Assert.True(run.ExitCode == ExitCodes.Failed, run.ToString());
        Assert.True(elapsed < TimeSpan.FromSeconds(30), $"took {elapsed.TotalSeconds:0} s\n{run}");
        Assert.Contains("abandoned when the crawl pass reached its time budget (Crawl:MaxPassDuration)", run.Output);
        Assert.Contains("本轮未抓取 (not crawled in this pass): the pass reached its time budget of 4 s before this source's turn (Crawl:MaxPassDuration)", run.Output);
    }
}
