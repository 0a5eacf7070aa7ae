using System.Diagnostics;

namespace Crawler.LoadTest.CrashTest;

/// <summary>
/// The crash test: one simulated web, an alert listener and a stand-in cluster; an uninterrupted reference crawl in
/// one data directory; then, in a second one, the planned kills (each a fresh <c>crawler crawl --once</c> started
/// over the same data and SIGKILLed at its named point) and a final run to the end; then the comparison.
/// </summary>
public static class CrashTestRun
{
    public static async Task<CrashTestResult> RunAsync(CrashTestOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var root = Directory.CreateTempSubdirectory("crawler-crash-").FullName;
        try
        {
            var nation = SimulatedNation.Build(options.Agencies, options.Hosts, options.SeedsDirectory, options.FixturesDirectory);
            await using var web = await SimulatedNationServer.StartAsync(nation, cancellationToken).ConfigureAwait(false);
            var sources = Path.Combine(root, "sources.json");
            await SimulatedSourcesFile.WriteAsync(nation, web, sources, cancellationToken).ConfigureAwait(false);
            log.WriteLine($"Simulated web: {nation.Agencies.Count} agencies on {options.Hosts} hosts, {nation.ExpectedDocuments} documents; data under {root}");

            await using var referenceSinks = await LoopbackRecorder.StartAsync(cancellationToken).ConfigureAwait(false);
            var referenceDirectory = RunDirectory(root, "reference");
            var reference = await Worker(options, referenceSinks, referenceDirectory).RunAsync(referenceDirectory, null, cancellationToken, Crawl(sources)).ConfigureAwait(false);
            if (!reference.Completed) throw new InvalidOperationException($"the reference crawl failed (exit {reference.ExitCode}): {reference.ErrorTail}");
            var referenceState = await CrawlState.ReadAsync(Worker(options, referenceSinks, referenceDirectory), referenceDirectory, cancellationToken).ConfigureAwait(false);
            var counts = new ReferenceCounts((int)web.FullResponses, referenceState.Reports.Count, referenceSinks.Alerts.Count, referenceSinks.BulkRequests);
            log.WriteLine($"Reference crawl: {reference.Elapsed.TotalSeconds:0.0} s, {counts.Fetches} bodies fetched, {counts.Versions} report versions, "
                + $"{counts.Alerts} alerts, {referenceSinks.Documents.Count} index items in {counts.IndexBatches} _bulk requests, {referenceState.Archive.Count} archived files");

            var plan = CrashPlan.Create(options.Kills, options.Seed, counts);
            await using var sinks = await LoopbackRecorder.StartAsync(cancellationToken).ConfigureAwait(false);
            var crashedDirectory = RunDirectory(root, "crashed");
            var worker = Worker(options, sinks, crashedDirectory);
            var kills = new List<KillOutcome>();
            foreach (var kill in plan)
            {
                var run = await worker.RunAsync(crashedDirectory, kill, cancellationToken, Crawl(sources)).ConfigureAwait(false);
                if (!run.Killed && run.ExitCode != 0) throw new InvalidOperationException($"run {kill.Variable} failed (exit {run.ExitCode}): {run.ErrorTail}");
                kills.Add(new KillOutcome(kill, run));
                var stored = await CrawlState.VersionsStoredAsync(crashedDirectory, cancellationToken).ConfigureAwait(false);
                log.WriteLine($"  kill {kills.Count,2} at {kill.Variable,-12} {(run.Killed ? "SIGKILL at the point" : "not reached, ran to the end"),-28} "
                    + $"{run.Elapsed.TotalSeconds,5:0.0} s; versions stored so far {stored}/{counts.Versions}");
            }
            var final = await worker.RunAsync(crashedDirectory, null, cancellationToken, Crawl(sources)).ConfigureAwait(false);
            log.WriteLine($"  final uninterrupted run: exit {final.ExitCode}, {final.Elapsed.TotalSeconds:0.0} s");
            var crashedState = await CrawlState.ReadAsync(worker, crashedDirectory, cancellationToken).ConfigureAwait(false);
            return new CrashTestResult(kills, reference, final, referenceState, crashedState,
                AlertTally.Compare([.. referenceSinks.Alerts], [.. sinks.Alerts]), IndexTally.Compare([.. referenceSinks.Documents], [.. sinks.Documents]),
                clock.Elapsed);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (!options.Keep) Directory.Delete(root, recursive: true);
        }
    }

    private static string[] Crawl(string sources) => ["crawl", "--once", "--sources", sources, "--data", "data"];

    private static string RunDirectory(string root, string name) => Directory.CreateDirectory(Path.Combine(root, name)).FullName;

    // One source at a time: agencies publishing the same PDF text share one report, and which of them stores it
    // first must not depend on thread timing, or the two crawls could differ without any kill.
    private static WorkerProcess Worker(CrashTestOptions options, LoopbackRecorder sinks, string runDirectory) => new(options.CrawlerDll, new Dictionary<string, string>
    {
        ["DOTNET_ENVIRONMENT"] = "CrashTest",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Fetch__PerHostDelay"] = "00:00:00",
        ["Fetch__ContactUrl"] = "http://127.0.0.1/crash-test",
        ["Fetch__TemporaryDirectory"] = Path.Combine(runDirectory, "fetch-tmp"),
        ["Crawl__MaxConcurrentSources"] = "1",
        ["Alerts__Webhook__Url"] = new Uri(sinks.Url, "/alerts").AbsoluteUri,
        ["Elasticsearch__Url"] = sinks.Url.AbsoluteUri,
        ["Elasticsearch__BatchSize"] = options.IndexBatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });
}
