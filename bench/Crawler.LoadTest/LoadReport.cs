using System.Globalization;

namespace Crawler.LoadTest;

/// <summary>Prints the results as the markdown table and projection that go into docs/benchmarks.md.</summary>
public static class LoadReport
{
    public static void Write(TextWriter output, SimulatedNation nation, IReadOnlyList<CrawlMeasurement> rows, WgetBaseline.Result? wget,
        CrawlMeasurement first, CrawlMeasurement? polite, LoadTestOptions options)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine();
        output.WriteLine("| run | elapsed s | docs fetched | docs/s | new reports | reports/s | re-parsed | unchanged | failures | HTTP requests | 200 / 304 | body MB | CPU s | CPU cores | RSS at start MB | peak RSS MB |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
            output.WriteLine(string.Create(c, $"| {r.Name} | {r.Elapsed.TotalSeconds:0.0} | {r.DocumentsFetched} | {r.DocumentsPerSecond:0.0} | {r.NewReports + r.NewVersions} | {r.ReportsPerSecond:0.0} | {r.DocumentsParsed} | {r.Unchanged} | {r.Failures} | {r.Requests} | {r.FullResponses} / {r.NotModified} | {r.BodyBytes / 1e6:0.0} | {r.Cpu.TotalSeconds:0.0} | {r.CpuCores:0.00} | {r.RssBeforeBytes / 1048576.0:0} | {r.PeakRssBytes / 1048576.0:0} |"));
        output.WriteLine();
        output.WriteLine(string.Create(c, $"Expected reports: {nation.ExpectedReports}; found on first crawl: {first.NewReports + first.NewVersions}."));
        foreach (var problem in rows.SelectMany(r => r.Problems).Distinct().Take(10)) output.WriteLine("  problem: " + problem);
        if (wget is not null)
            output.WriteLine(string.Create(c, $"wget --mirror baseline: {wget.Elapsed.TotalSeconds:0.0} s, {wget.Files} files, {wget.Bytes / 1e6:0.0} MB; crawler first crawl / wget = {first.Elapsed.TotalSeconds / wget.Elapsed.TotalSeconds:0.0}×"));
        if (polite is null) return;

        var bound = polite.MaxRequestsOnOneHost * options.PoliteDelay.TotalSeconds;
        output.WriteLine(string.Create(c, $"Politeness: busiest host served {polite.MaxRequestsOnOneHost} requests × {options.PoliteDelay.TotalSeconds:0.#} s = {bound:0} s lower bound; elapsed {polite.Elapsed.TotalSeconds:0} s ({polite.Elapsed.TotalSeconds / bound:0.00}× the bound); shortest gap between two requests to one host {polite.MinRequestSpacing?.TotalSeconds:0.000} s; CPU {polite.CpuCores:0.00} cores of {Environment.ProcessorCount}; peak RSS {polite.PeakRssBytes / 1048576.0:0} MB"));

        // National season: 100,000 agencies on 5,000 hosts = 20 agencies per host.
        const double agencies = 100_000, hosts = 5_000;
        var requestsPerAgency = (double)polite.Requests / options.PoliteAgencies;
        var politeSeconds = agencies / hosts * requestsPerAgency * options.PoliteDelay.TotalSeconds;
        var cpuSecondsPerAgency = first.Cpu.TotalSeconds / nation.Agencies.Count;
        output.WriteLine(string.Create(c, $"Projection, national season ({agencies:N0} agencies on {hosts:N0} hosts, {requestsPerAgency:0.0} requests per agency, {options.PoliteDelay.TotalSeconds:0.#} s per host):"));
        output.WriteLine(string.Create(c, $"  per-host floor: {politeSeconds / 60:0} min whatever the node count (all hosts crawled at once)"));
        foreach (var nodes in new[] { 1, 2, 4, 8 })
        {
            var cpuSeconds = agencies * cpuSecondsPerAgency / (nodes * Environment.ProcessorCount);
            output.WriteLine(string.Create(c, $"  {nodes} node(s) × {Environment.ProcessorCount} cores: CPU {cpuSeconds / 60:0} min → first full pass ≈ {Math.Max(cpuSeconds, politeSeconds) / 60:0} min"));
        }
    }
}
