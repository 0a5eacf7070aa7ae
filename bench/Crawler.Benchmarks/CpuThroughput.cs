using System.Diagnostics;
using Crawler.Extraction.PlainText;
using Crawler.Reports.Parsing;

namespace Crawler.Benchmarks;

/// <summary>
/// Reports per CPU-second on one thread: the process's CPU time, not the wall clock, so the figure holds on a
/// machine shared with other work (BenchmarkDotNet's wall-clock numbers do not). Run with <c>--cpu</c>.
/// </summary>
internal static class CpuThroughput
{
    public static void Run(int iterations)
    {
        var parser = new ReportParser();
        Console.WriteLine("| Seed | CPU µs/report | reports per CPU-second | wall µs/report | allocated KB/report |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        double totalCpu = 0;
        var count = 0;
        // Warm every seed first, so that tiered JIT has settled before any seed is measured.
        var texts = SeedFiles.Names().ToDictionary(s => s, SeedFiles.Read);
        foreach (var text in texts.Values) for (var i = 0; i < iterations / 2; i++) parser.Parse(PlainTextDocumentReader.Read(text));
        Thread.Sleep(500);
        foreach (var (seed, text) in texts)
        {
            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var wall = Stopwatch.StartNew();
            for (var i = 0; i < iterations; i++) parser.Parse(PlainTextDocumentReader.Read(text));
            wall.Stop();
            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpuBefore).TotalMicroseconds / iterations;
            var allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / 1024.0 / iterations;
            totalCpu += cpu;
            count++;
            Console.WriteLine($"| {seed} | {cpu:F1} | {1_000_000 / cpu:F0} | {wall.Elapsed.TotalMicroseconds / iterations:F1} | {allocated:F1} |");
        }
        Console.WriteLine($"| mean | {totalCpu / count:F1} | {1_000_000 / (totalCpu / count):F0} | | |");
    }
}
