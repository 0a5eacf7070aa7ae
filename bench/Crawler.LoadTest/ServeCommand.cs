using System.Globalization;

namespace Crawler.LoadTest;

/// <summary>
/// The <c>serve</c> command: the simulated web in its own process, with a sources file for it, so the real
/// <c>crawler</c> binary can be measured alone (e.g. under <c>/usr/bin/time -v</c> for its peak RSS).
/// Serves until stdin closes or the process is stopped.
/// </summary>
public static class ServeCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        string? Value(string name) => args.Select((a, i) => (a, i)).Where(x => x.a == name && x.i + 1 < args.Count).Select(x => args[x.i + 1]).LastOrDefault();
        var agencies = int.Parse(Value("--agencies") ?? "1000", CultureInfo.InvariantCulture);
        var hosts = int.Parse(Value("--hosts") ?? "50", CultureInfo.InvariantCulture);
        var sourcesFile = Value("--sources-out") ?? "simulated-sources.json";
        var nation = SimulatedNation.Build(agencies, hosts, Path.Combine(AppContext.BaseDirectory, "samples", "seeds"), Path.Combine(AppContext.BaseDirectory, "formats"));
        await using var server = await SimulatedNationServer.StartAsync(nation, CancellationToken.None);
        await SimulatedSourcesFile.WriteAsync(nation, server, sourcesFile, CancellationToken.None);
        Console.WriteLine($"Serving {agencies} agencies ({nation.ExpectedDocuments} documents, {nation.ExpectedReports} expected reports) on {hosts} hosts; sources in {sourcesFile}");
        await Console.In.ReadToEndAsync();
        Console.WriteLine($"Served {server.Requests} requests ({server.FullResponses} full, {server.NotModified} not modified, {server.BodyBytes / 1e6:0.0} MB of bodies)");
        return 0;
    }
}
