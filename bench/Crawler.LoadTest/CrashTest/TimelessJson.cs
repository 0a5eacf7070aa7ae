using System.Text.Json.Nodes;

namespace Crawler.LoadTest.CrashTest;

/// <summary>
/// JSON with its clock readings removed (every property named *At: fetchedAt, indexedAt, occurredAt …, and a publication-date candidate's first-fetch date), so what a
/// killed-and-resumed crawl produced can be compared byte for byte with what an uninterrupted one produced earlier.
/// </summary>
public static class TimelessJson
{
    public static string Normalize(string json) => Normalize(JsonNode.Parse(json))?.ToJsonString() ?? "null";

    public static JsonNode? Normalize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).Where(IsClockReading).ToList()) obj.Remove(name);
                // A publication-date candidate taken from the first fetch is itself a clock reading.
                if (obj["source"] is JsonValue source && source.TryGetValue<string>(out var s) && s == "firstFetched")
                {
                    obj.Remove("date");
                    obj.Remove("evidence");
                }
                foreach (var (_, value) in obj) Normalize(value);
                break;
            case JsonArray array:
                foreach (var item in array) Normalize(item);
                break;
        }
        return node;
    }

    private static bool IsClockReading(string name) => name.EndsWith("At", StringComparison.Ordinal) && name.Length > 2;
}
