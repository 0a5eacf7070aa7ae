using System.Globalization;

// Loaded into the crawler under measurement through DOTNET_STARTUP_HOOKS (the runtime looks for a type named
// StartupHook outside any namespace): every second it appends the GC's own figures to the file named by
// CRAWLER_GC_PROBE, so the memory command can tell managed heap from the rest of RSS without changing the crawler.
#pragma warning disable CA1050 // the runtime requires the global namespace
internal static class StartupHook
#pragma warning restore CA1050
{
    public static void Initialize()
    {
        if (Environment.GetEnvironmentVariable("CRAWLER_GC_PROBE") is not { Length: > 0 } path) return;
        var thread = new Thread(() =>
        {
            var started = DateTime.UtcNow;
            File.AppendAllText(path, "# GC configuration: " + string.Join(" ", GC.GetConfigurationVariables().Select(v => $"{v.Key}={v.Value}")) + "\n");
            while (true)
            {
                var info = GC.GetGCMemoryInfo(GCKind.Any);
                var loh = info.GenerationInfo.Length > 3 ? info.GenerationInfo[3].SizeAfterBytes : 0;
                var line = string.Create(CultureInfo.InvariantCulture,
                    $"{(DateTime.UtcNow - started).TotalSeconds:0.0} heap={info.HeapSizeBytes} committed={info.TotalCommittedBytes} fragmented={info.FragmentedBytes} loh={loh} promoted={info.PromotedBytes} allocated={GC.GetTotalAllocatedBytes()} gen0={GC.CollectionCount(0)} gen1={GC.CollectionCount(1)} gen2={GC.CollectionCount(2)} budget={info.TotalAvailableMemoryBytes}\n");
                File.AppendAllText(path, line);
                Thread.Sleep(1000);
            }
        }) { IsBackground = true, Name = "gc-probe" };
        thread.Start();
    }
}
