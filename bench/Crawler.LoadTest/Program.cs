using Crawler.LoadTest.Fuzzing;
using Crawler.LoadTest;

// dotnet run -c Release --project bench/Crawler.LoadTest -- [--agencies 1000] [--hosts 50] [--concurrency 8]
//     [--polite-agencies 2000] [--polite-hosts 100] [--polite-delay 1] [--no-wget] [--no-polite]
// dotnet run -c Release --project bench/Crawler.LoadTest -- fuzz [--count 1000] [--seed 20240131] [--regressions DIR] [--no-slow] [--replay DIR]
if (args.Length > 0 && args[0] == "fuzz") return await FuzzCommand.RunAsync(args);
// dotnet bench/Crawler.LoadTest/bin/Release/net10.0/Crawler.LoadTest.dll serve --agencies 8334 --hosts 100 --sources-out FILE
// dotnet bench/Crawler.LoadTest/bin/Release/net10.0/Crawler.LoadTest.dll search-bench [--versions 100000] [--rounds 40] [--data DIR]
// dotnet bench/Crawler.LoadTest/bin/Release/net10.0/Crawler.LoadTest.dll status-bench [--agencies 1000] [--rounds 20] [--data DIR]
if (args.Length > 0 && args[0] == "status-bench") return await Crawler.LoadTest.SearchScale.StatusBenchCommand.RunAsync(args);
if (args.Length > 0 && args[0] == "search-bench") return await Crawler.LoadTest.SearchScale.SearchBenchCommand.RunAsync(args);
if (args.Length > 0 && args[0] == "serve") return await ServeCommand.RunAsync(args);
if (args.Length > 0 && args[0] == "crashtest") return await Crawler.LoadTest.CrashTest.CrashTestCommand.RunAsync(args);
// dotnet bench/Crawler.LoadTest/bin/Release/net10.0/Crawler.LoadTest.dll memory [--agencies 8334] [--hosts 100] [--concurrency 8] [--env KEY=VALUE] [--limit-mb 300]
// dotnet bench/Crawler.LoadTest/bin/Release/net10.0/Crawler.LoadTest.dll hostile-sites [--cases 1,2,3,4,5] [--crawler PATH] [--env KEY=VALUE] [--keep]
if (args.Length > 0 && args[0] == "hostile-sites") return await Crawler.LoadTest.HostileSites.HostileSitesCommand.RunAsync(args);
if (args.Length > 0 && args[0] == "memory") return await Crawler.LoadTest.Memory.MemoryCommand.RunAsync(args);
// dotnet bench/Crawler.LoadTest/bin/Release/net10.0/Crawler.LoadTest.dll startup [--crawler PATH] [--runs 15] [--goal-ms 300]   (after ops/install.sh)
if (args.Length > 0 && args[0] == "startup") return await Crawler.LoadTest.Startup.StartupCommand.RunAsync(args);
var options = LoadTestOptions.Parse(args);
var root = Path.Combine(Path.GetTempPath(), "crawler-load-" + Guid.NewGuid().ToString("N")[..8]);
var seeds = Path.Combine(AppContext.BaseDirectory, "samples", "seeds");
var fixtures = Path.Combine(AppContext.BaseDirectory, "formats");
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancellation.Cancel(); };
try
{
    Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
    var nation = SimulatedNation.Build(options.Agencies, options.Hosts, seeds, fixtures);
    var rows = new List<CrawlMeasurement>();
    WgetBaseline.Result? wget = null;
    await using (var server = await SimulatedNationServer.StartAsync(nation, cancellation.Token))
    {
        Console.WriteLine($"Simulated web: {nation.Agencies.Count} agencies on {options.Hosts} hosts ({server.HostUrls[0]} …), {nation.Hosts.Sum(h => h.Count)} files");
        var data = Path.Combine(root, "data");
        rows.Add(await LoadCrawl.RunAsync("first crawl, no politeness", nation, server, data, TimeSpan.Zero, options.Concurrency, cancellation.Token));
        rows.Add(await LoadCrawl.RunAsync("second crawl, unchanged", nation, server, data, TimeSpan.Zero, options.Concurrency, cancellation.Token));
        if (options.Wget) wget = await WgetBaseline.RunAsync(server, Path.Combine(root, "wget"), options.Concurrency, cancellation.Token);
    }
    var (first, second) = (rows[0], rows[1]);

    CrawlMeasurement? polite = null;
    if (options.Polite)
    {
        // A fresh site and data directory; the first site's pages are released first so RSS is this run's own.
        var politeNation = SimulatedNation.Build(options.PoliteAgencies, options.PoliteHosts, seeds, fixtures);
        await using var politeServer = await SimulatedNationServer.StartAsync(politeNation, cancellation.Token);
        var concurrency = Math.Min(options.PoliteAgencies, 2 * options.PoliteHosts);
        polite = await LoadCrawl.RunAsync($"polite: {options.PoliteAgencies} agencies / {options.PoliteHosts} hosts, {options.PoliteDelay.TotalSeconds:0.#} s per host, {concurrency} sources at once",
            politeNation, politeServer, Path.Combine(root, "polite"), options.PoliteDelay, concurrency, cancellation.Token);
        rows.Add(polite);
    }
    LoadReport.Write(Console.Out, nation, rows, wget, first, polite, options);
    return first.NewReports == nation.ExpectedReports && second.DocumentsParsed == 0 ? 0 : 1;
}
finally
{
    if (!options.Keep && Directory.Exists(root)) Directory.Delete(root, recursive: true);
}
