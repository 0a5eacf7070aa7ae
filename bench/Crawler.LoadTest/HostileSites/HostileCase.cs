using Crawler.LoadTest.Memory;
using Crawler.Pipeline.Sources;

namespace Crawler.LoadTest.HostileSites;

/// <summary>
/// One "Done when" figure of the crawl-pipeline issue: the hostile sites it serves, the sources the crawl is given,
/// and how the measured crawl and what it recorded are judged against the target.
/// </summary>
/// <param name="KillAfter">A crawler still running after this long is killed, and the case fails.</param>
public sealed record HostileCase(int Number, string Name, string Target, TimeSpan KillAfter, Func<HostilePages, Task<PreparedCase>> PrepareAsync);

/// <summary>A case's servers, running; its sources; its judge.</summary>
public sealed class PreparedCase(IReadOnlyList<Source> sources, IReadOnlyList<IAsyncDisposable> servers, Func<MeasuredCrawl, CrawlRecord, Verdict> judge) : IAsyncDisposable
{
    public IReadOnlyList<Source> Sources => sources;

    public Verdict Judge(MeasuredCrawl crawl, CrawlRecord record) => judge(crawl, record);

    public async ValueTask DisposeAsync()
    {
        foreach (var server in servers) await server.DisposeAsync().ConfigureAwait(false);
    }
}

/// <param name="Outcome">One line for the table: what the crawl did with the hostile site.</param>
/// <param name="Details">The limit and problem lines the crawler recorded, and anything else worth reading.</param>
public sealed record Verdict(bool Pass, string Outcome, IReadOnlyList<string> Details);
