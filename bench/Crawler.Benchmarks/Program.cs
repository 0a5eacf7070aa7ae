using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Crawler.Benchmarks;

if (args is ["--cpu", ..])
{
    CpuThroughput.Run(args.Length > 1 && int.TryParse(args[1], out var n) ? n : 5000);
    return;
}

// In-process: no generated project to build (and no repository build props to trip it up); ShortRun by default.
var config = DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).AsDefault());
BenchmarkSwitcher.FromAssembly(typeof(ParseBenchmarks).Assembly).Run(args, config);
