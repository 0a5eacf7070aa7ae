using System.Text.Json.Nodes;

namespace Crawler.LoadTest.CrashTest;

/// <summary>Reads a _bulk body (action line, then source line) and answers every item as done, as Elasticsearch does.</summary>
public static class BulkAnswer
{
    public static (IReadOnlyList<IndexedDocument> Items, string Answer) For(string ndjson)
    {
        var lines = ndjson.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var items = new List<IndexedDocument>();
        var answers = new JsonArray();
        for (var i = 0; i + 1 < lines.Length; i += 2)
        {
            var action = JsonNode.Parse(lines[i])!.AsObject().Single();
            var id = action.Value!["_id"]!.GetValue<string>();
            items.Add(new IndexedDocument(action.Key, id, TimelessJson.Normalize(lines[i + 1]), action.Value["_index"]?.GetValue<string>()));
            answers.Add(new JsonObject { [action.Key] = new JsonObject { ["_id"] = id, ["status"] = action.Key == "index" ? 201 : 200 } });
        }
        return (items, new JsonObject { ["took"] = 1, ["errors"] = false, ["items"] = answers }.ToJsonString());
    }
}
