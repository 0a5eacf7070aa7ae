using System.Text.Json;
using System.Text.Json.Nodes;
using Crawler.Pipeline.Sources;

namespace Crawler.LoadTest;

/// <summary>The sources file (config/sources.json shape) for a running simulated web, for a real <c>crawler</c> process.</summary>
public static class SimulatedSourcesFile
{
    /// <param name="schedule">Every source's own Quartz cron (<c>schedule</c>); null leaves the season default.</param>
    public static Task WriteAsync(SimulatedNation nation, SimulatedNationServer server, string file, CancellationToken cancellationToken, string? schedule = null) =>
        WriteAsync(LoadCrawl.Sources(nation, server), file, cancellationToken, schedule);

    /// <summary>Any sources on loopback (private network allowed, verified), e.g. a simulated nation's plus hostile sites.</summary>
    public static Task WriteAsync(IEnumerable<Source> sources, string file, CancellationToken cancellationToken, string? schedule = null)
    {
        var entries = new JsonArray(sources.Select(s => (JsonNode)Scheduled(new JsonObject
        {
            ["id"] = s.Id,
            ["agency"] = s.Agency,
            ["region"] = s.Region,
            ["startUrls"] = new JsonArray(s.StartUrls.Select(u => (JsonNode)JsonValue.Create(u)!).ToArray()),
            ["allowPrivateNetwork"] = true,
            ["verified"] = true,
        }, schedule)).ToArray());
        return File.WriteAllTextAsync(file, new JsonObject { ["sources"] = entries }.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), cancellationToken);
    }

    private static JsonObject Scheduled(JsonObject source, string? schedule)
    {
        if (schedule is not null) source["schedule"] = schedule;
        return source;
    }
}
